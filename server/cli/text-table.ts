import { formatValue } from './format-value.js';

/** Rows a text table shows. */
export const TEXT_TABLE_ROWS = 20;

/**
 * Formats row objects as an aligned plain-text table (numbers right-aligned, 4 significant
 * digits), for `--format table`. Shows the first `limit` rows and says how many of `total` were
 * left out (`rows` may be only the first rows of a larger table).
 *
 * @example
 * textTable([{ variant: 'A', n: 10 }, { variant: 'B', n: 12 }]);
 * // variant   n
 * // A        10
 * // B        12
 */
export function textTable(rows: Record<string, unknown>[], limit = TEXT_TABLE_ROWS, total = rows.length): string {
  if (rows.length === 0) return '(no rows)';
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const shown = rows.slice(0, limit);
  const cells = shown.map((r) => columns.map((c) => formatValue(r[c]).replace(/\s+/g, ' ')));
  const numeric = columns.map((c) => shown.every((r) => r[c] == null || typeof r[c] === 'number'));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (values: string[]) =>
    values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [line(columns), ...cells.map(line)];
  const shownRows = Math.min(limit, rows.length);
  if (total > shownRows) out.push(`… ${total - shownRows} more rows (${total} in all; use --format json for every row)`);
  return out.join('\n');
}
