import type { FittedPurchaseModel } from './models.js';

/**
 * Discounted customer lifetime value over a finite horizon, the convention lifetimes uses: the
 * horizon is cut into whole time units; the purchases expected in unit i, E(i) − E(i−1), are
 * valued at the expected order value times the margin and discounted as if paid at the end of
 * unit i: CLV = Σᵢ margin · value · (E(i) − E(i−1)) / (1 + d)^i. The discount rate is given per
 * year and converted to the unit: d = (1 + annual)^(unitDays/365.25) − 1.
 */

/**
 * The per-unit discount rate equivalent to an annual rate.
 *
 * @example
 * unitDiscountRate(0.1, 7); // → ≈ 0.001828 per week
 */
export function unitDiscountRate(annualRate: number, unitDays: number): number {
  return Math.pow(1 + annualRate, unitDays / 365.25) - 1;
}

/**
 * Σᵢ (E(i) − E(i−1)) / (1 + d)^i over the horizon's units for a cumulative expectation E, and
 * E(horizon).
 *
 * @example
 * discountedSum((t) => t, 52, 0.0018); // one purchase a unit: a geometric sum, and 52
 */
export function discountedSum(cumulative: (t: number) => number, horizon: number, unitRate: number, factors = discountFactors(horizon, unitRate)): { discounted: number; expectedPurchases: number } {
  let previous = 0;
  let discounted = 0;
  const steps = Math.ceil(horizon);
  for (let i = 1; i <= steps; i++) {
    const e = cumulative(Math.min(i, horizon));
    discounted += (e - previous) / factors[i]!;
    previous = e;
  }
  return { discounted, expectedPurchases: previous };
}

/**
 * (1 + d)^i for the units i = 0 … ⌈horizon⌉, for discountedSum: a valuation discounts thousands
 * of histories over the same horizon, so the powers are computed once.
 *
 * @example
 * discountFactors(2, 0.1); // → Float64Array [1, 1.1, ≈1.21]
 */
export function discountFactors(horizon: number, unitRate: number): Float64Array {
  const steps = Math.ceil(horizon);
  const factors = new Float64Array(Math.max(0, steps) + 1);
  for (let i = 0; i <= steps; i++) factors[i] = Math.pow(1 + unitRate, i);
  return factors;
}

/**
 * The discounted expected purchases of a customer over the horizon, Σᵢ (E(i) − E(i−1)) / (1 + d)^i,
 * and the undiscounted E(horizon): what CLV is made of before the value and margin, the same for
 * every customer with the same frequency, recency and T.
 *
 * @example
 * discountedPurchases(model, { x: 2, recency: 30.43, T: 38.86, horizon: 52, unitRate: 0.0018 });
 */
export function discountedPurchases(
  model: FittedPurchaseModel,
  c: { x: number; recency: number; T: number; horizon: number; unitRate: number },
): { discounted: number; expectedPurchases: number } {
  return discountedSum((t) => model.conditionalExpected(t, c.x, c.recency, c.T), c.horizon, c.unitRate);
}

/**
 * Discounted CLV of one customer and the purchases expected over the horizon.
 *
 * @example
 * discountedClv(model, { x: 2, recency: 30.43, T: 38.86, value: 24.66, horizon: 52, unitRate: 0.0018, margin: 0.3 });
 */
export function discountedClv(
  model: FittedPurchaseModel,
  c: { x: number; recency: number; T: number; value: number; horizon: number; unitRate: number; margin: number },
): { clv: number; expectedPurchases: number } {
  const { discounted, expectedPurchases } = discountedPurchases(model, c);
  return { clv: discounted * c.value * c.margin, expectedPurchases };
}
