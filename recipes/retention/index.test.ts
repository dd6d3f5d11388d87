import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { generateShop } from '../../datasets/shop/index.js';
import { runRecipe } from '../define-recipe.js';
import { retention } from './index.js';
import { bucketOf, bucketStart } from './buckets.js';

const events = (rows: [string, string, string?][]) => aq.from(rows.map(([customer, timestamp, group]) => ({ customer, timestamp, group: group ?? 'a' })));

describe('retention recipe', () => {
  it('first_time cohorts: a customer counts only in the period of their first activity ever', async () => {
    const input = events([
      ['x', '2024-01-01'], ['x', '2024-01-09'], ['x', '2024-01-20'], // week cohorts (Sunday start): 2023-12-31, 01-07, 01-14
      ['y', '2024-01-08'], ['y', '2024-01-22'],
      ['z', '2023-12-20'], ['z', '2024-01-02'], // first seen before the window: in no cohort
    ]);
    const { result } = await runRecipe(retention, { inputs: { events: input }, params: { mode: 'first_time', start: '2024-01-01', periods: 4 } });
    const m = result.tables.matrix.objects() as { cohort: string; period_index: number; cohort_size: number; retained: number }[];
    const cell = (cohort: string, j: number) => m.find((r) => r.cohort === cohort && r.period_index === j);
    expect(cell('2023-12-31', 0)).toMatchObject({ cohort_size: 1, retained: 1 });
    expect(cell('2023-12-31', 1)?.retained).toBe(1);
    expect(cell('2023-12-31', 2)?.retained).toBe(1);
    expect(cell('2024-01-07', 0)).toMatchObject({ cohort_size: 1, retained: 1 });
    expect(cell('2024-01-07', 2)?.retained).toBe(1);
    expect(m).toHaveLength(4 + 3 + 2 + 1);
    expect(result.metrics.customers).toBe(2);
  });

  it('starts weeks on Monday when asked, in SQL as in the bucket numbers', async () => {
    // Sunday 2024-01-07 and Monday 2024-01-08: one week from Sunday, two weeks from Monday.
    const input = events([['x', '2024-01-07'], ['x', '2024-01-08'], ['y', '2024-01-08T23:59:59Z']]);
    const run = async (week_start: string) => (await runRecipe(retention, { inputs: { events: input }, params: { week_start } })).result.tables.matrix.objects() as { cohort: string; period_index: number; retained: number }[];
    expect(await run('sunday')).toEqual([{ cohort: '2024-01-07', period_index: 0, cohort_size: 2, retained: 2, rate: 1 }]);
    expect((await run('monday')).map((r) => [r.cohort, r.period_index, r.retained])).toEqual([['2024-01-01', 0, 1], ['2024-01-01', 1, 1], ['2024-01-08', 0, 2]]);
  });

  it('reads columns named like its internal names', async () => {
    const input = aq.from([{ lb_b: 'x', lb_c: '2024-01-01' }, { lb_b: 'x', lb_c: '2024-01-08' }, { lb_b: 'y', lb_c: '2024-01-08' }]);
    const { result } = await runRecipe(retention, { inputs: { events: input }, params: { customer: 'lb_b', timestamp: 'lb_c' } });
    expect((result.tables.matrix.objects() as { retained: number }[]).map((r) => r.retained)).toEqual([1, 1, 2]);
  });

  it('numbers weeks from Sunday or Monday', () => {
    const wed = Date.UTC(2024, 0, 10);
    expect(new Date(bucketStart(bucketOf(wed, 'week', 'monday'), 'week', 'monday')).toISOString().slice(0, 10)).toBe('2024-01-08');
    expect(new Date(bucketStart(bucketOf(wed, 'week', 'sunday'), 'week', 'sunday')).toISOString().slice(0, 10)).toBe('2024-01-07');
    expect(new Date(bucketStart(bucketOf(Date.UTC(2024, 1, 29), 'month'), 'month')).toISOString().slice(0, 10)).toBe('2024-02-01');
  });

  it('finds the bookstore\'s planted post-experiment retention lift (personalized buy 30% faster)', async () => {
    const { tables, truth } = generateShop({ seed: 42, customers: 4000 });
    expect(truth.purchase_rate_lift_after_experiment).toBe(0.3);
    const orders = aq.from(tables.orders);
    const { result, engine } = await runRecipe(retention, {
      inputs: { events: orders },
      params: { customer: 'customer_id', group: 'variant', period: 'week', start: '2025-03-30', end: '2025-06-30' },
    });
    // Only counts per (group, cohort week, active week) leave the engine, not the orders.
    expect(engine?.rows_fetched).toBeLessThan(orders.numRows() / 10);
    const m = result.metrics;
    // Week-to-week retention is about the chance of another order within a week, which scales with
    // the purchase rate (slightly less than proportionally, because of dropout and saturation).
    const ratio = (m.retention_p1_personalized as number) / (m.retention_p1_control as number);
    expect(ratio).toBeGreaterThan(1.1);
    expect(ratio).toBeLessThan(1.45);
    expect(m.group_difference_p_value as number).toBeLessThan(0.05);
    expect(result.charts.map((c) => c.id)).toEqual(['heatmap', 'curves']);
    expect(result.tables.curves.numRows()).toBeGreaterThan(0);
    // Per-group matrices add up to the overall one cell by cell.
    const overall = result.tables.matrix.objects() as { cohort: string; period_index: number; retained: number }[];
    const byGroup = result.tables.group_matrix.objects() as { cohort: string; period_index: number; retained: number }[];
    const sum = (cohort: string, j: number) => byGroup.filter((r) => r.cohort === cohort && r.period_index === j).reduce((s, r) => s + r.retained, 0);
    for (const cell of overall) expect(sum(cell.cohort, cell.period_index)).toBe(cell.retained);
  });

  it('names the column and the fix on bad input', async () => {
    await expect(runRecipe(retention, { inputs: { events: events([['x', 'soon']]) } })).rejects.toThrow(/events\.timestamp.*not a date/);
    await expect(runRecipe(retention, { inputs: { events: events([['x', '2024-01-01', 'a'], ['x', '2024-01-02', 'b']]) }, params: { group: 'group' } })).rejects.toThrow(/two groups/);
    await expect(runRecipe(retention, { inputs: { events: events([['x', '2024-01-01']]) }, params: { customer: 'user' } })).rejects.toThrow(/no column "user"/);
    await expect(runRecipe(retention, { inputs: { events: events([['x', '2024-01-01']]) }, params: { start: '2024-02-01', end: '2024-01-01' } })).rejects.toThrow(/before start/);
    const missing = aq.from([{ customer: null, timestamp: '2024-01-01' }, { customer: 'y', timestamp: '2024-01-02' }]);
    await expect(runRecipe(retention, { inputs: { events: missing } })).rejects.toThrow(/events\.customer \(the customer column\) has null in 1 row/);
    await expect(runRecipe(retention, { inputs: { events: events([['x', '2024-01-01']]) }, params: { start: 'soon' } })).rejects.toThrow(/parameter "start" is "soon"/);
  });
});
