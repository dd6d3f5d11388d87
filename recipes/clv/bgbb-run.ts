import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { numberColumn, requireRows, stringColumn } from '../columns.js';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import type { MetricValue, Progress, RecipeResult } from '../types.js';
import { bgbbConditionalExpected, bgbbLogLikelihood, bgbbPAlive, bgbbPmf, fitBgBb, type BgBbParams } from './bgbb.js';
import { parameterTable } from './hessian.js';
import { pmfRows, readParameters } from './pmf.js';
import { fixed, percent, scientific } from '../format.js';

const NAMES = ['alpha', 'beta', 'gamma', 'delta'] as const;

export interface BgBbRunParams {
  customer: string;
  frequency: string;
  recency: string;
  n_periods: string;
  monetary_value: string;
  horizon: number;
  discount_rate: number;
  margin: number;
}

/**
 * The `clv` recipe with `model: "bgbb"`: discrete opportunities from the summary input (frequency,
 * recency and n_periods per customer), fitted or scored at a saved `parameters` table.
 *
 * @example
 * await runBgBb(inputs, params, progress, signal);
 */
export function runBgBb(inputs: Record<string, ColumnTable>, p: BgBbRunParams, progress: Progress, signal: AbortSignal): RecipeResult {
  const table = inputs.summary;
  if (!table) throw new RecipeInputError('model "bgbb" works on opportunities, so it needs the summary input (customer, frequency, recency, n_periods), not transactions.');
  requireRows(table, 'summary');
  const customers = stringColumn(table, 'summary', p.customer, 'customer');
  const x = numberColumn(table, 'summary', p.frequency, 'frequency');
  const tx = numberColumn(table, 'summary', p.recency, 'recency');
  const n = numberColumn(table, 'summary', p.n_periods, 'n_periods');
  for (let i = 0; i < x.length; i++) {
    if (![x[i], tx[i], n[i]].every((v) => Number.isInteger(v) && v! >= 0) || x[i]! > tx[i]! || tx[i]! > n[i]! || (x[i] === 0) !== (tx[i] === 0)) {
      throw new RecipeInputError(
        `summary row ${i + 1}: frequency ${x[i]}, recency ${tx[i]}, n_periods ${n[i]} is not a BG/BB history; they must be whole numbers with frequency ≤ recency ≤ n_periods (recency 0 exactly when frequency is 0).`,
      );
    }
  }
  const monetary = table.columnNames().includes(p.monetary_value) ? numberColumn(table, 'summary', p.monetary_value, 'monetary_value', { missing: 'nan' }) : undefined;
  const data = { frequency: x, recency: tx, nPeriods: n };
  const ll = bgbbLogLikelihood(data);
  const notes: string[] = [];
  let params: BgBbParams;
  let converged = true;
  if (inputs.model) {
    params = readParameters(inputs.model, NAMES, 'bgbb') as unknown as BgBbParams;
    notes.push('Scored at the parameters of the model input; nothing was fitted.');
  } else {
    if (x.length < 20) throw new RecipeInputError(`Only ${x.length} customers to fit; BG/BB needs at least 20 (ideally hundreds).`);
    const fit = fitBgBb(data, { signal, onIteration: (i) => progress(0.05 + 0.5 * (i / (i + 10)), `fitting bgbb (iteration ${i})`) });
    params = fit.params;
    converged = fit.report.converged;
    if (!converged) notes.push(`Warning: the bgbb fit did not converge (gradient norm ${scientific(fit.report.gradientNorm, 2)}).`);
  }
  throwIfAborted(signal);
  progress(0.6, 'standard errors');
  const parameters = inputs.model
    ? NAMES.map((parameter) => ({ parameter, estimate: params[parameter], se: null, ci_low: null, ci_high: null }))
    : parameterTable([...NAMES], NAMES.map((k) => params[k]), ([alpha, beta, gamma, delta]) => -ll({ alpha: alpha!, beta: beta!, gamma: gamma!, delta: delta! }));
  const count = x.length;
  const pAlive = new Float64Array(count);
  const expected = new Float64Array(count);
  const clv = new Float64Array(count);
  const steps = Math.ceil(p.horizon);
  for (let i = 0; i < count; i++) {
    if (i % 500 === 0) throwIfAborted(signal);
    pAlive[i] = bgbbPAlive(params, x[i]!, tx[i]!, n[i]!);
    let previous = 0;
    let discounted = 0;
    for (let k = 1; k <= steps; k++) {
      const cumulative = bgbbConditionalExpected(params, Math.min(k, p.horizon), x[i]!, tx[i]!, n[i]!);
      discounted += (cumulative - previous) / (1 + p.discount_rate) ** k;
      previous = cumulative;
    }
    expected[i] = previous;
    const value = monetary && Number.isFinite(monetary[i]) ? monetary[i]! : 1;
    clv[i] = discounted * value * p.margin;
  }
  const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
  const metrics: Record<string, MetricValue> = { ...params, log_likelihood: ll(params), converged: converged ? 'yes' : 'no', customers: count, mean_p_alive: mean(pAlive), mean_clv: mean(clv), total_clv: mean(clv) * count };
  notes.unshift(
    `BG/BB on ${count} customers: on average ${percent(mean(pAlive))} will be alive at the next opportunity; they are expected to transact ${fixed(mean(expected), 2)} times each in the next ${p.horizon} opportunities.`,
  );
  if (!monetary) notes.push('No monetary_value column: clv counts discounted expected transactions (each valued at 1); discount_rate applies per opportunity.');
  progress(1, 'done');
  return {
    metrics,
    tables: {
      customers: aq.table({ customer: customers, frequency: x, recency: tx, n_periods: n, p_alive: pAlive, expected_purchases: expected, clv }),
      parameters: aq.from(parameters),
      pmf: aq.from(pmfRows((k) => (k > steps ? 0 : bgbbPmf(params, steps, k)), steps)),
    },
    charts: [],
    notes,
  };
}
