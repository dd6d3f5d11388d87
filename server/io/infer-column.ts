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
  // One pass per candidate type, stopping at the first cell that does not fit: big files are
  // mostly numbers, and a text column fails on its first cell.
  return (
    convertAll(cells, (c) => (NUMBER.test(c) && !/^[-+]?0\d/.test(c) ? Number(c) : undefined)) ??
    convertAll(cells, (c) => (/^true$/i.test(c) ? true : /^false$/i.test(c) ? false : undefined)) ??
    convertAll(cells, (c) => {
      const t = ISO_DATE.test(c) ? parseDate(c) : undefined;
      return t === undefined ? undefined : new Date(t);
    }) ??
    (cells.every((c) => MISSING.has(c.trim()))
      ? cells.map(() => null)
      : // Text keeps its spaces (they may matter, e.g. in reviews); only truly empty cells are null.
        cells.map((c) => (c === '' ? null : c)))
  );
}

/** Every cell converted, missing ones to null; undefined when a cell does not convert or all are missing. */
function convertAll(cells: string[], convert: (cell: string) => unknown): unknown[] | undefined {
  const out = new Array<unknown>(cells.length);
  let present = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i].trim();
    if (MISSING.has(cell)) {
      out[i] = null;
      continue;
    }
    const value = convert(cell);
    if (value === undefined) return undefined;
    out[i] = value;
    present++;
  }
  return present > 0 ? out : undefined;
}
