import type { Dialect, DialectName, SqlValue, TimeUnit } from './dialect.js';

function literalWith(escape: (s: string) => string, booleans: [string, string] = ['TRUE', 'FALSE']) {
  return (value: SqlValue): string => {
    if (value === null) return 'NULL';
    if (typeof value === 'boolean') return value ? booleans[0] : booleans[1];
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`Cannot write the number ${value} into SQL; give a finite number.`);
      return String(value);
    }
    return `'${escape(value)}'`;
  };
}

// Standard SQL: a quote inside a name or string is doubled. A NUL byte can end a string early in
// some drivers, so it is refused rather than passed through.
function noNul(s: string): string {
  if (s.includes('\0')) throw new Error('A name or value holds a NUL character, which SQL cannot carry; remove it.');
  return s;
}
const doubled = (q: string) => (s: string) => noNul(s).replaceAll(q, q + q);

// What `toNumber` accepts as a number once trimmed, in a regular expression every engine has
// (RE2 in DuckDB and ClickHouse, POSIX in Postgres): no backslashes, so no escaping differences.
const NUMBER = '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$';
const SPACE = '^[[:space:]]+|[[:space:]]+$';

/** `toNumber` in SQL, given how to trim, match and cast text in an engine (all three take `t` text). */
function numberFrom(trimmed: string, matches: (t: string) => string, cast: (t: string) => string): string {
  return `(CASE WHEN lower(${trimmed}) IN ('true', 'yes') THEN 1.0 WHEN lower(${trimmed}) IN ('false', 'no') THEN 0.0 WHEN ${matches(trimmed)} THEN ${cast(trimmed)} ELSE NULL END)`;
}

const duckdb: Dialect = {
  name: 'duckdb',
  ident: (name) => `"${doubled('"')(name)}"`,
  literal: literalWith(doubled("'")),
  double: (e) => `CAST(${e} AS DOUBLE)`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  number: (e) => numberFrom(`regexp_replace(CAST(${e} AS VARCHAR), '${SPACE}', '', 'g')`, (t) => `regexp_matches(${t}, '${NUMBER}')`, (t) => `TRY_CAST(${t} AS DOUBLE)`),
  epochSeconds: (e) => `CAST(epoch(CAST(${e} AS TIMESTAMP)) AS DOUBLE)`,
  truncate: (unit, e, weekStart = 'sunday') => truncateStandard('duckdb', unit, `CAST(${e} AS TIMESTAMP)`, weekStart),
  orderedJoin: (e, orderBy, sep) => `string_agg(CAST(${e} AS VARCHAR), ${duckdbLiteral(sep)} ORDER BY ${orderBy}, ${e})`,
  argMin: (e, key) => `arg_min(${e}, ${key})`,
  rowNumber: () => 'row_number() OVER ()',
  sharing: 'table',
};
function duckdbLiteral(s: string) {
  return duckdb.literal(s);
}

const postgres: Dialect = {
  name: 'postgres',
  ident: (name) => `"${doubled('"')(name)}"`,
  literal: literalWith(doubled("'")),
  double: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  text: (e) => `CAST(${e} AS TEXT)`,
  number: (e) => numberFrom(`regexp_replace(CAST(${e} AS TEXT), '${SPACE}', '', 'g')`, (t) => `${t} ~ '${NUMBER}'`, (t) => `CAST(${t} AS DOUBLE PRECISION)`),
  epochSeconds: (e) => `CAST(EXTRACT(EPOCH FROM CAST(${e} AS TIMESTAMP)) AS DOUBLE PRECISION)`,
  truncate: (unit, e, weekStart = 'sunday') => truncateStandard('postgres', unit, `CAST(${e} AS TIMESTAMP)`, weekStart),
  orderedJoin: (e, orderBy, sep) => `string_agg(CAST(${e} AS TEXT), ${postgres.literal(sep)} ORDER BY ${orderBy}, ${e})`,
  argMin: (e, key) => `(array_agg(${e} ORDER BY ${key}))[1]`,
  rowNumber: () => 'row_number() OVER ()',
  sharing: 'cte',
};

// date_trunc('week') starts weeks on Monday in both DuckDB and Postgres; a Sunday week is the
// Monday week of the next day, moved back one day.
function truncateStandard(name: DialectName, unit: TimeUnit, ts: string, weekStart: 'sunday' | 'monday'): string {
  if (unit !== 'week' || weekStart === 'monday') return `CAST(date_trunc('${unit}', ${ts}) AS DATE)`;
  const plusDay = name === 'duckdb' ? `${ts} + INTERVAL 1 DAY` : `${ts} + INTERVAL '1 day'`;
  return `CAST(CAST(date_trunc('week', ${plusDay}) AS DATE) - 1 AS DATE)`;
}

// ClickHouse escapes with backslashes inside both quoted names and strings.
const chEscape = (q: string) => (s: string) => noNul(s).replaceAll('\\', '\\\\').replaceAll(q, '\\' + q);

const clickhouse: Dialect = {
  name: 'clickhouse',
  ident: (name) => `\`${chEscape('`')(name)}\``,
  // ClickHouse 18.16 has no TRUE/FALSE (nor a Bool type: booleans are UInt8).
  literal: literalWith(chEscape("'"), ['1', '0']),
  double: (e) => `toFloat64(${e})`,
  text: (e) => `toString(${e})`,
  // Every branch of a ClickHouse CASE is evaluated, so the cast must not throw on text.
  number: (e) => numberFrom(`replaceRegexpAll(toString(${e}), '${SPACE}', '')`, (t) => `match(${t}, '${NUMBER}')`, (t) => `toFloat64OrNull(replaceRegexpOne(${t}, '^[+]', ''))`),
  epochSeconds: (e) => `toFloat64(toUnixTimestamp(toDateTime(${e}, 'UTC')))`,
  // toStartOfWeek needs 19.x; toMonday is in 18.16. A Sunday week is the Monday week of the next day, less a day.
  truncate: (unit, e, weekStart = 'sunday') => {
    const ts = `toDateTime(${e}, 'UTC')`;
    if (unit === 'day') return `toDate(${ts})`;
    if (unit === 'month') return `toStartOfMonth(${ts})`;
    return weekStart === 'monday' ? `toMonday(${ts})` : `toMonday(toDate(${ts}) + 1) - 1`;
  },
  // arraySort by a key keeps the pairs together, so ties are ordered by the value as elsewhere.
  orderedJoin: (e, orderBy, sep) =>
    `arrayStringConcat(arrayMap(x -> x.2, arraySort(x -> (x.1, x.2), groupArray((${orderBy}, toString(${e}))))), ${clickhouse.literal(sep)})`,
  argMin: (e, key) => `argMin(${e}, ${key})`,
  // 18.16 has no window functions.
  rowNumber: () => '(rowNumberInAllBlocks() + 1)',
  sharing: 'inline',
};

export const dialects: Record<DialectName, Dialect> = { duckdb, postgres, clickhouse };
