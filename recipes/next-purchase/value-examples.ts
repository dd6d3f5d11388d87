import type { IndexedLog } from '../churn/transaction-features.js';

/**
 * Training examples for the next-order value: one per repeat order before the cutoff, described
 * by the customer's orders before it. Every repeat order is an example (not one per customer),
 * because spend per order is stable over a customer's life (the Gamma–Gamma assumption) and
 * needs many examples to learn how far to trust a short history. The 1/orders terms let a linear
 * model shrink a customer's mean toward everyone's, more so after few orders, as Gamma–Gamma does.
 */

export const VALUE_FEATURES = ['prior_mean_value', 'prior_last_value', 'inverse_orders', 'prior_mean_over_orders'];

function row(sum: number, count: number, last: number): number[] {
  const mean = sum / count;
  return [mean, last, 1 / count, mean / count];
}

/**
 * Features and targets from every repeat order before `cutoff`.
 *
 * @example
 * const { columns, target } = valueExamples(indexed, cutoff);
 */
export function valueExamples(indexed: IndexedLog, cutoff: number): { columns: Record<string, Float64Array>; target: Float64Array } {
  const { time, amount } = indexed.log;
  const rows: number[][] = [];
  const target: number[] = [];
  for (const orders of indexed.rows) {
    let sum = 0;
    for (let j = 0; j < orders.length && time[orders[j]] < cutoff; j++) {
      const value = amount![orders[j]];
      if (j > 0) {
        rows.push(row(sum, j, amount![orders[j - 1]]));
        target.push(value);
      }
      sum += value;
    }
  }
  return { columns: toColumns(rows), target: Float64Array.from(target) };
}

/**
 * The same features for each customer as of the cutoff (customers in `customers` order).
 *
 * @example
 * const columns = valueFeaturesAt(indexed, cutoff, snapshot.customers);
 */
export function valueFeaturesAt(indexed: IndexedLog, cutoff: number, customers: string[]): Record<string, Float64Array> {
  const { time, amount } = indexed.log;
  const position = new Map(indexed.ids.map((id, i) => [id, i]));
  const rows = customers.map((id) => {
    const orders = indexed.rows[position.get(id)!];
    let sum = 0;
    let j = 0;
    for (; j < orders.length && time[orders[j]] < cutoff; j++) sum += amount![orders[j]];
    return row(sum, j, amount![orders[j - 1]]);
  });
  return toColumns(rows);
}

function toColumns(rows: number[][]): Record<string, Float64Array> {
  return Object.fromEntries(VALUE_FEATURES.map((f, k) => [f, Float64Array.from(rows, (r) => r[k])]));
}
