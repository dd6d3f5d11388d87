import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';

/**
 * A table on its way to or from a worker thread: Arrow IPC bytes when every column is a plain
 * scalar type (fast, transferable), otherwise the column arrays themselves (structured clone keeps
 * arrays, objects and mixed columns exactly, which Arrow would coerce or reject).
 */
export type PackedTable = { kind: 'arrow'; bytes: Uint8Array } | { kind: 'columns'; columns: Record<string, unknown[]> };

/**
 * Packs tables for `postMessage`, returning the buffers that can be transferred instead of copied.
 *
 * @example
 * const { packed, transfer } = packTables({ units: aq.table({ x: [1, 2] }) });
 * worker.postMessage({ inputs: packed }, transfer);
 */
export function packTables(tables: Record<string, ColumnTable>): { packed: Record<string, PackedTable>; transfer: ArrayBuffer[] } {
  const packed: Record<string, PackedTable> = {};
  const transfer: ArrayBuffer[] = [];
  for (const [name, table] of Object.entries(tables)) {
    const one = packTable(table);
    packed[name] = one;
    if (one.kind === 'arrow') transfer.push(one.bytes.buffer as ArrayBuffer);
  }
  return { packed, transfer };
}

/**
 * Rebuilds Arquero tables from packTables' output.
 *
 * @example
 * const inputs = unpackTables(message.inputs);
 */
export function unpackTables(packed: Record<string, PackedTable>): Record<string, ColumnTable> {
  return Object.fromEntries(Object.entries(packed).map(([name, p]) => [name, unpackTable(p)]));
}

function packTable(table: ColumnTable): PackedTable {
  if (table.columnNames().every((name) => isScalarColumn(table.array(name) as ArrayLike<unknown>))) {
    try {
      const view = aq.toArrowIPC(table, { format: 'stream' }) as Uint8Array;
      // Only a buffer the view owns whole can be transferred without taking other data with it.
      const bytes = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view : view.slice();
      return { kind: 'arrow', bytes };
    } catch {
      // Mixed-type columns: Arrow needs one type per column, so fall back to plain arrays.
    }
  }
  const columns = Object.fromEntries(table.columnNames().map((name) => [name, Array.from(table.array(name) as ArrayLike<unknown>)]));
  return { kind: 'columns', columns };
}

function unpackTable(packed: PackedTable): ColumnTable {
  if (packed.kind === 'columns') return aq.table(packed.columns);
  return aq.fromArrow(packed.bytes, { useBigInt: false, useDate: true } as never);
}

function isScalarColumn(values: ArrayLike<unknown>): boolean {
  if (ArrayBuffer.isView(values)) return true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && typeof v === 'object' && !(v instanceof Date)) return false;
    if (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function') return false;
  }
  return true;
}
