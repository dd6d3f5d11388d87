import { requireColumnName } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import type { SqlColumn, SqlRelation } from '../types.js';
import type { Dialect } from './dialect.js';
import { dateValue } from './values.js';

/**
 * Column roles of an input that lives on an engine: the checks `columns.ts` makes on rows in
 * memory, made on a relation's column list at plan time (missing column, wrong type), and the SQL
 * pieces every aggregation needs (a role as a double, a count of rows that fail a check). Errors
 * read exactly as the in-memory ones, so a user sees the same message on every engine.
 */

/**
 * The column `column` of `relation`; throws naming the role and the fix when it is absent.
 *
 * @example
 * relationColumn(units, 'units', 'arm', 'variant'); // → { name: 'arm', type: 'string' }
 */
export function relationColumn(relation: SqlRelation, input: string, column: string, role: string): SqlColumn {
  requireColumnName(relation.columns.map((c) => c.name), input, column, role);
  return relation.columns.find((c) => c.name === column)!;
}

/**
 * An optional role: a column the user named must exist (a typo is an error); a role left at its
 * default is used only when the relation has that column.
 *
 * @example
 * optionalRelationColumn(units, 'units', 'clv', undefined, 'clv'); // → the clv column, or null
 */
export function optionalRelationColumn(relation: SqlRelation, input: string, role: string, named: string | undefined, fallback: string): SqlColumn | null {
  if (named !== undefined) return relationColumn(relation, input, named, role);
  return relation.columns.find((c) => c.name === fallback) ?? null;
}

/**
 * A numeric role as a double expression, read as `numberColumn` reads values: numbers as they are,
 * booleans 0/1, text parsed (trimmed; true/yes 1, false/no 0), NULL where a value is missing or not
 * a number (`numberChecks` counts those). A date or other column cannot be a number, so it is
 * refused here, before any query runs.
 *
 * @example
 * numeric(sql, { name: 'revenue', type: 'number' }, 'units', 'revenue'); // → CAST("revenue" AS DOUBLE)
 */
export function numeric(sql: Dialect, column: SqlColumn, input: string, role: string): string {
  const id = sql.ident(column.name);
  if (column.type === 'number') return sql.double(id);
  if (column.type === 'boolean') return `(CASE WHEN ${id} THEN 1.0 WHEN NOT ${id} THEN 0.0 ELSE NULL END)`;
  if (column.type === 'string') return sql.number(id);
  throw new RecipeInputError(
    `${input}.${column.name} (the ${role} column) holds ${column.type === 'date' ? 'dates' : 'values of another type'}, not numbers. Fix its values (numbers, or true/false), or point "${role}" at another column (CLI: --param ${role}=<column>).`,
  );
}

/**
 * Validation of a numeric (or time) role, as two aggregate columns: `bad_<name>`, the rows whose
 * value could not be read, and `bad_<name>_value`, one of those values as text. With `missing: 'allowed'` an empty
 * value (NULL or '') is not bad, only text that is not a number. `numbersOk` reads them back.
 *
 * @example
 * numberChecks(sql, as, revenueColumn, numeric(sql, revenueColumn, 'units', 'revenue'), 'revenue');
 */
export function numberChecks(sql: Dialect, as: (name: string) => string, column: SqlColumn, expr: string, name: string, missing: 'error' | 'allowed' = 'error'): string[] {
  const raw = sql.ident(column.name);
  const bad = missing === 'error' ? `${expr} IS NULL` : `${expr} IS NULL AND ${raw} IS NOT NULL AND ${sql.text(raw)} <> ''`;
  return [`${countWhere(sql, bad)} AS ${as(`bad_${name}`)}`, `min(CASE WHEN ${bad} THEN ${sql.text(raw)} ELSE NULL END) AS ${as(`bad_${name}_value`)}`];
}

/**
 * A time role as seconds since 1970-01-01 UTC (a double), read as `dateColumn` reads values (see
 * `dateValue`): dates as they are, text in parseDate's formats, numbers as epoch milliseconds or
 * YYYYMMDD; NULL where a value is missing or not a date (`numberChecks` counts those). Booleans and
 * other types are refused before any query runs.
 *
 * @example
 * timestampSeconds(sql, { name: 'ts', type: 'date' }, 'events', 'timestamp'); // → CAST(epoch(CAST("ts" AS TIMESTAMP)) AS DOUBLE)
 */
