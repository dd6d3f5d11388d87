import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { clv } from './index.js';
import { simulateBgNbd } from './simulate.js';
import { summarizeTransactions } from './summary.js';

describe('the clv summary built in SQL', () => {
  // A simulated log with extra purchases on days customers already bought (they must merge).
  const log = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.7, b: 2.5 }, { customers: 400, seed: 11 });
  const extra = log.customers.flatMap((c, i) => (i % 3 === 0 ? [{ customer: c, time: log.times[i]! + 3_600_000, amount: 5 }] : []));
  const customers = [...log.customers, ...extra.map((e) => e.customer)];
  const times = [...log.times, ...extra.map((e) => e.time)];
  const amounts = [...log.amounts, ...extra.map((e) => e.amount)];
  const transactions = aq.table({ customer: customers, timestamp: times.map((t) => new Date(t).toISOString()), amount: amounts });

  it('equals the in-memory summary: same-day purchases merged, calibration and holdout split, time continuous in the unit', async () => {
    for (const unit of ['week', 'month'] as const) {
      const params = { calibration_end: '2024-09-29', observation_end: '2025-06-29', unit };
      const { result } = await runRecipe(clv, { inputs: { transactions }, params });
      const expected = summarizeTransactions({ customers, times, amounts }, { calibrationEnd: Date.parse('2024-09-29'), observationEnd: Date.parse('2025-06-29'), unit });
      const rows = result.tables.customers.objects() as { customer: string; frequency: number; recency: number; T: number; monetary_value: number }[];
      expect(rows).toHaveLength(expected.customers.length);
      const byId = new Map(rows.map((r) => [r.customer, r]));
      expected.customers.forEach((id, i) => {
        const row = byId.get(id)!;
        expect(row.frequency).toBe(expected.frequency[i]);
        expect(row.recency).toBeCloseTo(expected.recency[i]!, 12);
        expect(row.T).toBeCloseTo(expected.T[i]!, 12);
        expect(row.monetary_value).toBeCloseTo(expected.monetary[i]!, 9);
      });
      expect(result.metrics.actual_repeat).toBe(expected.holdoutFrequency.reduce((a, b) => a + b, 0));
      // The tracking chart's last week counts every repeat day, calibration and holdout.
      const last = result.tables.tracking.objects().at(-1) as { actual: number };
      expect(last.actual).toBe(expected.frequency.reduce((a, b) => a + b, 0) + (result.metrics.actual_repeat as number));
    }
  });

  it('takes the calibration end from the last purchase by default, and only aggregates leave the engine', async () => {
    const { result, engine } = await runRecipe(clv, { inputs: { transactions } });
    const last = Math.max(...times);
    const expected = summarizeTransactions({ customers, times, amounts }, { calibrationEnd: last, observationEnd: last, unit: 'week' });
    expect(result.metrics.customers).toBe(expected.customers.length);
    expect(result.metrics.actual_repeat).toBeUndefined();
    // One row per customer, one of checks and one per day with a repeat purchase; not the purchases.
    expect(engine?.rows_fetched).toBeLessThan(transactions.numRows() / 2);
  });

  it('lists customers in code-unit order of their ids, also where the engine\'s text order differs (UTF-8 bytes put U+FF58 before U+1F600)', async () => {
    const prefixes = ['a', '\uFF58', '\u{1F600}'];
    const ids = customers.map((c) => prefixes[Number(c.replace(/\D/g, '')) % 3]! + c);
    const { result } = await runRecipe(clv, { inputs: { transactions: transactions.assign({ customer: ids }) } });
    const listed = result.tables.customers.array('customer') as string[];
    expect(listed).toEqual([...new Set(ids)].sort());
    expect(listed.findIndex((id) => id.startsWith('\u{1F600}'))).toBeLessThan(listed.findIndex((id) => id.startsWith('\uFF58')));
  });

  it('names the column and the fix for missing or unreadable values', async () => {
    const bad = (rows: Record<string, unknown>[], params = {}) => runRecipe(clv, { inputs: { transactions: aq.from(rows) }, params });
    await expect(bad([{ customer: 'a', timestamp: '2024-01-01', amount: 'ten' }])).rejects.toThrow(/transactions\.amount \(the amount column\) has "ten" in 1 row, which is not a number/);
    await expect(bad([{ customer: null, timestamp: '2024-01-01', amount: 1 }, { customer: 'b', timestamp: '2024-01-01', amount: 1 }])).rejects.toThrow(/transactions\.customer .*null in 1 row/);
    await expect(bad([{ customer: 'a', timestamp: '2024-01-01', arm: 'x' }, { customer: 'a', timestamp: '2024-01-02', arm: 'y' }], { group: 'arm' })).rejects.toThrow(/customer "a" two groups \("x" and "y"\)/);
    await expect(bad([{ customer: 'a', timestamp: '2024-01-01' }], { calibration_end: '2024-02-01', observation_end: '2024-01-01' })).rejects.toThrow(/observation_end .* is before calibration_end/);
    await expect(bad([{ customer: 'a', timestamp: '2024-01-01' }], { calibration_end: '2023-01-01' })).rejects.toThrow(/No customer in transactions made a first purchase/);
  });
});
