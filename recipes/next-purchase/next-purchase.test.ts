import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { generateShop } from '../../datasets/shop/index.js';
import { runRecipe } from '../define-recipe.js';
import { nextPurchase } from './index.js';

const DAY = 86_400_000;
const shop = generateShop({ seed: 42, customers: 4000 });
const orders = aq.from(shop.tables.orders);

// The naive baseline recomputed from the raw orders, independently of the recipe's feature code.
function handBaseline(cutoff: number, until: number) {
  const byCustomer = new Map<string, { t: number; amount: number }[]>();
  for (const o of shop.tables.orders) {
    const id = String(o.customer_id);
    if (!byCustomer.has(id)) byCustomer.set(id, []);
    byCustomer.get(id)!.push({ t: Date.parse(String(o.timestamp)), amount: Number(o.amount) });
  }
  const median = (v: number[]) => {
    const s = [...v].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const rows: { gap: number | null; mean: number; days?: number; value?: number }[] = [];
  for (const list of byCustomer.values()) {
    list.sort((a, b) => a.t - b.t);
    const before = list.filter((o) => o.t < cutoff);
    if (!before.length) continue;
    const gaps = before.slice(1).map((o, i) => (o.t - before[i].t) / DAY);
    const next = list.find((o) => o.t >= cutoff && o.t < until);
    rows.push({
      gap: gaps.length ? median(gaps) : null,
      mean: before.reduce((s, o) => s + o.amount, 0) / before.length,
      days: next && (next.t - cutoff) / DAY,
      value: next?.amount,
    });
  }
  const fallback = median(rows.flatMap((r) => (r.gap === null ? [] : [r.gap])));
  const bought = rows.filter((r) => r.days !== undefined);
  return {
    n: bought.length,
    days: bought.reduce((s, r) => s + Math.abs((r.gap ?? fallback) - r.days!), 0) / bought.length,
    value: bought.reduce((s, r) => s + Math.abs(r.mean - r.value!), 0) / bought.length,
  };
}

describe('next-purchase on the generated bookstore', () => {
  it('beats the naive baseline on days and value after the cutoff', async () => {
    const labels: string[] = [];
    const { result } = await runRecipe(nextPurchase, { inputs: { transactions: orders }, params: { cutoff: '2025-04-01' }, progress: (_f, l) => labels.push(l ?? '') });
    const m = result.metrics as Record<string, number>;
    const hand = handBaseline(Date.UTC(2025, 3, 1), Date.UTC(2025, 3, 1) + 90 * DAY);
    expect(m.n_evaluated).toBe(hand.n);
    expect(m.baseline_mae_days).toBeCloseTo(hand.days, 9);
    expect(m.baseline_mae_value).toBeCloseTo(hand.value, 9);
    expect(m.mae_days).toBeLessThan(m.baseline_mae_days);
    expect(m.mae_value).toBeLessThan(m.baseline_mae_value);
    expect(labels).toContain('days to next order: epoch 400/400');
    // BG/NBD (the clv recipe's model) ranks who orders within 30 days better than chance.
    expect(m.bgnbd_auc_within_30).toBeGreaterThan(0.5);
    const p = result.tables.predictions;
    expect(p.columnNames()).toEqual([
      'customer', 'expected_days_to_next', 'expected_next_value', 'p_purchase_within_30',
      'bgnbd_p_alive', 'bgnbd_expected_orders_30', 'baseline_days_to_next', 'baseline_next_value', 'actual_days_to_next', 'actual_next_value',
    ]);
    const within = p.array('p_purchase_within_30') as number[];
    expect(within.every((v) => v > 0 && v < 1)).toBe(true);
    // Mean predicted chance of an order within 30 days is near the observed share (calibration in the large).
    const actual = (p.array('actual_days_to_next') as (number | null)[]).map((d) => (d !== null && d < 30 ? 1 : 0));
    const share = actual.reduce((s: number, v) => s + v, 0) / actual.length;
    expect(Math.abs(within.reduce((s, v) => s + v, 0) / within.length - share)).toBeLessThan(0.1);
  });

  it('explains bad parameters', async () => {
    await expect(runRecipe(nextPurchase, { inputs: { transactions: orders }, params: { window: 120 } })).rejects.toThrow(/"window" \(120 days\) must not exceed "horizon"/);
    await expect(runRecipe(nextPurchase, { inputs: { transactions: orders }, params: { cutoff: '2024-01-15' } })).rejects.toThrow(/No customer ordered before 2023-10-17/);
    await expect(runRecipe(nextPurchase, { inputs: { transactions: orders.select('customer_id', 'timestamp') }, params: {} })).rejects.toThrow(/no column "amount"/);
  });
});
