import * as aq from 'arquero';
import { roles } from '../column.js';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError } from '../errors.js';
import { finiteOrNull } from '../format.js';
import type { MetricValue, Progress } from '../types.js';
import { clvAggregate } from './aggregate.js';
import { groupHistories, type RfmData } from './bgnbd.js';
import { runBgBb } from './bgbb-run.js';
import { clvCharts } from './charts.js';
import { groupLift } from './group-lift.js';
import { holdoutCheck } from './holdout.js';
import { readClvInputs } from './inputs.js';
import { fitPurchaseModel, purchaseModelAt, PURCHASE_PARAMETERS, type FittedPurchaseModel } from './models.js';
import { fitNotes, headlineNote, holdoutNote, liftNote, noPmfNote, unknownAliveNote } from './notes.js';
import { clvParams, type ClvParams } from './params.js';
import { readParameters } from './pmf.js';
import { purchaseParameterRows } from './purchase-parameters.js';
import { purchasePmf } from './purchase-pmf.js';
import { countNonFinite, finiteMean, scoreCustomers } from './score.js';
import { savedSpendParams, spendModel, type Spend } from './spend.js';
import { UNIT_DAYS, type CustomerSummary } from './summary.js';
import { trackingCurve } from './tracking.js';
import { unitDiscountRate } from './value.js';

/** The purchase model: scored at the saved parameters of the `model` input, else fitted. */
function purchaseModel(p: ClvParams & { model: 'bgnbd' | 'pnbd' }, s: CustomerSummary, histories: Required<RfmData>, saved: Record<string, number> | undefined, progress: Progress, signal: AbortSignal): FittedPurchaseModel {
  if (saved) return purchaseModelAt(p.model, Object.fromEntries(PURCHASE_PARAMETERS[p.model].map((k) => [k, saved[k]!])), s, histories);
  return fitPurchaseModel(p.model, s, {
    signal,
    onIteration: (i) => progress(0.05 + 0.55 * (i / (i + 10)), `fitting ${p.model} (iteration ${i})`),
  }, histories);
}

/** The fit's metrics: parameters, log-likelihood and convergence of both models, and the customer count. */
function fitMetrics(model: FittedPurchaseModel, spend: Spend, customers: number): Record<string, MetricValue> {
  const metrics: Record<string, MetricValue> = { ...model.params, log_likelihood: model.logLikelihood };
  metrics.converged = model.report.converged ? 'yes' : 'no';
  metrics.iterations = model.report.iterations;
  metrics.gradient_norm = model.report.gradientNorm;
  if (spend.fit) Object.assign(metrics, spend.fit.params, { gamma_gamma_log_likelihood: spend.fit.logLikelihood });
  metrics.customers = customers;
  return metrics;
}

