import * as aq from 'arquero';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { auc } from '../ml/metrics.js';
import { churn } from './index.js';

// IBM Telco Customer Churn (Apache-2.0), the 3,000-customer sample in datasets/open.
const telco = aq.fromCSV(readFileSync(new URL('../../datasets/open/telco_customer_churn_sample.csv', import.meta.url), 'utf8'), { autoType: false });
const params = { customer: 'customerID', label: 'Churn', seed: 42 };

describe('churn on the IBM telco customers', () => {
  it('a logistic model reaches AUC ≥ 0.80 on held-out customers; saved model scores the same', async () => {
    const labels: string[] = [];
    const { result } = await runRecipe(churn, { inputs: { customers: telco }, params, progress: (_f, l) => labels.push(l ?? '') });
    const m = result.metrics;
    expect(m.auc).toBeGreaterThanOrEqual(0.8);
    expect(m.n_test).toBe(750);
    expect(m.n_train).toBe(2250);
    expect(labels).toContain('training logistic: epoch 300/300');
    // Metrics agree with the predictions table (independent recomputation from its rows).
    const test = result.tables.predictions.filter((d: { set: string }) => d.set === 'test');
    const y = test.array('churned') as number[];
    const p = test.array('p_churn') as number[];
    expect(auc(y, p)).toBeCloseTo(m.auc as number, 12);
    expect(m.churn_rate).toBeCloseTo(y.reduce((s, v) => s + v, 0) / y.length, 12);
    // Month-to-month contracts and short tenure are the textbook telco churn drivers.
    const top = (result.tables.importance.array('feature') as string[]).slice(0, 5);
    expect(top.some((f) => f === 'Contract' || f === 'tenure')).toBe(true);
    expect(result.tables.predictions.columnNames()).toEqual(['customer', 'p_churn', 'churned', 'set', 'reason_1', 'reason_2', 'reason_3']);

    // Score the held-out customers again from the saved model alone: same probabilities.
    const heldOut = telco.semijoin(test.select({ customer: 'customerID' }), 'customerID').select(aq.not('Churn'));
    const scored = await runRecipe(churn, { inputs: { customers: heldOut, model: result.tables.model }, params });
    const byId = new Map(test.objects().map((r) => [(r as { customer: string }).customer, (r as { p_churn: number }).p_churn]));
    const again = scored.result.tables.predictions.objects() as { customer: string; p_churn: number; set: string }[];
    expect(again).toHaveLength(750);
    for (const r of again) expect(r.p_churn).toBeCloseTo(byId.get(r.customer)!, 12);
    expect(again[0].set).toBe('scored');
    expect(scored.result.metrics.auc).toBeUndefined();
  });
});
