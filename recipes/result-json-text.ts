import type { ColumnTable } from 'arquero';
import { jsonValue, resultToJSON, tableColumns } from './result-json.js';
import type { EngineReport, RecipeResult } from './types.js';

const ROWS_PER_PIECE = 2000;

/** A table value as JSON text; undefined where JSON.stringify leaves the key out. */
function valueText(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  return JSON.stringify(jsonValue(v));
}

/** The rows of `table` as the text of a JSON array, in pieces of ROWS_PER_PIECE rows. */
function* rowsText(table: ColumnTable): Generator<string> {
  const { names, columns } = tableColumns(table);
  const keys = names.map((name) => `${JSON.stringify(name)}:`);
  const n = table.numRows();
  yield '[';
  for (let start = 0; start < n; start += ROWS_PER_PIECE) {
    let piece = '';
    for (let i = start; i < Math.min(n, start + ROWS_PER_PIECE); i++) {
      let row = '';
      for (let k = 0; k < keys.length; k++) {
        const text = valueText(columns[k]![i]);
        if (text !== undefined) row += (row ? ',' : '') + keys[k] + text;
      }
      piece += `${i ? ',' : ''}{${row}}`;
    }
    yield piece;
  }
  yield ']';
}

/**
 * `JSON.stringify(resultToJSON(…))`, the same text, in pieces: the tables' rows are written
 * straight from their columns, never built as objects, so a result of half a million rows goes
 * out without a second copy of itself in memory.
 *
 * @example
 * for (const piece of resultJsonText('clv', params, result, engine)) process.stdout.write(piece);
 */
export function* resultJsonText(recipe: string, params: Record<string, unknown>, result: RecipeResult, engine: EngineReport | null = null): Generator<string> {
  const { recipe: id, params: p, metrics, charts, notes, engine: e } = resultToJSON(recipe, params, { ...result, tables: {} }, engine);
  yield `${JSON.stringify({ recipe: id, params: p, metrics }).slice(0, -1)},"tables":{`;
  let first = true;
  for (const [name, table] of Object.entries(result.tables)) {
    yield `${first ? '' : ','}${JSON.stringify(name)}:`;
    yield* rowsText(table);
    first = false;
  }
  const tail = JSON.stringify({ charts, notes, engine: e });
  yield tail === '{}' ? '}}' : `},${tail.slice(1)}`;
}
