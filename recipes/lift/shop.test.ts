import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { generateShop } from '../../datasets/shop/index.js';
import { runRecipe } from '../define-recipe.js';
import { tableRows } from '../result-json.js';
import { lift } from './index.js';

// The seeded bookstore plants its effects (datasets/README.md); lift must find them.
describe('lift on the generated bookstore', () => {
  const shop = generateShop({ seed: 7, customers: 4000 });
  const truth = shop.truth as {
    conversion: { relative_lift: number };
    revenue_per_customer: { relative_lift: number };
    aov_relative_lift: number;
  };

  it('recovers the planted conversion, revenue and order-value lifts within their 95% intervals', async () => {
    const { result } = await runRecipe(lift, {
      inputs: { units: aq.from(shop.tables.units) },
      params: {
        metrics: ['converted', 'revenue', { name: 'aov', numerator: 'revenue', denominator: 'orders' }],
        covariates: { revenue: 'pre_revenue' },
      },
    });
    const rows = Object.fromEntries(tableRows(result.tables.comparisons!).map((r) => [r.metric as string, r]));
    const planted: Record<string, number> = {
      converted: truth.conversion.relative_lift,
      revenue: truth.revenue_per_customer.relative_lift,
      aov: truth.aov_relative_lift,
    };
    for (const [metric, value] of Object.entries(planted)) {
      expect(rows[metric]!.ci_low as number, metric).toBeLessThanOrEqual(value);
      expect(rows[metric]!.ci_high as number, metric).toBeGreaterThanOrEqual(value);
    }
    expect(rows.converted!.variant).toBe('personalized');
    expect(rows.converted!.significant).toBe(true);
    expect(result.metrics.srm_p_value as number).toBeGreaterThan(0.001); // the generator randomizes 50/50
  });
});
