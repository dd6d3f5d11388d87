import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { runRecipe } from '../define-recipe.js';
import { automation } from './index.js';
import { generateShop } from '../../datasets/shop/index.js';
import { quantiles } from '../stats/quantile.js';

const runs = aq.from([
  { campaign: 'a', created_at: '2025-01-06 09:00:00', launched_at: '2025-01-06 11:00:00', status: 'launched', errors: 1, records: 1000, cost: 10, staff_minutes: 30 },
  { campaign: 'b', created_at: '2025-01-07T00:00:00Z', launched_at: '2025-01-07T10:00:00Z', status: 'launched', errors: 0, records: 2000, cost: 12, staff_minutes: 40 },
  { campaign: 'c', created_at: '2025-01-08', launched_at: null, status: 'FAILED', errors: 5, records: 500, cost: 8, staff_minutes: 20 },
  { campaign: 'd', created_at: '2025-01-14', launched_at: '2025-01-15', status: 'launched', errors: 4, records: 4000, cost: 16, staff_minutes: 50 },
  { campaign: 'a', created_at: '2025-01-15', launched_at: '2025-01-15T06:00:00Z', status: 'launched', errors: 0, records: 3000, cost: 14, staff_minutes: 60 },
]);

describe('automation recipe', () => {
  it('computes every metric as by hand on five runs', async () => {
    const { result, params } = await runRecipe(automation, { inputs: { runs } });
    const m = result.metrics;
    expect(params.period).toBe('week');
    // launched hours 2, 10, 24, 6 → numpy.percentile(…, [50, 90]) = [8, 19.8]
    expect(m.deployment_time_median).toBe(8);
    expect(m.deployment_time_p90).toBeCloseTo(19.8, 12);
    expect(m.workflow_error_rate).toBe(0.2);
    expect(m.record_error_rate).toBeCloseTo(10 / 10500, 15);
    expect(m.throughput).toBe(2); // 4 launched runs over 2 ISO weeks
    expect(m.cost_per_1k_messages).toBeCloseTo((1000 * 60) / 10500, 12);
    expect(m.messages_per_staff_hour).toBeCloseTo(10500 / (200 / 60), 9);
    // scipy.stats.linregress(records, cost): slope 2.19512… per 1k, intercept 7.39024, t-interval 1.74698…2.64326
    expect(m.scaling_slope).toBeCloseTo(2.1951219512195124, 10);
    expect(m.scaling_intercept).toBeCloseTo(7.390243902439024, 10);
    expect(m.scaling_slope_ci_low).toBeCloseTo(1.746978968039737, 8);
    expect(m.scaling_slope_ci_high).toBeCloseTo(2.6432649343992876, 8);
    expect(m.scaling_elasticity).toBeCloseTo(0.3228859224583363, 10);
    expect(m.campaigns).toBe(4);
    expect(result.tables.periods!.numRows()).toBe(2);
    expect(result.tables.campaigns!.objects().find((r) => (r as { campaign: string }).campaign === 'a')).toMatchObject({ runs: 2, deployment_time_median: 4 });
    expect(result.charts.map((c) => c.id)).toEqual(['deployment-time', 'throughput', 'cost-scaling']);
    expect(result.notes.join(' ')).toMatch(/Half of the launched runs went live within 8\.0 hours/);
    expect(result.notes.join(' ')).toMatch(/Only 4 runs launched/);
  });

  it('leaves out measures the table lacks and names a renamed column', async () => {
    const slim = runs.select('campaign', 'created_at', 'launched_at', 'status').rename({ status: 'state' });
    const { result } = await runRecipe(automation, { inputs: { runs: slim }, params: { status: 'state' } });
    expect(result.metrics.cost_per_1k_messages).toBeUndefined();
    expect(result.metrics.workflow_error_rate).toBe(0.2);
  });

  it('rejects bad input with the column and the fix', async () => {
    await expect(runRecipe(automation, { inputs: { runs }, params: { cost: 'price' } })).rejects.toThrow(/runs has no column "price" \(the cost column\)/);
    const backwards = aq.from([{ campaign: 'x', created_at: '2025-01-02', launched_at: '2025-01-01', status: 'launched' }]);
    await expect(runRecipe(automation, { inputs: { runs: backwards } })).rejects.toThrow(/launched before it was created/);
    const badDate = aq.from([{ campaign: 'x', created_at: '2025-01-02', launched_at: 'soon', status: 'launched' }]);
    await expect(runRecipe(automation, { inputs: { runs: badDate } })).rejects.toThrow(/"soon" in row 1, which is not a date/);
    const negative = runs.derive({ records: () => -1 });
    await expect(runRecipe(automation, { inputs: { runs: negative } })).rejects.toThrow(/records column\) is negative/);
    await expect(runRecipe(automation, { inputs: { runs }, params: { period: 'year' } })).rejects.toThrow(/parameter "period"/);
  });

  it('recovers the generated shop’s planted run times, failure rate and marginal cost', async () => {
    const { tables, truth } = generateShop({ seed: 42, customers: 200 });
    const planted = (truth as { automation: Record<string, number> }).automation;
    const { result } = await runRecipe(automation, { inputs: { runs: aq.from(tables.runs!) } });
    const m = result.metrics as Record<string, number>;
    // Independent check of the median and p90 on the raw rows.
    const hours = tables.runs!.filter((r) => r.launched_at).map((r) => (Date.parse(String(r.launched_at)) - Date.parse(String(r.created_at))) / 3.6e6);
    const [median, p90] = quantiles(hours, [0.5, 0.9]);
    expect(m.deployment_time_median).toBeCloseTo(median!, 9);
    expect(m.deployment_time_p90).toBeCloseTo(p90!, 9);
    // 80 log-normal runs: median within ~25% of the planted 20 h, p90 within ~40% of the planted value.
    expect(Math.abs(Math.log(m.deployment_time_median / planted.deployment_time_median!))).toBeLessThan(0.25);
    expect(Math.abs(Math.log(m.deployment_time_p90 / planted.deployment_time_p90!))).toBeLessThan(0.4);
    expect(m.workflow_error_rate_ci_low).toBeLessThan(planted.workflow_error_rate!);
    expect(m.workflow_error_rate_ci_high).toBeGreaterThan(planted.workflow_error_rate!);
    expect(m.record_error_rate).toBeCloseTo(planted.record_error_rate!, 3);
    expect(m.scaling_slope_ci_low).toBeLessThan(planted.cost_per_1k_messages_marginal!);
    expect(m.scaling_slope_ci_high).toBeGreaterThan(planted.cost_per_1k_messages_marginal!);
  });
});
