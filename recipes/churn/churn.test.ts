import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { auc } from '../ml/metrics.js';
import { createRng } from '../ml/rng.js';
import { churn } from './index.js';

const DAY = 86_400_000;

// A seeded transaction log: active customers order every ~20 days, lapsing ones stop at a random
// date, so "no order in the 60 days after the cutoff" follows from the history.
function transactionLog(customers: number, seed: number) {
  const rng = createRng(seed);
  const rows: { customer_id: string; timestamp: string; amount: number; category: string }[] = [];
  const start = Date.UTC(2024, 0, 1);
  const end = Date.UTC(2025, 0, 1);
  for (let c = 0; c < customers; c++) {
    const gap = 10 + rng() * 40;
    const stop = rng() < 0.5 ? start + rng() * (end - start) : end;
    const category = rng() < 0.5 ? 'fiction' : 'poetry';
    for (let t = start + rng() * 60 * DAY; t < stop; t += gap * DAY * (0.5 + rng())) {
      rows.push({ customer_id: `c${c}`, timestamp: new Date(t).toISOString(), amount: Math.round(20 + rng() * 40), category });
    }
  }
  return aq.from(rows);
}

// A small customers table where churn depends on a numeric and a categorical feature.
function customerTable(n: number, seed: number) {
  const rng = createRng(seed);
  const rows = Array.from({ length: n }, (_, i) => {
    const tenure = Math.floor(rng() * 60);
    const plan = rng() < 0.5 ? 'monthly' : 'yearly';
    const z = 1 - tenure / 20 + (plan === 'monthly' ? 1 : -1);
    return { id: `k${i}`, tenure: rng() < 0.05 ? null : tenure, plan, churned: rng() < 1 / (1 + Math.exp(-z)) ? 'yes' : 'no' };
  });
  return aq.from(rows);
}

