import type { ColumnTable } from 'arquero';
import { requireColumn, stringColumn } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import type { ChurnData } from './dataset.js';

/**
 * Adds customer attributes (segment, device, plan…) from a customers table to the features
 * derived from transactions: behaviour says who is drifting away, attributes say which kinds of
 * customers do. Customers missing from the table get missing values (imputed like any other).
 *
 * @example
 * addAttributes(data, customers, 'customer_id', ['segment', 'device']);
 */
export function addAttributes(data: ChurnData, table: ColumnTable, customer: string, attributes: string[]): void {
  const ids = stringColumn(table, 'customers', customer, 'customer');
  const row = new Map(ids.map((id, i) => [id, i]));
  for (const name of attributes) {
    requireColumn(table, 'customers', name, 'attributes');
    if (name in data.columns) {
      throw new RecipeInputError(`The attribute "${name}" has the name of a feature derived from transactions; rename that column of customers.`);
    }
    const values = table.array(name) as ArrayLike<unknown>;
    data.columns[name] = data.ids.map((id) => {
      const r = row.get(id);
      return r === undefined ? null : values[r];
    });
  }
  data.features = [...data.features, ...attributes];
}
