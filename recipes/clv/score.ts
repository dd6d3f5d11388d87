import { throwIfAborted } from '../errors.js';
import type { Progress } from '../types.js';
import type { FittedPurchaseModel } from './models.js';
import type { CustomerSummary } from './summary.js';
import { discountedPurchases } from './value.js';

/** Per-customer columns of the `customers` table. */
export interface CustomerScores {
  pAlive: Float64Array;
  expected: Float64Array;
  value: Float64Array;
  clv: Float64Array;
}

/**
 * P(alive), expected purchases, expected purchase value and discounted CLV of every customer over
 * `horizon` units.
 *
 * @example
 * scoreCustomers(model, summary, spend.value, { horizon: 52, unitRate: 0.0018, margin: 1 }, progress, signal);
 */
export function scoreCustomers(
  model: FittedPurchaseModel,
  s: Pick<CustomerSummary, 'frequency' | 'recency' | 'T'>,
  spendValue: (i: number) => number,
  o: { horizon: number; unitRate: number; margin: number },
  progress: Progress,
  signal: AbortSignal,
): CustomerScores {
  const n = s.frequency.length;
  const pAlive = new Float64Array(n);
  const expected = new Float64Array(n);
  const value = new Float64Array(n);
  const clv = new Float64Array(n);
  // P(alive) and the discounted purchases depend on (frequency, recency, T) only, which many
  // customers share (days on a calendar): each is computed once per distinct triple.
  const byHistory = new Map<string, { alive: number; discounted: number; expectedPurchases: number }>();
  for (let i = 0; i < n; i++) {
    if (i % 500 === 0) {
      throwIfAborted(signal);
      progress(0.65 + (0.3 * i) / n, 'valuing customers');
    }
    const key = `${s.frequency[i]} ${s.recency[i]} ${s.T[i]}`;
    let h = byHistory.get(key);
    if (!h) {
      const x = s.frequency[i]!;
      h = { alive: model.pAlive(x, s.recency[i]!, s.T[i]!), ...discountedPurchases(model, { x, recency: s.recency[i]!, T: s.T[i]!, horizon: o.horizon, unitRate: o.unitRate }) };
      byHistory.set(key, h);
    }
    pAlive[i] = h.alive;
    value[i] = spendValue(i);
    expected[i] = h.expectedPurchases;
    clv[i] = h.discounted * value[i]! * o.margin;
  }
  return { pAlive, expected, value, clv };
}

/**
 * The mean of the finite values (NaN when there is none): extreme saved parameters can make
 * P(alive) uncomputable for some histories, and those customers are left out of the averages.
 *
 * @example
 * finiteMean(Float64Array.of(1, NaN, 3)); // → 2
 */
export function finiteMean(v: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) continue;
    sum += v[i]!;
    n++;
  }
  return n ? sum / n : NaN;
}

/**
 * How many values are not finite.
 *
 * @example
 * countNonFinite([1, NaN, Infinity]); // → 2
 */
export function countNonFinite(v: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) n++;
  return n;
}