export function timestampSeconds(sql: Dialect, column: SqlColumn, input: string, role: string): string {
  if (column.type === 'date' || column.type === 'string' || column.type === 'number') return sql.epochSeconds(dateValue(sql, column));
  throw new RecipeInputError(
    `${input}.${column.name} (the ${role} column) holds ${column.type === 'boolean' ? 'true/false values' : 'values of another type'}, not dates. Give it dates or timestamps (ISO-8601, YYYYMMDD or YYYY-MM-DD HH:MM:SS), or point "${role}" at another column (CLI: --param ${role}=<column>).`,
  );
}

/**
 * The number of rows where `condition` holds, as a double (engines disagree on integer widths).
 *
 * @example
 * countWhere(sql, `"revenue" IS NULL`); // → CAST(sum(CASE WHEN "revenue" IS NULL THEN 1 ELSE 0 END) AS DOUBLE)
 */
export function countWhere(sql: Dialect, condition: string): string {
  return sql.double(`sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`);
}

/** `sum(expr)` as a double; 0 rather than NULL over no rows is left to the reader (`numbers`). @example sumOf(sql, 'x') */
export function sumOf(sql: Dialect, expr: string): string {
  return sql.double(`sum(${expr})`);
}

/**
 * n, Σy and Σy² of a number expression, as `n`, `sum` and `sum_squares`: what a mean's statistics
 * (MeanStats) are built from, and sums, so groups (days, context values) add up.
 *
 * @example
 * `SELECT ${variant}, ${momentSums(sql, as, y).join(', ')} FROM ${units.from} GROUP BY ${variant}`;
 */
export function momentSums(sql: Dialect, as: (name: string) => string, y: string): string[] {
  return [`${sql.double('count(*)')} AS ${as('n')}`, `${sumOf(sql, y)} AS ${as('sum')}`, `${sumOf(sql, `${y} * ${y}`)} AS ${as('sum_squares')}`];
}

/**
 * The prefix of the names a plan gives its aggregate columns: `lb_`, or `lb1_`, `lb2_`, … when an
 * input column already starts with it. ClickHouse resolves an alias anywhere in the query, so an
 * alias equal to a column the query reads (`sum(x) AS x`) would refer to itself.
 *
 * @example
 * aliasPrefix([{ from: '"units"', columns: [{ name: 'lb_n', type: 'number' }] }]); // → 'lb1_'
 */
export function aliasPrefix(relations: readonly SqlRelation[]): string {
  const names = relations.flatMap((r) => r.columns.map((c) => c.name.toLowerCase()));
  for (let i = 0; ; i++) {
    const prefix = i === 0 ? 'lb_' : `lb${i}_`;
    if (!names.some((n) => n.startsWith(prefix))) return prefix;
  }
}

/**
 * Names for a plan's aggregate columns (and subquery columns) that no input column can shadow;
 * read them back with the readers of `aggregates.ts`, which find the prefix themselves.
 *
 * @example
 * const as = aliases(sql, units);
 * `SELECT count(*) AS ${as('n')} FROM ${units.from}`;
 */
export function aliases(sql: Dialect, ...relations: SqlRelation[]): (name: string) => string {
  const prefix = aliasPrefix(relations);
  return (name) => sql.ident(prefix + name);
}

/**
 * The error for values found by a validation count, in the words of the in-memory checks but
 * without a row number (a query has no row order): the value, how many rows hold such values, and
 * the fix.
 *
 * @example
 * badRows('units', 'revenue', 'revenue', null, 3, 'a number'); // units.revenue (the revenue column) has null in 3 rows, which is not a number. …
 */
export function badRows(input: string, column: string, role: string, value: unknown, rows: number, want: string): RecipeInputError {
  return new RecipeInputError(
    `${input}.${column} (the ${role} column) has ${JSON.stringify(value) ?? String(value)} in ${rows} row${rows === 1 ? '' : 's'}, which is not ${want}. ` +
      `Fix or remove ${rows === 1 ? 'that row' : 'those rows'}, or point "${role}" at another column.`,
  );
}
