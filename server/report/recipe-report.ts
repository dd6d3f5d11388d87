import type { RecipeResultJSON } from '../../recipes/result-json.js';
import { recipeResultHtml } from './blocks.js';
import { escapeHtml } from './format-value.js';
import { htmlPage } from './page.js';

/**
 * A self-contained HTML report of one recipe run (`liftbook recipe … --format html`): notes,
 * metric cards, charts as inline SVG, tables, and the resolved parameters.
 *
 * @example
 * writeFileSync('lift.html', recipeReportHtml(resultToJSON('lift', params, result)));
 */
export function recipeReportHtml(json: RecipeResultJSON, generatedAt = new Date()): string {
  const body = recipeResultHtml({
    metrics: json.metrics,
    tables: Object.fromEntries(Object.entries(json.tables).map(([name, rows]) => [name, { rows, numRows: rows.length }])),
    charts: json.charts,
    notes: json.notes,
  });
  const params = `<details><summary>Parameters</summary><pre class="text">${escapeHtml(JSON.stringify(json.params, null, 2))}</pre></details>`;
  return htmlPage(`Recipe ${json.recipe}`, `${body}\n${params}`, `liftbook recipe ${json.recipe} · ${generatedAt.toISOString()}`);
}