/**
 * The `clv` recipe: BG/NBD, Pareto/NBD or BG/BB purchase model and Gamma-Gamma spend model, fitted
 * or scored at saved parameters: P(alive), expected purchases and discounted CLV per customer, a
 * parameters and a pmf table, holdout validation and CLV lift between groups.
 *
 * @example
 * const { result } = await runRecipe(clv, { inputs: { transactions }, params: { unit: 'week', horizon: 52 } });
 */
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
    { name: 'transactions', alternative: 'data', description: 'one row per purchase', roles: roles(clvParams, ['customer', 'timestamp', 'amount', 'group']) },
    { name: 'summary', alternative: 'data', description: 'one row per customer: frequency, recency, T in `unit`', roles: roles(clvParams, ['customer', 'frequency', 'recency', 'T', 'n_periods', 'monetary_value', ['group', 'group of the customer']]) },
    { name: 'model', optional: true, description: 'a parameters table from an earlier clv run (parameter, estimate): score without fitting', roles: [] },
  ],
  params: clvParams,
  aggregate: clvAggregate,
  async run({ inputs, params: p, progress, signal }) {
    if (p.model === 'bgbb') return runBgBb(inputs, p, progress, signal);
    const purchase = { ...p, model: p.model };
    const data = readClvInputs(inputs, p);
    const s = data.summary;
    const n = s.customers.length;
    const saved = inputs.model ? readParameters(inputs.model, PURCHASE_PARAMETERS[purchase.model], purchase.model) : undefined;
    if (!saved && n < 20) throw new RecipeInputError(`Only ${n} customers to fit; the CLV models need at least 20 (ideally hundreds).`);
    progress(0.05, 'summarised customers');
    // Grouped once for the fit, the standard errors and the valuation.
    const histories = groupHistories(s);
    const model = purchaseModel(purchase, s, histories.compressed, saved, progress, signal);
    const notes = fitNotes(model, saved !== undefined);
    progress(0.6, 'fitting spend model');
    const spend = spendModel(p.monetary, s, data.hasAmounts, savedSpendParams(saved), notes);
    const scores = scoreCustomers(model, s, spend.value, { horizon: p.horizon, unitRate: unitDiscountRate(p.discount_rate, UNIT_DAYS[p.unit]), margin: p.margin }, progress, signal, histories);
    const metrics = fitMetrics(model, spend, n);
    // Extreme saved parameters can make P(alive) uncomputable (NaN) for some histories: those
    // customers stay empty in the table, the means skip them, and a note says how many.
    const unknown = countNonFinite(scores.pAlive);
    if (unknown) notes.push(unknownAliveNote(model, unknown, n));
    const meanAlive = finiteMean(scores.pAlive);
    const meanClv = finiteMean(scores.clv);
    metrics.mean_p_alive = meanAlive;
    metrics.mean_clv = meanClv;
    metrics.total_clv = meanClv * n;
    const tables: Record<string, aq.ColumnTable> = {};
    const customers = aq.table({
      customer: s.customers,
      frequency: s.frequency,
      recency: s.recency,
      T: s.T,
      monetary_value: Array.from(s.monetary, finiteOrNull),
      p_alive: scores.pAlive,
      expected_purchases: scores.expected,
      expected_avg_value: scores.value,
      clv: scores.clv,
      ...(data.groups ? { group: data.groups } : {}),
    });
    tables.customers = customers;
    tables.parameters = aq.from(purchaseParameterRows(model, s, saved !== undefined, spend.params, histories.compressed));
    const pmf = purchasePmf(model, p.horizon);
    if (pmf) tables.pmf = aq.from(pmf);
    else notes.push(noPmfNote(model));
    const holdout = holdoutCheck(model, data, p.unit, histories);
    if (holdout) {
      metrics.predicted_repeat = holdout.predicted;
      metrics.actual_repeat = holdout.actual;
      metrics.holdout_error = holdout.actual > 0 ? (holdout.predicted - holdout.actual) / holdout.actual : null;
      notes.push(holdoutNote(holdout, p.unit));
    }
    let tracking;
    if (data.repeatDays && data.observationEndDay !== undefined) {
      tracking = trackingCurve(model, s.firstDay, data.repeatDays, data.observationEndDay, UNIT_DAYS[p.unit]);
      tables.tracking = aq.from(tracking.map((r) => ({ ...r, date: new Date(r.day * 86_400_000).toISOString().slice(0, 10) })));
    }
    if (data.groups) {
      const byGroup = groupLift(data.groups, scores, p);
      tables.groups = aq.from(byGroup.groups);
      tables.clv_lift = aq.from(byGroup.lifts);
      if (byGroup.lifts.length === 1) {
        const l = byGroup.lifts[0]!;
        Object.assign(metrics, { clv_lift: l.clv_lift, clv_lift_ci_low: l.ci_low, clv_lift_ci_high: l.ci_high, clv_lift_p_value: l.p_value });
      }
      for (const l of byGroup.lifts) notes.push(liftNote(l, p.alpha));
    }
    notes.unshift(headlineNote(model.name, n, meanAlive, meanClv, p));
    progress(1, 'done');
    return { metrics, tables, charts: clvCharts(tracking, customers), notes };
  },
});
