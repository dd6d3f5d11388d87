import { compareValues, formatCell, isMissing, summarizeColumn, type ColumnInfo, type RowPage, type RowQuery } from './table-source.js';

/** A table's columns as plain arrays (Arquero's `table.array(name)`), with their names. */
export interface ColumnarTable { names: string[]; columns: ArrayLike<unknown>[]; numRows: number }

/**
 * Sorting, filtering and paging over a table held in the sandbox worker: the page only ever gets
 * the rows it shows. The last query's row order is kept, so scrolling a sorted million-row table
 * sorts once, not once per page.
 *
 * @example
 * const service = tableService();
 * service.page({ names: ['a'], columns: [[2, 1]], numRows: 2 }, { offset: 0, limit: 1, sort: { column: 'a', desc: false } }); // → { rows: [[1]], total: 2 }
 */
export function tableService() {
  let last: { table: ColumnarTable; key: string; order: Uint32Array | null } | null = null;
  const summaries = new WeakMap<ColumnarTable, ColumnInfo[]>();

  function orderFor(table: ColumnarTable, query: RowQuery): Uint32Array | null {
    const key = JSON.stringify([query.sort ?? null, query.filter?.trim().toLowerCase() ?? '']);
    if (last && last.table === table && last.key === key) return last.order;
    let order: Uint32Array | null = null;
    const filter = query.filter?.trim().toLowerCase();
    if (filter) {
      const scoped = /^([^:]+):(.*)$/.exec(filter);
      const index = scoped ? table.names.findIndex((n) => n.toLowerCase() === scoped[1]!.trim()) : -1;
      const needle = index >= 0 ? scoped![2]!.trim() : filter;
      const searched = index >= 0 ? [table.columns[index]!] : table.columns;
      const kept: number[] = [];
      for (let row = 0; row < table.numRows; row++) {
        if (searched.some((col) => col[row] != null && formatCell(col[row]).toLowerCase().includes(needle))) kept.push(row);
      }
      order = Uint32Array.from(kept);
    }
    if (query.sort) {
      const column = table.columns[table.names.indexOf(query.sort.column)];
      if (column) {
        order ??= Uint32Array.from({ length: table.numRows }, (_, i) => i);
        sortRows(order, column, query.sort.desc);
      }
    }
    last = { table, key, order };
    return order;
  }

  return {
    page(table: ColumnarTable, query: RowQuery): RowPage {
      const order = orderFor(table, query);
      const total = order ? order.length : table.numRows;
      const rows: unknown[][] = [];
      for (let i = query.offset; i < Math.min(total, query.offset + query.limit); i++) {
        const row = order ? order[i]! : i;
        rows.push(table.columns.map((col) => col[row]));
      }
      return { rows, total };
    },
    columns(table: ColumnarTable): ColumnInfo[] {
      let cached = summaries.get(table);
      if (!cached) {
        cached = table.names.map((name, i) => summarizeColumn(name, table.columns[i]!));
        summaries.set(table, cached);
      }
      return cached;
    },
  };
}

/**
 * Sorts row indices by a column, missing values last in both directions. Numbers and dates sort
 * on a Float64Array of keys: a million rows in well under a second.
 *
 * @example
 * const order = Uint32Array.of(0, 1, 2);
 * sortRows(order, [3, null, 1], false); // order → [2, 0, 1]
 */
export function sortRows(order: Uint32Array, column: ArrayLike<unknown>, desc: boolean): void {
  const sign = desc ? -1 : 1;
  const numeric = (v: unknown) => typeof v === 'number' || v instanceof Date || isMissing(v);
  let allNumeric = true;
  for (let i = 0; i < column.length && allNumeric; i++) allNumeric = numeric(column[i]);
  if (!allNumeric) {
    order.sort((a, b) => {
      const c = compareValues(column[a], column[b]);
      return (isMissing(column[a]) || isMissing(column[b]) ? c : sign * c) || a - b;
    });
    return;
  }
  const keys = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    keys[i] = isMissing(v) ? NaN : v instanceof Date ? v.getTime() : (v as number);
  }
  order.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    if (x !== x || y !== y) return x !== x ? (y !== y ? a - b : 1) : -1;
    return sign * (x - y) || a - b;
  });
}
