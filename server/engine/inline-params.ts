import { RecipeInputError } from '../../recipes/errors.js';
import type { Dialect, SqlValue } from '../../recipes/sql/dialect.js';

/** A parameter value as SQL sees it: dates as `YYYY-MM-DD HH:MM:SS` (UTC), bigints as numbers. */
export function sqlValue(value: unknown, index: number): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RecipeInputError(`Parameter $${index} is an invalid date; give a valid date.`);
    return value.toISOString().slice(0, 19).replace('T', ' ');
  }
  throw new RecipeInputError(`Parameter $${index} is ${Array.isArray(value) ? 'a list' : 'an object'}; a SQL parameter must be a number, text, true/false, a date or null.`);
}

/**
 * Replaces `$1`, `$2`, … with quoted literals, for engines without bound parameters (ClickHouse
 * 18.16). Placeholders inside string literals, quoted names and comments are left alone, so a
 * value can never become SQL and `'costs $1'` stays text.
 *
 * @example
 * inlineParams("SELECT * FROM t WHERE a = $1 AND b = '$1'", ["x'y"], dialects.clickhouse);
 * // → "SELECT * FROM t WHERE a = 'x\\'y' AND b = '$1'"
 */
export function inlineParams(sql: string, params: readonly unknown[], dialect: Dialect): string {
  let out = '';
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "'" || c === '"' || c === '`') {
      // Quoted text: backslash escapes (ClickHouse) and doubled quotes (standard) both stay inside.
      let j = i + 1;
      while (j < n) {
        if (sql[j] === '\\' && dialect.name === 'clickhouse') j += 2;
        else if (sql[j] === c && sql[j + 1] === c) j += 2;
        else if (sql[j] === c) break;
        else j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '$' && next !== undefined && next >= '0' && next <= '9' && !/[\w$]/.test(sql[i - 1] ?? ' ')) {
      let j = i + 1;
      while (j < n && sql[j]! >= '0' && sql[j]! <= '9') j++;
      const index = Number(sql.slice(i + 1, j));
      if (index < 1 || index > params.length) {
        throw new RecipeInputError(`The query uses $${index} but ${params.length} parameter${params.length === 1 ? ' was' : 's were'} given; pass a value for each placeholder.`);
      }
      out += dialect.literal(sqlValue(params[index - 1], index));
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
