import * as aq from 'arquero';
import { z } from 'zod';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import type { MetricValue } from '../types.js';
import { expectedAverageValue, fitGammaGamma, type GammaGammaParams } from './gamma-gamma.js';
import { clvAggregate } from './aggregate.js';
import { clvByGroup } from './groups.js';
import { readClvInputs } from './inputs.js';
import { runBgBb } from './bgbb-run.js';
import { parameterTable } from './hessian.js';
import { fitPurchaseModel, purchaseLogLikelihood, purchaseModelAt, PURCHASE_PARAMETERS } from './models.js';
import { bgnbdPmf, pmfRows, readParameters } from './pmf.js';
import { paretoNbdPmf } from './pnbd-pmf.js';
import type { BgNbdParams } from './bgnbd.js';
import type { ParetoNbdParams } from './pnbd.js';
import { UNIT_DAYS } from './summary.js';
import { trackingCurve } from './tracking.js';
import { discountedPurchases, unitDiscountRate } from './value.js';
import { clvCharts } from './charts.js';
import { column, roles } from '../column.js';
import { finiteOrNull } from '../format.js';

const params = z
  .object({
    customer: column({ default: 'customer', required: true, description: 'Column with the customer id.', role: 'customer id' }),
    timestamp: column({ default: 'timestamp', required: true, description: 'transactions: column with the purchase date/time (UTC).', role: 'purchase date/time (UTC)' }),
    amount: column({ default: 'amount', description: 'transactions: column with the purchase value (optional: without it CLV counts purchases).', role: 'purchase value' }),
    frequency: column({ default: 'frequency', required: true, description: 'summary: repeat purchases in calibration.', role: 'repeat purchases' }),
    recency: column({ default: 'recency', required: true, description: 'summary: time from first to last purchase, in `unit`.', role: 'first to last purchase' }),
    T: column({ default: 'T', description: 'summary: time from first purchase to the calibration end, in `unit`.', role: 'first purchase to calibration end (bgnbd, pnbd)' }),
    n_periods: column({ default: 'n_periods', description: 'summary, model bgbb: number of transaction opportunities since the first (recency is the opportunity of the last transaction).', role: 'transaction opportunities (bgbb)' }),
    monetary_value: column({ default: 'monetary_value', description: 'summary: mean value of the repeat purchases (optional).', role: 'mean repeat purchase value' }),
    group: column({ description: 'Optional column with each customer\'s group (e.g. variant) for clv_lift.', role: 'group of the customer (e.g. variant)' }),
    control: z.string().optional().describe('The group that lifts are measured against (default "control", else the first group).'),
    unit: z.enum(['day', 'week', 'month']).default('week').describe('Time unit of the model; continuous (a week is 7 days, a month 365.25/12 days).'),
    calibration_end: z.string().optional().describe('Last day of the calibration period (default: the last purchase day).'),
    observation_end: z.string().optional().describe('Last day of the holdout period (default: the last purchase day).'),
    model: z.enum(['bgnbd', 'pnbd', 'bgbb']).default('bgnbd').describe('Purchase model: BG/NBD or Pareto/NBD (continuous time), or BG/BB (discrete opportunities such as newsletters or annual donations; summary input with n_periods).'),
    monetary: z.enum(['gamma_gamma', 'none']).default('gamma_gamma').describe('Spend model: Gamma-Gamma, or none (every customer valued at the mean repeat purchase value).'),
    horizon: z.number().positive().default(52).describe('CLV horizon in units (bgbb: in opportunities); also the horizon of the pmf table.'),
    discount_rate: z.number().min(0).default(0.1).describe('Annual discount rate, converted to the unit.'),
    margin: z.number().positive().default(1).describe('Profit margin applied to revenue in CLV.'),
    alpha: z.number().gt(0).lt(1).default(0.05).describe('Significance level of the clv_lift interval.'),
  })
  .strict();

type Params = z.output<typeof params>;

