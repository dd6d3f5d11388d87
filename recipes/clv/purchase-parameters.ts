import { compressHistories, type BgNbdParams, type RfmData } from './bgnbd.js';
import { bgnbdHessian } from './bgnbd-hessian.js';
import type { GammaGammaParams } from './gamma-gamma.js';
import { parameterTable, parameterTableFrom, type ParameterRow } from './hessian.js';
import { purchaseLogLikelihood, PURCHASE_PARAMETERS, type FittedPurchaseModel } from './models.js';
import type { CustomerSummary } from './summary.js';

/** Estimates with standard errors: BG/NBD from its exact Hessian, Pareto/NBD from differences of ℓ. */
function fittedRows(model: FittedPurchaseModel, names: string[], histories: RfmData): ParameterRow[] {
  const estimate = names.map((k) => model.params[k]!);
  if (model.name === 'bgnbd') {
    const H = names.map(() => new Array<number>(names.length).fill(0));
    bgnbdHessian(histories)(model.params as unknown as BgNbdParams, new Array<number>(names.length).fill(0), H);
    return parameterTableFrom(names, estimate, H.map((row) => row.map((v) => -v)));
  }
  const ll = purchaseLogLikelihood(model.name, histories);
  return parameterTable(names, estimate, (v) => -ll(Object.fromEntries(names.map((k, i) => [k, v[i]!]))));
}

/**
 * The `parameters` table of a BG/NBD or Pareto/NBD run: the purchase model's estimates with
 * Hessian standard errors and intervals when fitted (none when scored at saved parameters), then
 * the Gamma-Gamma p, q, v estimates when a spend model was used.
 *
 * @example
 * purchaseParameterRows(model, summary, false, spend.params);
 */
export function purchaseParameterRows(model: FittedPurchaseModel, s: CustomerSummary, saved: boolean, spend: GammaGammaParams | undefined, histories = compressHistories(s)): ParameterRow[] {
  const names = [...PURCHASE_PARAMETERS[model.name]];
  // On the distinct histories with their counts: the same likelihood, so the same Hessian, fewer terms.
  const rows: ParameterRow[] = saved
    ? names.map((parameter) => ({ parameter, estimate: model.params[parameter]!, se: null, ci_low: null, ci_high: null }))
    : fittedRows(model, names, histories);
  if (spend) for (const k of ['p', 'q', 'v'] as const) rows.push({ parameter: k, estimate: spend[k], se: null, ci_low: null, ci_high: null });
  return rows;
}
