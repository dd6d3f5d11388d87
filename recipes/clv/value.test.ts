import { describe, expect, it } from 'vitest';
import type { FittedPurchaseModel } from './models.js';
import { discountedClv, unitDiscountRate } from './value.js';

// A stand-in model that expects exactly one purchase per unit, so the CLV is a geometric sum.
const steady = { conditionalExpected: (t: number) => t } as unknown as FittedPurchaseModel;

describe('discounted CLV', () => {
  it('converts an annual rate to the unit so that 52.18 weeks compound to one year', () => {
    const weekly = unitDiscountRate(0.1, 7);
    expect(Math.pow(1 + weekly, 365.25 / 7)).toBeCloseTo(1.1, 12);
    expect(unitDiscountRate(0, 7)).toBe(0);
  });

  it('discounts each unit\'s purchases at the end of the unit: Σ margin·value/(1+d)^i', () => {
    const d = unitDiscountRate(0.1, 7);
    const { clv, expectedPurchases } = discountedClv(steady, { x: 0, recency: 0, T: 10, value: 20, horizon: 52, unitRate: d, margin: 0.5 });
    const geometric = (10 * (1 - Math.pow(1 + d, -52))) / d;
    expect(clv).toBeCloseTo(geometric, 9);
    expect(expectedPurchases).toBe(52);
  });

  it('counts a fractional last unit as a partial unit', () => {
    const { clv, expectedPurchases } = discountedClv(steady, { x: 0, recency: 0, T: 10, value: 1, horizon: 2.5, unitRate: 0, margin: 1 });
    expect(expectedPurchases).toBe(2.5);
    expect(clv).toBeCloseTo(2.5, 12);
  });
});
