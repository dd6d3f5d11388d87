import { parseDate } from '../../recipes/columns.js';

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** ISO-8601 dates and date-times (optional zone), and 'YYYY-MM-DD HH:MM:SS'. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'null', 'NULL']);

/**
 * Types one column of text cells: all numbers → numbers, all true/false → booleans, all ISO
 * dates → Date (UTC when no zone is given), otherwise strings. Empty cells and NA/null become
 * null. Numbers with a leading zero (zip codes, ids like `007`) stay strings, so they keep their
 * digits. `YYYYMMDD` cells become numbers, which recipes' `parseDate` still reads as dates.
 *
 * @example
 * inferColumn(['1', '2.5', '']); // → [1, 2.5, null]
 * inferColumn(['2024-01-02 10:00:00']); // → [Date(2024-01-02T10:00:00Z)]
 */
export function inferColumn(cells: string[]): unknown[] {
  const present = cells.map((c) => c.trim()).filter((c) => !MISSING.has(c));
  if (present.length === 0) return cells.map(() => null);
  const missing = (c: string) => MISSING.has(c.trim());
  if (present.every((c) => NUMBER.test(c) && !/^[-+]?0\d/.test(c))) {
    return cells.map((c) => (missing(c) ? null : Number(c)));
  }
  if (present.every((c) => /^(true|false)$/i.test(c))) {
    return cells.map((c) => (missing(c) ? null : c.trim().toLowerCase() === 'true'));
  }
  if (present.every((c) => ISO_DATE.test(c) && parseDate(c) !== undefined)) {
    return cells.map((c) => (missing(c) ? null : new Date(parseDate(c) as number)));
  }
  // Text keeps its spaces (they may matter, e.g. in reviews); only truly empty cells are null.
  return cells.map((c) => (c === '' ? null : c));
}
