import type { ColumnTable } from 'arquero';

/** A column as previews and dataset listings describe it. */
export interface ColumnInfo {
  name: string;
  type: 'number' | 'string' | 'boolean' | 'date' | 'mixed' | 'empty' | 'other';
  missing: number;
}

/**
 * Each column's name, value type (from all its non-null values) and count of missing values.
 *
 * @example
 * describeColumns(aq.table({ x: [1, null], s: ['a', 'b'] }));
 * // → [{ name: 'x', type: 'number', missing: 1 }, { name: 's', type: 'string', missing: 0 }]
 */
export function describeColumns(table: ColumnTable): ColumnInfo[] {
  return table.columnNames().map((name) => {
    const values = table.array(name) as ArrayLike<unknown>;
    let type: ColumnInfo['type'] | undefined;
    let missing = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
        missing++;
        continue;
      }
      const t = typeOf(v);
      type = type === undefined || type === t ? t : 'mixed';
    }
    return { name, type: type ?? 'empty', missing };
  });
}

function typeOf(value: unknown): ColumnInfo['type'] {
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (value instanceof Date) return 'date';
  return 'other';
}
