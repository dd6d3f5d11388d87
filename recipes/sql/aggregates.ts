import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import { badRows } from './relation.js';

/**
 * Reading the small tables an aggregation plan brings back. Engines hand numbers back in their own
 * widths (DuckDB BIGINT as bigint, ClickHouse UInt64 as text), so every reader converts here.
 */

const PREFIX = /^lb\d*_/;

/** The prefix `aliases` gave the table's columns (every column of an aggregate has it). */
function prefixOf(table: ColumnTable): string {
  return PREFIX.exec(table.columnNames()[0] ?? '')?.[0] ?? 'lb_';
}

/**
 * The names of an aggregated table's columns, without their prefix.
 *
 * @example
 * aggregateColumns(arms); // → ['variant', 'n', 'sum']
 */
export function aggregateColumns(table: ColumnTable): string[] {
  const prefix = prefixOf(table);
  return table.columnNames().filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length));
}

/** Whether an aggregated table has a column (named as `aliases` named it). @example hasColumn(arms, 'sum_pre') */
export function hasColumn(table: ColumnTable, name: string): boolean {
  return table.columnNames().includes(prefixOf(table) + name);
}

/**
 * The raw values of an aggregated column, as the engine gave them.
 *
 * @example
 * column(cells, 'value'); // → ['mobile', 'desktop']
 */
export function column(table: ColumnTable, name: string): ArrayLike<unknown> {
  const full = prefixOf(table) + name;
  if (!table.columnNames().includes(full)) throw new Error(`The aggregated table has no column ${full}; the plan and run() disagree.`);
  // An engine's result table holds its columns as arrays: read them in place rather than copy
  // them row by row through `array` (half a second for a 500k-customer aggregate).
  const values: unknown = table.column(full);
  if (!table.isFiltered() && !table.isOrdered() && (Array.isArray(values) || ArrayBuffer.isView(values))) return values as ArrayLike<unknown>;
  return table.array(full) as ArrayLike<unknown>;
}

/**
 * An aggregate column (named as `aliases` named it) as numbers; a SQL NULL (a sum over no values) is 0.
 *
 * @example
 * numbers(arms, 'n'); // → Float64Array [120, 118]
 */
export function numbers(table: ColumnTable, name: string): Float64Array {
  const values = column(table, name);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? 0 : Number(v);
  }
  return out;
}

/**
 * A group-key column as text, the way `stringColumn` reads values (dates as ISO-8601); a missing
 * key (NULL or empty text) is null, for the caller to report.
 *
 * @example
 * keys(arms, 'variant'); // → ['control', 'personalized']
 */
export function keys(table: ColumnTable, name: string): (string | null)[] {
  // A plain loop: Array.from with a map function goes through the iterator protocol.
  const values = column(table, name);
  const out = new Array<string | null>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = keyText(values[i]);
  return out;
}

/** One key value as text, or null when it is missing. @example keyText(3n); // → '3' */
export function keyText(v: unknown): string | null {
  if (v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v))) return null;
  return v instanceof Date ? v.toISOString() : String(v);
}

/** What a time role's values must be, in the in-memory reader's words. */
export const A_DATE = 'a date (ISO-8601, YYYYMMDD or YYYY-MM-DD HH:MM:SS)';

/**
 * Throws when `numberChecks` found values that could not be read (numbers, or dates with
 * `want: A_DATE`): the column, one such value (or null), how many rows and the fix, in the words of
 * the in-memory reader.
 *
 * @example
 * numbersOk(arms, 'revenue', 'units', 'revenue', 'revenue');
 */
export function numbersOk(table: ColumnTable, name: string, input: string, columnName: string, role: string, want = 'a number'): void {
  const rows = numbers(table, `bad_${name}`).reduce((a, b) => a + b, 0);
  if (rows === 0) return;
  const example = Array.from(column(table, `bad_${name}_value`)).find((v) => v !== null && v !== undefined) ?? null;
  throw badRows(input, columnName, role, example, rows, want);
}

/**
 * Throws when a group key is missing in some rows: every unit needs a value of a key column.
 *
 * @example
 * requireKeys(keys(arms, 'variant'), numbers(arms, 'n'), 'units', 'arm', 'variant');
 */
export function requireKeys(values: readonly (string | null)[], rows: ArrayLike<number>, input: string, column: string, role: string): string[] {
  let missing = 0;
  values.forEach((v, i) => {
    if (v === null) missing += rows[i]!;
  });
  if (missing > 0) {
    throw new RecipeInputError(
      `${input}.${column} (the ${role} column) is empty in ${missing} row${missing === 1 ? '' : 's'}; every row needs a value. Fix or remove ${missing === 1 ? 'that row' : 'those rows'}, or point "${role}" at another column.`,
    );
  }
  return values as string[];
}
