/** Summary of one column, computed where the table lives (the sandbox worker or the server). */
export interface ColumnInfo {
  name: string;
  type: string;
  missing: number;
  /** Numeric/date columns: equal-width bins. */
  bins?: { x0: number; x1: number; count: number }[];
  /** Text/boolean columns: the most frequent values. */
  top?: { value: string; count: number }[];
  distinct?: number;
}

export interface RowQuery {
  offset: number;
  limit: number;
  sort?: { column: string; desc: boolean };
  /** Case-insensitive text every shown row must contain (in any column), or `column:text`. */
  filter?: string;
}

/** A page of rows (arrays in column order) and the row count after filtering. */
export interface RowPage { rows: unknown[][]; total: number }

/**
 * Where a table viewer gets its rows: only the visible page crosses from the worker, so a
 * million-row table never travels whole.
 */
export interface TableSource {
  numRows: number;
  columns: ColumnInfo[];
  page(query: RowQuery): Promise<RowPage>;
  /** Full column summaries when `columns` holds only names and types (computed where the rows are). */
  summarize?(): Promise<ColumnInfo[]>;
}

/**
 * A TableSource over rows already in the page (recipe result tables, dataset previews): sorts and
 * filters locally with the same rules the worker uses.
 *
 * @example
 * const source = localSource([{ a: 1 }, { a: 2 }]);
 * (await source.page({ offset: 0, limit: 1 })).rows; // → [[1]]
 */
export function localSource(objects: Record<string, unknown>[], names?: string[]): TableSource {
  const columnNames = names ?? [...new Set(objects.flatMap((row) => Object.keys(row)))];
  const matrix = objects.map((row) => columnNames.map((name) => row[name]));
  return {
    numRows: matrix.length,
    columns: columnNames.map((name, i) => summarizeColumn(name, matrix.map((row) => row[i]))),
    async page(query) {
      const rows = queryRows(matrix, columnNames, query);
      return { rows: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
    },
  };
}

/**
 * Applies a RowQuery's filter and sort to rows (not the paging).
 *
 * @example
 * queryRows([[2], [1]], ['a'], { offset: 0, limit: 9, sort: { column: 'a', desc: false } }); // → [[1], [2]]
 */
export function queryRows(rows: unknown[][], names: string[], query: RowQuery): unknown[][] {
  let out = rows;
  const filter = query.filter?.trim().toLowerCase();
  if (filter) {
    const scoped = /^([^:]+):(.*)$/.exec(filter);
    const index = scoped ? names.findIndex((n) => n.toLowerCase() === scoped[1]!.trim()) : -1;
    const needle = index >= 0 ? scoped![2]!.trim() : filter;
    out = out.filter((row) => (index >= 0 ? [row[index]] : row).some((v) => v != null && formatCell(v).toLowerCase().includes(needle)));
  }
  if (query.sort) {
    const i = names.indexOf(query.sort.column);
    const sign = query.sort.desc ? -1 : 1;
    out = [...out].sort((a, b) => (isMissing(a[i]) || isMissing(b[i]) ? compareValues(a[i], b[i]) : sign * compareValues(a[i], b[i])));
  }
  return out;
}

// One collator for every comparison: far faster than String#localeCompare on a million rows.
const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * Orders values with missing ones last, numbers numerically, everything else as text.
 *
 * @example
 * [3, null, 1].sort(compareValues); // → [1, 3, null]
 */
export function compareValues(a: unknown, b: unknown): number {
  const aMissing = isMissing(a);
  const bMissing = isMissing(b);
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Missing as the viewer counts it: null, undefined, NaN, an invalid date or an empty string.
 *
 * @example
 * isMissing(''); // → true
 */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v)) || (v instanceof Date && Number.isNaN(v.getTime()));
}

/**
 * How a cell value reads in the viewer: dates as ISO, numbers to 6 significant digits.
 *
 * @example
 * formatCell(0.123456789); // → '0.123457'
 */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid date' : value.toISOString().replace('T00:00:00.000Z', '');
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Type, missing count and a histogram (numbers, dates) or top values (everything else) of one
 * column, in two passes over the values without copying them.
 *
 * @example
 * summarizeColumn('x', [1, 2, null]).missing; // → 1
 */
export function summarizeColumn(name: string, values: ArrayLike<unknown>): ColumnInfo {
  let missing = 0;
  let type: string | null = null;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) {
      missing++;
      continue;
    }
    const t = typeof v === 'number' ? 'number' : v instanceof Date ? 'date' : typeof v === 'boolean' ? 'boolean' : 'string';
    type = type === null || type === t ? t : 'string';
    if (t === 'number' || t === 'date') {
      const x = t === 'date' ? (v as Date).getTime() : (v as number);
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  if (type === 'number' || type === 'date') return { name, type, missing, bins: bin(values, min, max) };
  const counts = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isMissing(v)) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([value, count]) => ({ value, count }));
  return { name, type: type ?? 'empty', missing, top, distinct: counts.size };
}

function bin(values: ArrayLike<unknown>, min: number, max: number, count = 12): { x0: number; x1: number; count: number }[] {
  const width = max > min ? (max - min) / count : 1;
  const bins = Array.from({ length: max > min ? count : 1 }, (_, i) => ({ x0: min + i * width, x1: min + (i + 1) * width, count: 0 }));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) continue;
    const x = v instanceof Date ? v.getTime() : (v as number);
    bins[Math.min(bins.length - 1, Math.floor((x - min) / width))]!.count++;
  }
  return bins;
}
