import { recipeReport } from '../../notebook/report/recipe-report.js';
import type { RecipeResultJSON } from '../../recipes/result-json.js';
import { serverReportEnv } from './report-env.js';

/**
 * `liftbook recipe … --format html`: one recipe run as a report, drawn as its result would be in a
 * notebook report (the JSON's row arrays become table summaries).
 *
 * @example
 * writeFileSync('lift.html', await recipeReportHtml(resultToJSON('lift', params, result)));
 */
export function recipeReportHtml(json: RecipeResultJSON, generatedAt = new Date()): Promise<string> {
  const tables = Object.fromEntries(
    Object.entries(json.tables).map(([name, rows]) => [
      name,
      { kind: 'table' as const, columns: [...new Set(rows.flatMap((r) => Object.keys(r)))], types: [], numRows: rows.length, offset: 0, rows },
    ]),
  );
  const result = { kind: 'recipe-result' as const, metrics: json.metrics, tables, charts: json.charts as unknown as Record<string, unknown>[], notes: json.notes };
  return recipeReport({ recipe: json.recipe, params: json.params, result }, serverReportEnv(), generatedAt);
}
