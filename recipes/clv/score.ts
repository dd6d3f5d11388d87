import { throwIfAborted } from '../errors.js';
import type { Progress } from '../types.js';
import type { FittedPurchaseModel } from './models.js';
import type { CustomerSummary } from './summary.js';
import { groupHistories, type GroupedHistories } from './bgnbd.js';
import { distinctRows } from './distinct.js';
import { discountFactors, discountedSum } from './value.js';

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
  histories: GroupedHistories = groupHistories(s),
): CustomerScores {
  const n = s.frequency.length;
  const pAlive = new Float64Array(n);
  const expected = new Float64Array(n);
  const value = new Float64Array(n);
  const clv = new Float64Array(n);
  // E[Y(t) | x, tₓ, T] = P(alive | x, tₓ, T) · E[Y(t) | alive, x, T]: P(alive) is computed once per
  // distinct (frequency, recency, T) and the discounted live expectation (the 2F1 series, one per
  // unit of the horizon) once per distinct (frequency, T), which far fewer customers split into.
  // The ages are grouped over the distinct histories, not the customers.
  const h = histories.compressed;
  const ages = distinctRows([h.frequency, h.T]);
  const alive = new Float64Array(histories.first.length);
  for (let k = 0; k < alive.length; k++) {
    const i = histories.first[k]!;
    alive[k] = model.pAlive(s.frequency[i]!, s.recency[i]!, s.T[i]!);
  }
  const factors = discountFactors(o.horizon, o.unitRate);
  const discounted = new Float64Array(ages.first.length);
  const live = new Float64Array(ages.first.length);
  for (let k = 0; k < ages.first.length; k++) {
    if (k % 100 === 0) {
      throwIfAborted(signal);
      progress(0.65 + (0.3 * k) / ages.first.length, 'valuing customers');
    }
    const j = ages.first[k]!;
    const x = h.frequency[j]!;
    const T = h.T[j]!;
    const sum = discountedSum((t) => model.liveExpected(t, x, T), o.horizon, o.unitRate, factors);
    discounted[k] = sum.discounted;
    live[k] = sum.expectedPurchases;
  }
  for (let i = 0; i < n; i++) {
    const history = histories.index[i]!;
    const a = alive[history]!;
    const k = ages.index[history]!;
    pAlive[i] = a;
    value[i] = spendValue(i);
    expected[i] = a * live[k]!;
    clv[i] = a * discounted[k]! * value[i]! * o.margin;
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
