import type { SqlColumn } from '../types.js';
import type { Dialect } from './dialect.js';

/**
 * Dates of an input column read in SQL the way `dateColumn` (recipes/columns.ts) reads them in
 * JS, so a recipe accepts the same data on every engine: date/timestamp columns, ISO-8601 text
 * (with or without a zone; without one it is UTC), `YYYYMMDD` text or integers and epoch
 * milliseconds. A value that cannot be read becomes NULL, so a recipe counts those rows and names
 * one in its error instead of the engine failing half-way. (Numbers: `numeric` in relation.ts.)
 *
 * The text patterns are checked with a regular expression before anything is parsed: engines
 * differ in what their parsers accept (ClickHouse reads "2024" as a date), and the patterns keep
 * them to the formats `parseDate` accepts.
 */

// The formats of parseDate (recipes/columns.ts), in the subset of regular expressions that RE2
// (DuckDB, ClickHouse) and Postgres share.
const ZONED = '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})$';
const LOCAL = '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?$';
const COMPACT = '^[0-9]{8}$';

function matches(sql: Dialect, text: string, pattern: string): string {
  const re = sql.literal(pattern);
  if (sql.name === 'postgres') return `(${text} ~ ${re})`;
  if (sql.name === 'clickhouse') return `match(${text}, ${re})`;
  return `regexp_matches(${text}, ${re})`;
}

function trimmed(sql: Dialect, expr: string): string {
  if (sql.name === 'clickhouse') return `replaceRegexpAll(${sql.text(expr)}, ${sql.literal('^\\s+|\\s+$')}, '')`;
  return `trim(${sql.text(expr)})`;
}

/** Text in one of parseDate's formats as a UTC timestamp; NULL otherwise. */
function dateFromText(sql: Dialect, s: string): string {
  if (sql.name === 'clickhouse') {
    const any = `(${matches(sql, s, ZONED)} OR ${matches(sql, s, LOCAL)} OR ${matches(sql, s, COMPACT)})`;
    return `if(${any}, parseDateTimeBestEffortOrNull(${s}, 'UTC'), NULL)`;
  }
  if (sql.name === 'postgres') {
    return `CASE WHEN ${matches(sql, s, ZONED)} THEN CAST(${s} AS TIMESTAMPTZ) AT TIME ZONE 'UTC' ` +
      `WHEN ${matches(sql, s, LOCAL)} THEN CAST(${s} AS TIMESTAMP) ` +
      `WHEN ${matches(sql, s, COMPACT)} THEN CAST(to_date(${s}, 'YYYYMMDD') AS TIMESTAMP) END`;
  }
  // DuckDB wants seconds and a colon in a zone offset ("10:20+0130" → "10:20:00+01:30").
  const seconds = `regexp_replace(${s}, '^(.{10}[T ][0-9]{2}:[0-9]{2})([Z+-])', '\\1:00\\2')`;
  const colon = `regexp_replace(${seconds}, '([+-][0-9]{2})([0-9]{2})$', '\\1:\\2')`;
  return `CASE WHEN ${matches(sql, s, ZONED)} THEN CAST(TRY_CAST(${colon} AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS TIMESTAMP) ` +
    `WHEN ${matches(sql, s, LOCAL)} THEN TRY_CAST(${s} AS TIMESTAMP) ` +
    `WHEN ${matches(sql, s, COMPACT)} THEN try_strptime(${s}, '%Y%m%d') END`;
}

/** A number as parseDate reads one: a whole number 19000101…21001231 is YYYYMMDD, else epoch ms. */
function dateFromNumber(sql: Dialect, x: string): string {
  const compact = `(${x} >= 19000101 AND ${x} <= 21001231 AND ${x} = floor(${x}))`;
  if (sql.name === 'clickhouse') {
    return `if(${compact}, parseDateTimeBestEffortOrNull(toString(toUInt32(${x})), 'UTC'), toDateTime(intDiv(toInt64(${x}), 1000), 'UTC'))`;
  }
  if (sql.name === 'postgres') {
    return `CASE WHEN ${compact} THEN CAST(to_date(CAST(CAST(${x} AS BIGINT) AS TEXT), 'YYYYMMDD') AS TIMESTAMP) ` +
      `ELSE to_timestamp(CAST(${x} AS DOUBLE PRECISION) / 1000) AT TIME ZONE 'UTC' END`;
  }
  return `CASE WHEN ${compact} THEN try_strptime(CAST(CAST(${x} AS BIGINT) AS VARCHAR), '%Y%m%d') ` +
    `ELSE epoch_ms(CAST(${x} AS BIGINT)) END`;
}

/**
 * The column as a timestamp (UTC) for `sql.epochSeconds` and `sql.truncate`; NULL where a value
 * is missing or is not a date.
 *
 * @example
 * dateValue(dialects.duckdb, { name: 'ts', type: 'date' }); // → '"ts"'
 */
export function dateValue(sql: Dialect, column: SqlColumn): string {
  const x = sql.ident(column.name);
  if (column.type === 'date') return x;
  if (column.type === 'string') return dateFromText(sql, trimmed(sql, x));
  if (column.type === 'number') return dateFromNumber(sql, x);
  return 'NULL';
}

/**
 * True where the column has no value: NULL, or empty text (which the row readers treat as missing).
 *
 * @example
 * isMissing(dialects.duckdb, { name: 'customer', type: 'string' }); // → `("customer" IS NULL OR CAST("customer" AS VARCHAR) = '')`
 */
export function isMissing(sql: Dialect, column: SqlColumn): string {
  const x = sql.ident(column.name);
  return column.type === 'string' ? `(${x} IS NULL OR ${sql.text(x)} = '')` : `(${x} IS NULL)`;
}
