import type { ColumnTable } from 'arquero';
import { RecipeInputError } from './errors.js';

/**
 * Column access with errors a user can act on: each names the input table, the column, the role
 * it plays and how to point the recipe at another column.
 */

function hint(role: string): string {
  return `Name the right column with the "${role}" parameter (CLI: --param ${role}=<column>).`;
}

/**
 * Throws unless `table` has `column`.
 *
 * @example
 * requireColumn(units, 'units', 'arm', 'variant');
 */
export function requireColumn(table: ColumnTable, input: string, column: string, role: string): void {
  requireColumnName(table.columnNames(), input, column, role);
}

/**
 * Throws unless `column` is one of `names` (the columns of an input, whether rows in memory or a
 * relation on an engine), with the same message as `requireColumn`.
 *
 * @example
 * requireColumnName(['arm', 'converted'], 'units', 'variant', 'variant'); // throws: units has no column "variant" …
 */
export function requireColumnName(names: readonly string[], input: string, column: string, role: string): void {
  if (typeof column !== 'string' || column === '') {
    throw new RecipeInputError(`The "${role}" parameter must name a column of ${input}. ${hint(role)}`);
  }
  if (!names.includes(column)) {
    const have = names
      .slice(0, 20)
      .map((c) => `"${c}"`)
      .join(', ');
    throw new RecipeInputError(
      `${input} has no column "${column}" (the ${role} column). Its columns are ${have || '(none)'}. ${hint(role)}`,
    );
  }
}

/**
 * Throws when a table has no rows.
 *
 * @example
 * requireRows(units, 'units');
 */
export function requireRows(table: ColumnTable, input: string): void {
  if (table.numRows() === 0) throw new RecipeInputError(`${input} has no rows; give it at least one row of data.`);
}

/**
 * The error for one bad value: the input, column, role, value, 1-based row and the fix.
 *
 * @example
 * rowError('units', 'revenue', 'metrics', 1, 'n/a', 'a number'); // units.revenue (the metrics column) has "n/a" in row 2, which is not a number. …
 */
export function rowError(input: string, column: string, role: string, row: number, value: unknown, want: string): RecipeInputError {
  return new RecipeInputError(
    `${input}.${column} (the ${role} column) has ${JSON.stringify(value) ?? String(value)} in row ${row + 1}, which is not ${want}. ` +
      `Fix or remove that row, or point "${role}" at another column.`,
  );
}

/** Reads a value as a finite number; booleans count as 0/1 and numeric strings are parsed. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    const t = value.trim().toLowerCase();
    if (t === 'true' || t === 'yes') return 1;
    if (t === 'false' || t === 'no') return 0;
    if (t === '') return undefined;
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * A numeric column as a Float64Array. Missing values (null, empty) are an error unless
 * `missing: 'nan'`, which keeps them as NaN for the caller to handle.
 *
 * @example
 * const revenue = numberColumn(units, 'units', 'revenue', 'revenue');
 */
export function numberColumn(
  table: ColumnTable,
  input: string,
  column: string,
  role: string,
  options: { missing?: 'error' | 'nan' } = {},
): Float64Array {
  requireColumn(table, input, column, role);
  const values = table.array(column) as ArrayLike<unknown>;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const n = toNumber(v);
    if (n === undefined) {
      if (options.missing === 'nan' && (v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v)))) {
        out[i] = NaN;
        continue;
      }
      throw rowError(input, column, role, i, v, 'a number');
    }
    out[i] = n;
  }
  return out;
}

/**
 * A 0/1 column (booleans, 0/1, "yes"/"no", "true"/"false").
 *
 * @example
 * const converted = binaryColumn(units, 'units', 'converted', 'outcome');
 */
export function binaryColumn(table: ColumnTable, input: string, column: string, role: string): Float64Array {
  const values = numberColumn(table, input, column, role);
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== 0 && values[i] !== 1) throw rowError(input, column, role, i, values[i], '0 or 1 (or true/false)');
  }
  return values;
}

/**
 * A categorical column as strings; missing values are an error naming the row.
 *
 * @example
 * const arms = stringColumn(units, 'units', 'arm', 'variant');
 */
export function stringColumn(table: ColumnTable, input: string, column: string, role: string): string[] {
  requireColumn(table, input, column, role);
  const values = table.array(column) as ArrayLike<unknown>;
  const out: string[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') throw rowError(input, column, role, i, v ?? null, 'a value (it is empty)');
    out[i] = v instanceof Date ? v.toISOString() : String(v);
  }
  return out;
}

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses a date: Date objects, epoch milliseconds, ISO-8601, `YYYYMMDD` and
 * `YYYY-MM-DD HH:MM:SS`. Dates without a zone are read as UTC. Returns epoch ms or undefined.
 *
 * @example
 * parseDate('19970101'); // → 852076800000
 */
export function parseDate(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? value >= 19000101 && value <= 21001231 && Number.isInteger(value)
        ? parseDate(String(value))
        : value
      : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (/^\d{8}$/.test(s)) {
    const t = Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8));
    return Number.isNaN(t) || +s.slice(4, 6) > 12 || +s.slice(6, 8) > 31 ? undefined : t;
  }
  if (!ISO.test(s)) return undefined;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(s) && s.length > 10;
  const t = Date.parse(hasZone ? s.replace(' ', 'T') : s.length === 10 ? `${s}T00:00:00Z` : `${s.replace(' ', 'T')}Z`);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * A date column as epoch milliseconds (UTC).
 *
 * @example
 * const ts = dateColumn(events, 'events', 'timestamp', 'timestamp');
 */
export function dateColumn(table: ColumnTable, input: string, column: string, role: string): Float64Array {
  requireColumn(table, input, column, role);
  const values = table.array(column) as ArrayLike<unknown>;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const t = parseDate(values[i]);
    if (t === undefined) throw rowError(input, column, role, i, values[i], 'a date (ISO-8601, YYYYMMDD or YYYY-MM-DD HH:MM:SS)');
    out[i] = t;
  }
  return out;
}
