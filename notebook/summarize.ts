/**
 * JSON-safe display forms of cell values, for crossing from the worker to the page (or into a
 * snapshot): tables keep their first rows and a handle to page through the rest, charts and
 * recipe results keep their structure, elements become HTML, everything else JSON or text.
 */
import { DeclaredValues } from './declared.js';
import { FormattedValue } from './formatted.js';
import { CHART_SPEC, isChartSpec } from './render-chart.js';
import type { ValueSummary } from './types.js';

/** The parts of an Arquero table the summary reads (duck-typed: notebook/ does not import arquero). */
export interface TableLike {
  numRows(): number;
  columnNames(): string[];
  objects(options?: { limit?: number; offset?: number }): object[];
  column?(name: string): { at(row: number): unknown } | undefined;
  /** A column's values in table order (filters and orderings applied). */
  array?(name: string): ArrayLike<unknown>;
}

export interface SummarizeOptions {
  /** Rows of a table to include (default 100). */
  maxRows?: number;
  /** Gives a table a handle the host can page through with `table-rows` messages. */
  register?: (table: TableLike) => string;
}

/**
 * Whether a value is an Arquero table (or anything with the same reading methods).
 *
 * @example
 * isTable(aq.table({ a: [1] })); // → true
 */
export function isTable(value: unknown): value is TableLike {
  const v = value as TableLike | null;
  return !!v && typeof v === 'object' && typeof v.numRows === 'function' && typeof v.columnNames === 'function' && typeof v.objects === 'function';
}

/** Inputs (inputs.ts) summarize themselves under this key; read here by key to keep the modules apart. */
const INPUT_SUMMARY = Symbol.for('liftbook.input-summary');

const MAX_ITEMS = 1000;
const MAX_DEPTH = 8;

/**
 * A JSON-safe copy: dates become ISO strings, non-finite numbers null, bigints numbers, typed
 * arrays arrays, Maps objects; functions and cycles are dropped; long arrays are cut.
 *
 * @example
 * toJsonSafe({ d: new Date(0), n: NaN }); // → { value: { d: '1970-01-01T00:00:00.000Z', n: null }, truncated: false }
 */
export function toJsonSafe(value: unknown): { value: unknown; truncated: boolean } {
  let truncated = false;
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v !== 'object') return undefined;
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
    if (seen.has(v) || depth > MAX_DEPTH) {
      truncated = true;
      return null;
    }
    seen.add(v);
    try {
      if (isTable(v)) return v.objects({ limit: MAX_ITEMS }).map((row) => walk(row, depth + 1));
      if (v instanceof Map) return walk(Object.fromEntries(v), depth);
      if (v instanceof Set) return walk([...v], depth);
      if (ArrayBuffer.isView(v)) return walk(Array.from(v as unknown as ArrayLike<number>), depth);
      if (Array.isArray(v)) {
        if (v.length > MAX_ITEMS) truncated = true;
        return v.slice(0, MAX_ITEMS).map((x) => walk(x, depth + 1) ?? null);
      }
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const safe = walk(x, depth + 1);
        if (safe !== undefined) out[k] = safe;
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };
  return { value: walk(value, 0), truncated };
}

function columnType(table: TableLike, name: string, rows: Record<string, unknown>[]): string {
  const n = table.numRows();
  for (let i = 0; i < Math.min(n, 1000); i++) {
    const v = table.column ? table.column(name)?.at(i) : rows[i]?.[name];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    if (v instanceof Date) return 'date';
    if (Array.isArray(v) || ArrayBuffer.isView(v)) return 'array';
    return typeof v;
  }
  return 'null';
}

/**
 * Rows `offset … offset + limit` of a table, JSON-safe.
 *
 * @example
 * tablePage(aq.table({ a: [1, 2, 3] }), 1, 1); // → [{ a: 2 }]
 */