function spendModel(p: Params, x: Float64Array, m: Float64Array, hasAmounts: boolean, notes: string[]) {
  if (!hasAmounts) {
    notes.push('No amount column: CLV is in discounted expected purchases (each purchase valued at 1).');
    return { value: () => 1, params: undefined };
  }
  const idx = [...x.keys()].filter((i) => x[i] > 0 && m[i] > 0);
  const meanRepeat = idx.reduce((s, i) => s + x[i] * m[i], 0) / Math.max(1, idx.reduce((s, i) => s + x[i], 0));
  if (p.monetary === 'none' || idx.length < 10) {
    if (p.monetary === 'gamma_gamma') notes.push(`Only ${idx.length} customers have repeat purchases with a value; Gamma-Gamma needs at least 10, so every purchase is valued at the mean repeat purchase value.`);
    return { value: () => meanRepeat, params: undefined };
  }
  const nonPositive = [...x.keys()].filter((i) => x[i] > 0 && !(m[i] > 0)).length;
  if (nonPositive > 0) notes.push(`${nonPositive} customers with repeat purchases have a mean repeat value of 0 or less (returns or refunds?); the Gamma-Gamma spend model is fitted without them.`);
  const fit = fitGammaGamma(idx.map((i) => x[i]), idx.map((i) => m[i]));
  if (!fit.report.converged) notes.push(`Warning: the Gamma-Gamma fit did not converge (gradient norm ${fit.report.gradientNorm.toExponential(2)}); treat expected values with care.`);
  const g: GammaGammaParams = fit.params;
  if (g.q <= 1) notes.push('Warning: Gamma-Gamma q ≤ 1, so the population mean spend is infinite; expected values are unreliable.');
  return { value: (i: number) => expectedAverageValue(g, x[i], m[i] > 0 ? m[i] : 0), params: fit };
}

