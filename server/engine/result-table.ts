import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';

/**
 * An Arquero table from column names and value arrays, keeping the engine's column order. A name
 * repeated in the result (`SELECT 1, 1`) gets `_2`, `_3`, … so no column is silently lost.
 */
export function resultTable(names: string[], columns: unknown[][]): ColumnTable {
  const seen = new Map<string, number>();
  const data: Record<string, unknown[]> = {};
  names.forEach((name, i) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    let unique = count === 1 ? name : `${name}_${count}`;
    while (unique in data) unique += '_';
    data[unique] = columns[i]!;
  });
  return aq.table(data);
}
