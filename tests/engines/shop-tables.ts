import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { generateShop, type Shop } from '../../datasets/shop/index.js';

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z)?$/;

/**
 * A table of the seeded shop as every engine can hold it: ISO date strings become Date values in
 * whole seconds (ClickHouse 18.16's DateTime has no fractions), everything else as generated.
 */
export function engineTable(rows: Record<string, unknown>[]): ColumnTable {
  const table = aq.from(rows);
  const converted: Record<string, unknown[]> = {};
  for (const name of table.columnNames()) {
    const values = table.array(name) as unknown[];
    const dates = values.length > 0 && values.every((v) => v === null || (typeof v === 'string' && ISO.test(v)));
    converted[name] = dates
      ? values.map((v) => (v === null ? null : new Date(Math.floor(Date.parse(v as string) / 1000) * 1000)))
      : values;
  }
  return aq.table(converted);
}

/** The seeded shop (seed 7) with its tables ready for the engines. */
export function engineShop(customers = 1500): { shop: Shop; tables: Record<string, ColumnTable> } {
  const shop = generateShop({ seed: 7, customers });
  const tables = Object.fromEntries(Object.entries(shop.tables).map(([name, rows]) => [name, engineTable(rows)]));
  return { shop, tables };
}
