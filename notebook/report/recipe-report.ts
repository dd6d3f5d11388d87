import type { ValueSummary } from '../types.js';
import { recipeResultHtml } from './blocks.js';
import { escapeHtml } from './escape-html.js';
import { madeAt, reportPage } from './page.js';
import type { ReportEnv } from './types.js';

/** One recipe run: its id, the parameters it resolved, its result as the worker summarizes it. */
export interface RecipeRun {
  recipe: string;
  params: Record<string, unknown>;
  result: Extract<ValueSummary, { kind: 'recipe-result' }>;
}

/**
 * The HTML report of one recipe run (`liftbook recipe … --format html`), drawn as a recipe cell's
 * result is in a notebook report, with the resolved parameters folded at the end.
 *
 * @example
 * const html = await recipeReport({ recipe: 'lift', params, result }, env);
 */
export async function recipeReport(run: RecipeRun, env: ReportEnv, generatedAt = new Date()): Promise<string> {
  const params = `<details><summary>Parameters</summary><pre class="text">${escapeHtml(JSON.stringify(run.params, null, 2))}</pre></details>`;
  return reportPage(`Recipe ${run.recipe}`, `${recipeResultHtml(run.result, env)}\n${params}`, `${madeAt(generatedAt)} · liftbook recipe ${run.recipe}`, env);
}
