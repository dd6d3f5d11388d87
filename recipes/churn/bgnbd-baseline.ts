import { bgnbdConditionalExpected, bgnbdPAlive, fitBgNbd, type BgNbdParams } from '../clv/bgnbd.js';
import { summarizeTransactions } from '../clv/summary.js';
import { DAY_MS, type IndexedLog } from './transaction-features.js';

/**
 * The BG/NBD view of the same customers, from the `clv` recipe's model: fitted on the orders
 * before the cutoff (in weeks, same-day orders merged), it gives each customer's probability of
 * still being "alive" and expected orders in the coming days. `churn` scores 1 − P(alive) as a
 * second baseline; `next-purchase` shows the expectation beside its own predictions.
 */

export interface BgNbdScores {
  params: BgNbdParams;
  converged: boolean;
  pAlive: Float64Array;
  /** Expected orders in the next `days` days, per customer. */
  expected: (days: number) => Float64Array;
}

/**
 * BG/NBD scores at `cutoff` for `customers` (who must have ordered before it).
 *
 * @example
 * const bg = bgnbdScores(indexed, cutoff, snapshot.customers, signal);
 * bg.pAlive[0]; // → P(alive) of the first customer
 */
export function bgnbdScores(indexed: IndexedLog, cutoff: number, customers: string[], signal?: AbortSignal): BgNbdScores {
  const lastDay = cutoff - DAY_MS;
  const summary = summarizeTransactions(
    { customers: indexed.log.customer, times: indexed.log.time },
    { calibrationEnd: lastDay, observationEnd: lastDay, unit: 'week' },
  );
  const fit = fitBgNbd(summary, { signal });
  const position = new Map(summary.customers.map((c, i) => [c, i]));
  const at = customers.map((c) => position.get(c) ?? -1);
  const pAlive = Float64Array.from(at, (i) => (i < 0 ? NaN : bgnbdPAlive(fit.params, summary.frequency[i], summary.recency[i], summary.T[i])));
  const expected = (days: number) =>
    Float64Array.from(at, (i) => (i < 0 ? NaN : bgnbdConditionalExpected(fit.params, days / 7, summary.frequency[i], summary.recency[i], summary.T[i])));
  return { params: fit.params, converged: fit.report.converged, pAlive, expected };
}
