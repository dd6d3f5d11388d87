import { compressHistories } from './bgnbd.js';
import type { GammaGammaParams } from './gamma-gamma.js';
import { parameterTable, type ParameterRow } from './hessian.js';
import { purchaseLogLikelihood, PURCHASE_PARAMETERS, type FittedPurchaseModel } from './models.js';
import type { CustomerSummary } from './summary.js';

/**
 * The `parameters` table of a BG/NBD or Pareto/NBD run: the purchase model's estimates with
 * Hessian standard errors and intervals when fitted (none when scored at saved parameters), then
 * the Gamma-Gamma p, q, v estimates when a spend model was used.
 *
 * @example
 * purchaseParameterRows(model, summary, false, spend.params);
 */
export function purchaseParameterRows(model: FittedPurchaseModel, s: CustomerSummary, saved: boolean, spend: GammaGammaParams | undefined): ParameterRow[] {
  const names = [...PURCHASE_PARAMETERS[model.name]];
  // On the distinct histories with their counts: the same likelihood, so the same Hessian, fewer terms.
  const ll = purchaseLogLikelihood(model.name, compressHistories(s));
  const rows: ParameterRow[] = saved
    ? names.map((parameter) => ({ parameter, estimate: model.params[parameter]!, se: null, ci_low: null, ci_high: null }))
    : parameterTable(names, names.map((k) => model.params[k]!), (v) => -ll(Object.fromEntries(names.map((k, i) => [k, v[i]!]))));
  if (spend) for (const k of ['p', 'q', 'v'] as const) rows.push({ parameter: k, estimate: spend[k], se: null, ci_low: null, ci_high: null });
  return rows;
}
