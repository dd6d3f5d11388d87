import type { RecipeResultJSON } from '../../recipes/result-json.js';
import { formatValue as formatCell } from './format-value.js';
import { TEXT_TABLE_ROWS, textTable } from './text-table.js';

/**
 * A recipe result as readable text (`liftbook recipe … --format table`): metrics, each table,
 * the charts' titles and the notes. `rows` gives a table's full row count when `json` holds only
 * its first rows.
 *
 * @example
 * console.log(resultText(resultToJSON('lift', params, result)));
 */
export function resultText(json: RecipeResultJSON, rows: Record<string, number> = {}): string {
  const parts: string[] = [`Recipe ${json.recipe}`];
  const metrics = Object.entries(json.metrics);
  if (metrics.length) {
    const width = Math.max(...metrics.map(([k]) => k.length));
    parts.push('Metrics', ...metrics.map(([k, v]) => `  ${k.padEnd(width)}  ${formatCell(v)}`));
  }
  for (const [name, shown] of Object.entries(json.tables)) {
    const total = rows[name] ?? shown.length;
    parts.push('', `Table ${name} (${total} rows)`, indent(textTable(shown, TEXT_TABLE_ROWS, total)));
  }
  if (json.charts.length) parts.push('', 'Charts (see --format html)', ...json.charts.map((c) => `  ${c.title}`));
  if (json.notes.length) parts.push('', 'Notes', ...json.notes.map((n) => `  - ${n}`));
  return parts.join('\n') + '\n';
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