describe('churn', () => {
  const customers = customerTable(400, 5);
  const base = { customer: 'id', label: 'churned', epochs: 150 };

  it('is reproducible with a seed and differs with another', async () => {
    const a = await runRecipe(churn, { inputs: { customers }, params: { ...base, model: 'mlp', epochs: 5 } });
    const b = await runRecipe(churn, { inputs: { customers }, params: { ...base, model: 'mlp', epochs: 5 } });
    const c = await runRecipe(churn, { inputs: { customers }, params: { ...base, model: 'mlp', epochs: 5, seed: 1 } });
    expect(a.result.metrics).toEqual(b.result.metrics);
    expect(a.result.tables.predictions.objects()).toEqual(b.result.tables.predictions.objects());
    expect(a.result.tables.model.get('model', 0)).not.toEqual(c.result.tables.model.get('model', 0));
  });

  it('imputes missing values with an indicator and one-hot encodes categories', async () => {
    const { result } = await runRecipe(churn, { inputs: { customers }, params: base });
    const saved = JSON.parse(result.tables.model.get('model', 0) as string);
    expect(saved.encoder.columns.map((c: { name: string }) => c.name).sort()).toEqual(['plan=monthly', 'plan=yearly', 'tenure', 'tenure_missing']);
    expect(result.metrics.auc).toBeGreaterThan(0.75);
    expect(result.tables.importance.array('feature')).toContain('plan');
    // Reasons name a feature with the customer's value and a positive log-odds push.
    const reason = (result.tables.predictions.array('reason_1') as string[]).find((r) => r.startsWith('plan='));
    expect(reason).toMatch(/^plan=(monthly|yearly) \(\+\d+\.\d\d\)$/);
  });

  it('derives features and the label from transactions, and beats chance and the recency rule is reported', async () => {
    const log = transactionLog(300, 9);
    const { result } = await runRecipe(churn, { inputs: { transactions: log }, params: { window: 60 } });
    expect(result.metrics.auc).toBeGreaterThan(0.7);
    expect(typeof result.metrics.baseline_auc).toBe('number');
    // The P(alive) baseline is the AUC of 1 − P(alive) over the held-out rows of the table.
    const test = result.tables.predictions.filter((d: { set: string }) => d.set === 'test');
    const pAlive = test.array('p_alive_bgnbd') as number[];
    expect(pAlive.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(result.metrics.baseline_auc_p_alive).toBeCloseTo(auc(test.array('churned') as number[], pAlive.map((v) => 1 - v)), 12);
    const saved = JSON.parse(result.tables.model.get('model', 0) as string);
    expect(saved.meta).toMatchObject({ source: 'transactions', window: 60, cutoff: '2024-11-02' });
    expect([...saved.meta.categories].sort()).toEqual(['fiction', 'poetry']);
    expect(saved.encoder.features.map((f: { name: string }) => f.name)).toContain('share_poetry');
    // Score "now" with the saved model: no label after the end of the data, so no metrics.
    const scored = await runRecipe(churn, { inputs: { transactions: log, model: result.tables.model }, params: { window: 60 } });
    expect(scored.result.metrics.auc).toBeUndefined();
    expect(scored.result.notes[0]).toMatch(/No label: the data ends 2025-01-01/);
  });

  it('adds customer attributes to transaction features, and needs them again to score', async () => {
    const log = transactionLog(200, 4);
    const ids = [...new Set(log.array('customer_id') as string[])];
    const people = aq.from(ids.map((id, i) => ({ customer_id: id, segment: i % 3 ? 'reader' : 'collector', signup: '2024-01-01' })));
    const { result } = await runRecipe(churn, { inputs: { transactions: log, customers: people }, params: { window: 60, attributes: ['segment'] } });
    const saved = JSON.parse(result.tables.model.get('model', 0) as string);
    expect(saved.meta.attributes).toEqual(['segment']);
    expect(saved.encoder.columns.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['segment=reader', 'segment=collector', 'recency_days']));
    const scored = await runRecipe(churn, { inputs: { transactions: log, customers: people, model: result.tables.model }, params: { window: 60 } });
    expect(scored.result.tables.predictions.numRows()).toBe(result.tables.predictions.numRows());
    await expect(runRecipe(churn, { inputs: { transactions: log, model: result.tables.model }, params: { window: 60 } })).rejects.toThrow(/The attributes "segment" come from a customers table/);
    await expect(runRecipe(churn, { inputs: { transactions: log, customers: people }, params: { window: 60 } })).rejects.toThrow(/Name them, or give only one table/);
  });

  it('time split on transactions trains on the earlier snapshot and tests on the later', async () => {
    const { result } = await runRecipe(churn, { inputs: { transactions: transactionLog(200, 3) }, params: { window: 60, split: 'time', reasons: 0 } });
    expect(result.metrics.n_test).toBe(result.tables.predictions.numRows());
    expect(new Set(result.tables.predictions.array('set') as string[])).toEqual(new Set(['test']));
  });

  it('time split on a customers table holds out the latest customers by the time column', async () => {
    const withRow = aq.from((customers.objects() as Record<string, unknown>[]).map((r, i) => ({ ...r, signup: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10) })));
    const { result } = await runRecipe(churn, { inputs: { customers: withRow }, params: { ...base, split: 'time', time: 'signup', reasons: 0 } });
    const test = result.tables.predictions.filter((d: { set: string }) => d.set === 'test').array('customer') as string[];
    expect(test).toEqual(Array.from({ length: 100 }, (_, i) => `k${300 + i}`));
    expect(JSON.parse(result.tables.model.get('model', 0) as string).encoder.features.map((f: { name: string }) => f.name)).toEqual(['tenure', 'plan']);
  });

  it('stops when cancelled during training', async () => {
    const controller = new AbortController();
    const run = runRecipe(churn, {
      inputs: { customers },
      params: { ...base, epochs: 5000 },
      signal: controller.signal,
      progress: (_f, label) => label?.startsWith('training') && controller.abort(),
    });
    await expect(run).rejects.toThrow(/cancelled/);
  });

  it('explains bad input', async () => {
    const run = (inputs: Record<string, aq.ColumnTable>, params: Record<string, unknown>) => runRecipe(churn, { inputs, params });
    const threeValued = customers.objects() as Record<string, unknown>[];
    threeValued[3].churned = 'maybe';
    await expect(run({ customers: aq.from(threeValued) }, base)).rejects.toThrow(/customers\.churned \(the label column\) has "maybe" in row 4; churn needs a binary label/);
    await expect(run({ customers }, { ...base, features: ['tenure', 'income'] })).rejects.toThrow(/customers has no column "income" \(the features column\)/);
    await expect(run({ customers: customers.derive({ churned: () => 'no' }) }, base)).rejects.toThrow(/is 0 for all 300 customers: the model needs both churners/);
    await expect(run({ customers }, { ...base, features: ['id'] })).rejects.toThrow(/Feature "id" has \d+ distinct values in \d+ training rows, so it looks like an identifier/);
    await expect(run({ transactions: transactionLog(20, 1) }, { window: 60, cutoff: '2024-12-15' })).rejects.toThrow(/cutoff 2024-12-15 leaves 17 days .* Use cutoff ≤ 2024-11-02/);
    await expect(run({ customers }, { ...base, split: 'time' })).rejects.toThrow(/split "time" on a customers table needs the "time" parameter/);
    await expect(run({ customers, model: aq.table({ model: ['{"format":"x"}'] }) }, base)).rejects.toThrow(/The "model" input is not a saved churn model/);
  });
});