export const clv = defineRecipe({
  id: 'clv',
  title: 'Customer lifetime value: who is still alive, and what are they worth?',
  description:
    'BG/NBD or Pareto/NBD purchase model and Gamma-Gamma spend model fitted by maximum likelihood on a transaction log (or a ' +
    'frequency/recency/T summary): P(alive), expected purchases and discounted CLV per customer, holdout validation, and CLV lift between groups.\n' +
    '- model bgbb: the discrete-time BG/BB model (Fader, Hardie & Shang 2010) for transaction opportunities (newsletters, annual donations), from the summary input with frequency, recency (the opportunity of the last transaction) and n_periods; P(alive) at the next opportunity, expected transactions and discounted value over horizon opportunities (discount_rate per opportunity).\n' +
    '- Table parameters: each model parameter with its estimate, standard error and 95% interval from the Hessian of the log-likelihood (estimate ± 1.96 se, as BTYD and lifetimes print them); Gamma-Gamma p, q, v are listed with their estimates.\n' +
    '- Input model (optional): a parameters table from an earlier run (columns parameter, estimate); the customers are scored at those parameters without fitting, so a saved model predicts next month\'s customers.\n' +
    '- Table pmf: P(X(t) = n), the chance a new customer makes n repeat purchases within the horizon (BG/NBD, Pareto/NBD and BG/BB).',
  inputs: [
    { name: 'transactions', alternative: 'data', description: 'one row per purchase', roles: roles(params, ['customer', 'timestamp', 'amount', 'group']) },
    { name: 'summary', alternative: 'data', description: 'one row per customer: frequency, recency, T in `unit`', roles: roles(params, ['customer', 'frequency', 'recency', 'T', 'n_periods', 'monetary_value', ['group', 'group of the customer']]) },
    { name: 'model', optional: true, description: 'a parameters table from an earlier clv run (parameter, estimate): score without fitting', roles: [] },
  ],
  params,
  aggregate: clvAggregate,
  async run({ inputs, params: p, progress, signal }) {
    if (p.model === 'bgbb') return runBgBb(inputs, p, progress, signal);
    const purchase = p.model;
    const notes: string[] = [];
    const data = readClvInputs(inputs, p);
    const s = data.summary;
    const n = s.customers.length;
    const saved = inputs.model ? readParameters(inputs.model, PURCHASE_PARAMETERS[purchase], purchase) : undefined;
    if (!saved && n < 20) throw new RecipeInputError(`Only ${n} customers to fit; the CLV models need at least 20 (ideally hundreds).`);
    progress(0.05, 'summarised customers');
    const model = saved
      ? purchaseModelAt(purchase, Object.fromEntries(PURCHASE_PARAMETERS[purchase].map((k) => [k, saved[k]!])), s)
      : fitPurchaseModel(purchase, s, {
          signal,
          onIteration: (i) => progress(0.05 + 0.55 * (i / (i + 10)), `fitting ${p.model} (iteration ${i})`),
        });
    if (saved) notes.push('Scored at the parameters of the model input; the purchase model was not fitted.');
    if (!model.report.converged) notes.push(`Warning: the ${p.model} fit did not converge (gradient norm ${model.report.gradientNorm.toExponential(2)} after ${model.report.iterations} iterations).`);
    progress(0.6, 'fitting spend model');
    const savedSpend = saved && ['p', 'q', 'v'].every((k) => saved[k]! > 0) ? { p: saved.p!, q: saved.q!, v: saved.v! } : undefined;
    const spend = savedSpend
      ? { value: (i: number) => expectedAverageValue(savedSpend, s.frequency[i]!, s.monetary[i]! > 0 ? s.monetary[i]! : 0), params: undefined }
      : spendModel(p, s.frequency, s.monetary, data.hasAmounts, notes);
    const unitRate = unitDiscountRate(p.discount_rate, UNIT_DAYS[p.unit]);
    const pAlive = new Float64Array(n);
    const expected = new Float64Array(n);
    const value = new Float64Array(n);
    const clvValues = new Float64Array(n);
    // P(alive) and the discounted purchases depend on (frequency, recency, T) only, which many
    // customers share (days on a calendar): each is computed once per distinct triple.
    const byHistory = new Map<string, { alive: number; discounted: number; expectedPurchases: number }>();
    for (let i = 0; i < n; i++) {
      if (i % 500 === 0) {
        throwIfAborted(signal);
        progress(0.65 + (0.3 * i) / n, 'valuing customers');
      }
      const key = `${s.frequency[i]} ${s.recency[i]} ${s.T[i]}`;
      let h = byHistory.get(key);
      if (!h) {
        const x = s.frequency[i]!;
        h = { alive: model.pAlive(x, s.recency[i]!, s.T[i]!), ...discountedPurchases(model, { x, recency: s.recency[i]!, T: s.T[i]!, horizon: p.horizon, unitRate }) };
        byHistory.set(key, h);
      }
      pAlive[i] = h.alive;
      value[i] = spend.value(i);
      expected[i] = h.expectedPurchases;
      clvValues[i] = h.discounted * value[i] * p.margin;
    }
    const metrics: Record<string, MetricValue> = { ...model.params, log_likelihood: model.logLikelihood };
    metrics.converged = model.report.converged ? 'yes' : 'no';
    metrics.iterations = model.report.iterations;
    metrics.gradient_norm = model.report.gradientNorm;
    if (spend.params) Object.assign(metrics, spend.params.params, { gamma_gamma_log_likelihood: spend.params.logLikelihood });
    metrics.customers = n;
    // Extreme saved parameters can make P(alive) uncomputable (NaN) for some histories: those
    // customers stay empty in the table, the means skip them, and a note says how many.
    const mean = (v: Float64Array) => {
      let sum = 0;
      let count = 0;
      for (const x of v) {
        if (!Number.isFinite(x)) continue;
        sum += x;
        count++;
      }
      return count ? sum / count : NaN;
    };
    const unknown = pAlive.reduce((k, x) => k + (Number.isFinite(x) ? 0 : 1), 0);
    if (unknown) {
      notes.push(
        `P(alive) could not be computed for ${unknown} of ${n} customers at these ${p.model} parameters (${Object.entries(model.params).map(([k, v]) => `${k} = ${v}`).join(', ')}); their p_alive, expected purchases and CLV are empty and the averages leave them out. Refit the model on this data, or check the saved parameters.`,
      );
    }
    metrics.mean_p_alive = mean(pAlive);
    metrics.mean_clv = mean(clvValues);
    metrics.total_clv = mean(clvValues) * n;
    const tables: Record<string, aq.ColumnTable> = {};
    const customers = aq.table({
      customer: s.customers,
      frequency: s.frequency,
      recency: s.recency,
      T: s.T,
      monetary_value: Array.from(s.monetary, finiteOrNull),
      p_alive: pAlive,
      expected_purchases: expected,
      expected_avg_value: value,
      clv: clvValues,
      ...(data.groups ? { group: data.groups } : {}),
    });
    tables.customers = customers;
    const names = [...PURCHASE_PARAMETERS[purchase]];
    const ll = purchaseLogLikelihood(purchase, s);
    const parameterRows = saved
      ? names.map((parameter) => ({ parameter, estimate: model.params[parameter]!, se: null as number | null, ci_low: null as number | null, ci_high: null as number | null }))
      : parameterTable(names, names.map((k) => model.params[k]!), (v) => -ll(Object.fromEntries(names.map((k, i) => [k, v[i]!]))));
    const gg = spend.params?.params ?? savedSpend;
    if (gg) for (const k of ['p', 'q', 'v'] as const) parameterRows.push({ parameter: k, estimate: gg[k], se: null, ci_low: null, ci_high: null });
    tables.parameters = aq.from(parameterRows);
    const pmf = pmfRows((k) =>
      purchase === 'bgnbd' ? bgnbdPmf(model.params as unknown as BgNbdParams, p.horizon, k) : paretoNbdPmf(model.params as unknown as ParetoNbdParams, p.horizon, k),
    );
    // The Pareto/NBD 2F1 refuses (NaN) when min(α, β)/max(α, β) is below about 1.7e-4; say so rather than list NaN.
    if (pmf.every((row) => Number.isFinite(row.probability))) tables.pmf = aq.from(pmf);
    else notes.push(`No pmf table: P(X(t) = n) could not be computed at the ${p.model} parameters${purchase === 'pnbd' ? ` (α = ${model.params.alpha} and β = ${model.params.beta} are too far apart for the hypergeometric series)` : ''}.`);
    let tracking;
    if (data.observationEndDay !== undefined && data.calibrationEndDay !== undefined && data.observationEndDay > data.calibrationEndDay) {
      const t = (data.observationEndDay - data.calibrationEndDay) / UNIT_DAYS[p.unit];
      let predicted = 0;
      let actual = 0;
      for (let i = 0; i < n; i++) {
        predicted += model.conditionalExpected(t, s.frequency[i], s.recency[i], s.T[i]);
        actual += s.holdoutFrequency[i];
      }
      metrics.predicted_repeat = predicted;
      metrics.actual_repeat = actual;
      metrics.holdout_error = actual > 0 ? (predicted - actual) / actual : null;
      notes.push(`Holdout: the model predicted ${predicted.toFixed(1)} repeat purchases in the ${t.toFixed(1)} ${p.unit}s after calibration; customers made ${actual}.`);
    }
    if (data.repeatDays && data.observationEndDay !== undefined) {
      tracking = trackingCurve(model, s.firstDay, data.repeatDays, data.observationEndDay, UNIT_DAYS[p.unit]);
      tables.tracking = aq.from(tracking.map((r) => ({ ...r, date: new Date(r.day * 86_400_000).toISOString().slice(0, 10) })));
    }
    if (data.groups) {
      const known = new Set(data.groups);
      if (p.control !== undefined && !known.has(p.control)) {
        throw new RecipeInputError(`parameter "control" is "${p.control}", but the group column ${p.group} has ${[...known].map((g) => `"${g}"`).join(', ')}.`);
      }
      const byGroup = clvByGroup(data.groups, clvValues, pAlive, expected, p.control, p.alpha);
      tables.groups = aq.from(byGroup.groups);
      tables.clv_lift = aq.from(byGroup.lifts);
      if (byGroup.lifts.length === 1) {
        const l = byGroup.lifts[0];
        Object.assign(metrics, { clv_lift: l.clv_lift, clv_lift_ci_low: l.ci_low, clv_lift_ci_high: l.ci_high, clv_lift_p_value: l.p_value });
      }
      for (const l of byGroup.lifts) {
        notes.push(`Mean CLV of ${l.group} is ${(100 * l.clv_lift).toFixed(1)}% ${l.clv_lift >= 0 ? 'above' : 'below'} ${l.control} (${(100 * (1 - p.alpha)).toFixed(0)}% CI ${(100 * l.ci_low).toFixed(1)}% to ${(100 * l.ci_high).toFixed(1)}%, p = ${l.p_value?.toPrecision(2)}).`);
      }
    }
    notes.unshift(
      `${p.model === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD'} fitted on ${n} customers: on average ${(100 * mean(pAlive)).toFixed(1)}% are still alive; ` +
        `mean discounted CLV over ${p.horizon} ${p.unit}s is ${mean(clvValues).toFixed(2)}.`,
    );
    progress(1, 'done');
    return { metrics, tables, charts: clvCharts(tracking, customers), notes };
  },
});