export function tablePage(table: TableLike, offset: number, limit: number): Record<string, unknown>[] {
  const start = Math.max(0, offset);
  const end = Math.max(start, Math.min(table.numRows(), start + Math.max(0, limit)));
  const names = table.columnNames();
  // Column-wise (a whole million-row table may be asked for at once): `array` honours filters
  // and orderings, and each column is converted with one check per value.
  const columns = names.map((name) => {
    const values = table.array ? table.array(name) : table.objects({ offset: start, limit: end - start }).map((r) => (r as Record<string, unknown>)[name]);
    const slice = Array.prototype.slice.call(values, table.array ? start : 0, table.array ? end : undefined) as unknown[];
    for (let i = 0; i < slice.length; i++) {
      const v = slice[i];
      if (typeof v === 'string' || typeof v === 'boolean' || v === null) continue;
      if (typeof v === 'number') slice[i] = Number.isFinite(v) ? v : null;
      else if (v instanceof Date) slice[i] = Number.isNaN(v.getTime()) ? null : v.toISOString();
      else slice[i] = v === undefined ? null : toJsonSafe(v).value;
    }
    return slice;
  });
  const rows: Record<string, unknown>[] = new Array(end - start);
  for (let r = 0; r < rows.length; r++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][r];
    rows[r] = row;
  }
  return rows;
}

/**
 * A JSON-safe display form of any value.
 *
 * @example
 * summarizeValue(aq.table({ a: [1, 2] })); // → { kind: 'table', columns: ['a'], types: ['number'], numRows: 2, offset: 0, rows: [{ a: 1 }, { a: 2 }] }
 * summarizeValue('hi'); // → { kind: 'text', text: 'hi' }
 */
export function summarizeValue(value: unknown, options: SummarizeOptions = {}): ValueSummary {
  const maxRows = options.maxRows ?? 100;
  try {
    if (value === undefined) return { kind: 'undefined' };
    if (typeof value === 'string') return { kind: 'text', text: value };
    if (typeof value === 'function') return { kind: 'function', text: String(value).split('\n')[0].slice(0, 200) };
    if (value instanceof Error) return { kind: 'error', message: value.message, name: value.name };
    if (value instanceof FormattedValue) {
      const inner = summarizeValue(value.value, options);
      return inner.kind === 'table' ? { ...inner, format: value.format } : inner;
    }
    if (value && typeof value === 'object' && typeof (value as Record<symbol, unknown>)[INPUT_SUMMARY] === 'function') {
      return (value as Record<symbol, () => ValueSummary>)[INPUT_SUMMARY]();
    }
    if (value instanceof DeclaredValues) {
      return { kind: 'declared', values: Object.entries(value.values).map(([name, v]) => ({ name, value: summarizeValue(v, options) })) };
    }
    if (isTable(value)) {
      const columns = value.columnNames();
      const rows = tablePage(value, 0, maxRows);
      const summary: ValueSummary = {
        kind: 'table', columns, types: columns.map((c) => columnType(value, c, rows)), numRows: value.numRows(), offset: 0, rows,
      };
      if (options.register) summary.handle = options.register(value);
      return summary;
    }
    if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      // A Plot figure drawn from plain data also carries its spec: the page redraws it, interactive.
      if (typeof v.outerHTML === 'string' && isChartSpec(v[CHART_SPEC])) return { kind: 'chart', spec: v[CHART_SPEC] as Record<string, unknown> };
      if (typeof v.outerHTML === 'string') return { kind: 'html', html: v.outerHTML };
      if ('metrics' in v && 'tables' in v && 'charts' in v && 'notes' in v) {
        const tables = Object.fromEntries(Object.entries((v.tables ?? {}) as Record<string, unknown>).map(([k, t]) => [k, summarizeValue(t, options)]));
        return {
          kind: 'recipe-result',
          metrics: toJsonSafe(v.metrics).value as Record<string, unknown>,
          tables,
          charts: toJsonSafe(v.charts).value as Record<string, unknown>[],
          notes: Array.isArray(v.notes) ? v.notes.map(String) : [],
        };
      }
      if (Array.isArray(v.marks)) return { kind: 'chart', spec: toJsonSafe(v).value as Record<string, unknown> };
    }
    const { value: json, truncated } = toJsonSafe(value);
    return truncated ? { kind: 'json', json, truncated } : { kind: 'json', json };
  } catch (error) {
    return { kind: 'error', message: `cannot display this value: ${(error as Error).message}` };
  }
}
