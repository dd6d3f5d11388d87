import { bgnbdConditionalExpected, bgnbdExpectedPurchases, bgnbdPAlive, fitBgNbd, type RfmData } from './bgnbd.js';
import { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdExpectedPurchases, paretoNbdPAlive } from './pnbd.js';
import type { FitReport, MinimizeOptions } from './optimize.js';

/**
 * One interface over the two purchase models, so the recipe (and other recipes reusing P(alive))
 * do not branch on the model name.
 */
export interface FittedPurchaseModel {
  name: 'bgnbd' | 'pnbd';
  /** Parameters under their contract names: r, alpha, a, b (BG/NBD) or r, alpha, s, beta (Pareto/NBD). */
  params: Record<string, number>;
  logLikelihood: number;
  report: FitReport;
  pAlive(x: number, recency: number, T: number): number;
  /** Expected purchases in the next t units of a customer with history (x, tₓ, T). */
  conditionalExpected(t: number, x: number, recency: number, T: number): number;
  /** Expected repeat purchases in the first t units after a first purchase. */
  expected(t: number): number;
}

/**
 * Fits BG/NBD (`bgnbd`) or Pareto/NBD (`pnbd`) by maximum likelihood.
 *
 * @example
 * const model = fitPurchaseModel('bgnbd', { frequency: [2, 0, 5], recency: [30, 0, 35], T: [39, 39, 38] });
 * model.pAlive(2, 30, 39);
 */
export function fitPurchaseModel(name: 'bgnbd' | 'pnbd', data: RfmData, options: MinimizeOptions = {}): FittedPurchaseModel {
  if (name === 'bgnbd') {
    const fit = fitBgNbd(data, options);
    const p = fit.params;
    return {
      name,
      params: { ...p },
      logLikelihood: fit.logLikelihood,
      report: fit.report,
      pAlive: (x, recency, T) => bgnbdPAlive(p, x, recency, T),
      conditionalExpected: (t, x, recency, T) => bgnbdConditionalExpected(p, t, x, recency, T),
      expected: (t) => bgnbdExpectedPurchases(p, t),
    };
  }
  const fit = fitParetoNbd(data, options);
  const p = fit.params;
  return {
    name,
    params: { ...p },
    logLikelihood: fit.logLikelihood,
    report: fit.report,
    pAlive: (x, recency, T) => paretoNbdPAlive(p, x, recency, T),
    conditionalExpected: (t, x, recency, T) => paretoNbdConditionalExpected(p, t, x, recency, T),
    expected: (t) => paretoNbdExpectedPurchases(p, t),
  };
}
