import type { ColumnTable } from 'arquero';
import type { EngineReport, RecipeResult } from './types.js';
import { finiteOrNull } from './format.js';

/** The JSON shape of a recipe run, as the CLI prints it and the API returns it. */
export interface RecipeResultJSON {
  recipe: string;
  params: Record<string, unknown>;
  metrics: RecipeResult['metrics'];
  tables: Record<string, Record<string, unknown>[]>;
  charts: RecipeResult['charts'];
  notes: string[];
  /** Where the data was read and aggregated; null when `run` got in-memory tables as they were. */
  engine?: EngineReport | null;
}

/** Makes one value JSON-safe: dates to ISO strings, non-finite numbers to null, bigints to numbers. */
export function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'number') return finiteOrNull(value);
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(jsonValue);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, jsonValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
  }
  return value;
}

/** The columns of `table` in its row order: read in place when it is neither filtered nor ordered. */
export function tableColumns(table: ColumnTable): { names: string[]; columns: ArrayLike<unknown>[] } {
  const names = table.columnNames();
  // A table built from arrays holds them as its columns: read those in place, not copied.
  const inPlace = !table.isFiltered() && !table.isOrdered();
  const columns = names.map((name) => {
    const values: unknown = table.column(name);
    return inPlace && (Array.isArray(values) || ArrayBuffer.isView(values)) ? (values as ArrayLike<unknown>) : (table.array(name) as ArrayLike<unknown>);
  });
  return { names, columns };
}

/**
 * Rows of an Arquero table as JSON-safe objects.
 *
 * @example
 * tableRows(aq.table({ d: [new Date(0)] })); // → [{ d: '1970-01-01T00:00:00.000Z' }]
 */
export function tableRows(table: ColumnTable): Record<string, unknown>[] {
  // Column by column (one array per column, in the table's row order) rather than through
  // objects(): a clv run writes half a million customer rows, and the intermediate objects and
  // their entries cost more than the JSON itself.
  const { names, columns } = tableColumns(table);
  const rows = new Array<Record<string, unknown>>(table.numRows());
  for (let i = 0; i < rows.length; i++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < names.length; k++) {
      const v = columns[k]![i];
      row[names[k]!] = typeof v === 'number' ? finiteOrNull(v) : typeof v === 'string' ? v : jsonValue(v);
    }
    rows[i] = row;
  }
  return rows;
}

/**
 * The contract's JSON object for a run: numbers at full precision, dates as ISO strings.
 *
 * @example
 * JSON.stringify(resultToJSON('lift', params, result));
 */
export function resultToJSON(recipe: string, params: Record<string, unknown>, result: RecipeResult, engine: EngineReport | null = null): RecipeResultJSON {
  return {
    recipe,
    params: jsonValue(params) as Record<string, unknown>,
    metrics: jsonValue(result.metrics) as RecipeResult['metrics'],
    tables: Object.fromEntries(Object.entries(result.tables).map(([name, t]) => [name, tableRows(t)])),
    charts: jsonValue(result.charts) as RecipeResult['charts'],
    notes: result.notes,
    engine,
  };
}
