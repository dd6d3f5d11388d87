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

/**
 * Each value of a column as JSON text. A column of few distinct values (times on a calendar,
 * groups, counts) remembers the text of each: formatting a double is most of writing it.
 */
function columnText(values: ArrayLike<unknown>): (i: number) => string | undefined {
  const sample = Math.min(values.length, 4096);
  const seen = new Set<unknown>();
  for (let i = 0; i < sample; i++) seen.add(values[i]);
  if (seen.size > sample / 8) return (i) => valueText(values[i]);
  const texts = new Map<unknown, string | undefined>();
  return (i) => {
    const v = values[i];
    if (texts.has(v)) return texts.get(v);
    const text = valueText(v);
    // Bounded, should the values turn out to be many after all.
    if (texts.size < 65_536) texts.set(v, text);
    return text;
  };
}

/** The rows of `table` as the text of a JSON array, in pieces of ROWS_PER_PIECE rows. */
function* rowsText(table: ColumnTable): Generator<string> {
  const { names, columns: values } = tableColumns(table);
  const columns = values.map(columnText);
  const keys = names.map((name) => `${JSON.stringify(name)}:`);
  const n = table.numRows();
  yield '[';
  for (let start = 0; start < n; start += ROWS_PER_PIECE) {
    let piece = '';
    for (let i = start; i < Math.min(n, start + ROWS_PER_PIECE); i++) {
      let row = '';
      for (let k = 0; k < keys.length; k++) {
        const text = columns[k]!(i);
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
