import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { generateShop } from '../../datasets/shop/index.js';
import { runRecipe } from '../define-recipe.js';
import { clv } from './index.js';

describe('clv on the generated bookstore', () => {
  const { tables, truth } = generateShop({ seed: 42, customers: 4000 });
  const planted = truth.bgnbd as { r: number; alpha: number; a: number; b: number; calibration_end: string };

  it('recovers the planted BG/NBD process from the orders before the experiment', async () => {
    // Before the experiment every order follows BG/NBD exactly (first order at signup).
    const orders = aq.from(tables.orders.filter((o) => (o.timestamp as string) < planted.calibration_end));
    const { result } = await runRecipe(clv, { inputs: { transactions: orders }, params: { customer: 'customer_id', calibration_end: '2024-12-31' } });
    const m = result.metrics;
    expect(m.converged).toBe('yes');
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      // 4,000 customers: estimates land within about 15% of the truth (a and b are correlated).
      expect(Math.abs(Math.log((m[key] as number) / planted[key]))).toBeLessThan(0.2);
    }
  });

  it('values the personalized cohort higher after its planted order-value and purchase-rate lifts', async () => {
    const orders = aq.from(tables.orders);
    const { result } = await runRecipe(clv, {
      inputs: { transactions: orders },
      params: { customer: 'customer_id', group: 'variant', control: 'control', calibration_end: '2025-06-30', horizon: 52 },
    });
    expect(result.metrics.clv_lift as number).toBeGreaterThan(0);
    expect(result.tables.clv_lift.numRows()).toBe(1);
    expect(result.notes.some((n) => /Mean CLV of personalized/.test(n))).toBe(true);
  });
});
