/**
 * The few places SQL engines differ, as one interface with one object per engine. Recipes build
 * their aggregation SQL through a `Dialect` (never by splicing names or values into text), so the
 * same query runs on the embedded DuckDB, on Postgres and on ClickHouse (18.16 included: no window
 * functions, no server-side parameters).
 *
 * @example
 * const d = dialects.duckdb;
 * `SELECT ${d.ident('arm')}, count(*) FROM t WHERE ${d.ident('day')} >= ${d.literal('2025-01-01')} GROUP BY 1`;
 */
export type DialectName = 'duckdb' | 'postgres' | 'clickhouse';

export type SqlValue = string | number | boolean | null;

export type TimeUnit = 'day' | 'week' | 'month';

export interface Dialect {
  readonly name: DialectName;
  /** A quoted identifier: any text, quotes and semicolons included, stays one name. */
  ident(name: string): string;
  /** A quoted literal; non-finite numbers are refused. */
  literal(value: SqlValue): string;
  /** The expression as a 64-bit float (sums of doubles agree across engines to ~1e-15). */
  double(expr: string): string;
  /** The expression as text. */
  text(expr: string): string;
  /**
   * Text read as a number the way the in-memory reader (`toNumber`) reads it: trimmed, decimal or
   * exponent notation, true/yes 1 and false/no 0 (any case); NULL where it is not a number.
   */
  number(expr: string): string;
  /** A timestamp or date expression as seconds since 1970-01-01 UTC, a double. */
  epochSeconds(expr: string): string;
  /** Start of the calendar day/week/month (UTC) of a timestamp or date expression, as a date. */
  truncate(unit: TimeUnit, expr: string, weekStart?: 'sunday' | 'monday'): string;
  /** Values of `expr` within a group joined by `separator` in the order of `orderBy` (ties by `expr`). */
  orderedJoin(expr: string, orderBy: string, separator: string): string;
  /** The value of `expr` on the group's row with the least `key` (keys unique within a group). */
  argMin(expr: string, key: string): string;
  /** The 1-based position of a row in the scan of a file or inline table (for errors naming a row). */
  rowNumber(): string;
  /**
   * How a plan shares a relation that its queries read more than once (see `sharedRelations`):
   * `table` — the engine builds it once as a table before the queries (the embedded DuckDB, one
   * database per run); `cte` — each query that reads it gets `WITH … AS MATERIALIZED` (Postgres: a
   * source is read-only, so no tables); `inline` — the subquery is repeated where it is read
   * (ClickHouse 18.16 has no table expressions in WITH).
   */
  readonly sharing: 'table' | 'cte' | 'inline';
}
