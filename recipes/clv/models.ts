import { bgnbdConditionalExpected, bgnbdExpectedPurchases, bgnbdLiveExpected, bgnbdLogLikelihood, bgnbdPAlive, compressHistories, fitBgNbd, type BgNbdParams, type RfmData } from './bgnbd.js';
import { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdExpectedPurchases, paretoNbdLiveExpected, paretoNbdLogLikelihood, paretoNbdPAlive, type ParetoNbdParams } from './pnbd.js';
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
  /**
   * Expected purchases in the next t units of a customer alive after x repeat purchases by age T:
   * conditionalExpected is pAlive times this, so valuations compute it once per distinct (x, T).
   */
  liveExpected(t: number, x: number, T: number): number;
  /** Expected repeat purchases in the first t units after a first purchase. */
  expected(t: number): number;
}

/** The parameter names of each purchase model, in the order the `parameters` table lists them. */
export const PURCHASE_PARAMETERS = { bgnbd: ['r', 'alpha', 'a', 'b'], pnbd: ['r', 'alpha', 's', 'beta'] } as const;

/**
 * The log-likelihood of the data under a model at given parameters (for standard errors and for
 * scoring a saved model).
 *
 * @example
 * purchaseLogLikelihood('bgnbd', data)({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 */
export function purchaseLogLikelihood(name: 'bgnbd' | 'pnbd', data: RfmData): (params: Record<string, number>) => number {
  if (name === 'bgnbd') {
    const ll = bgnbdLogLikelihood(data);
    return (q) => ll(q as unknown as BgNbdParams);
  }
  const ll = paretoNbdLogLikelihood(data);
  return (q) => ll(q as unknown as ParetoNbdParams);
}

/** The model's functions at fixed parameters, with how they were obtained. */
function modelAt(name: 'bgnbd' | 'pnbd', params: Record<string, number>, logLikelihood: number, report: FitReport): FittedPurchaseModel {
  if (name === 'bgnbd') {
    const q = params as unknown as BgNbdParams;
    return {
      name, params: { ...params }, logLikelihood, report,
      pAlive: (x, recency, T) => bgnbdPAlive(q, x, recency, T),
      conditionalExpected: (t, x, recency, T) => bgnbdConditionalExpected(q, t, x, recency, T),
      liveExpected: (t, x, T) => bgnbdLiveExpected(q, t, x, T),
      expected: (t) => bgnbdExpectedPurchases(q, t),
    };
  }
  const q = params as unknown as ParetoNbdParams;
  return {
    name, params: { ...params }, logLikelihood, report,
    pAlive: (x, recency, T) => paretoNbdPAlive(q, x, recency, T),
    conditionalExpected: (t, x, recency, T) => paretoNbdConditionalExpected(q, t, x, recency, T),
    liveExpected: (t, x, T) => paretoNbdLiveExpected(q, t, x, T),
    expected: (t) => paretoNbdExpectedPurchases(q, t),
  };
}

/**
 * A purchase model at given parameters, not fitted (a saved `parameters` table scoring new customers).
 *
 * @example
 * purchaseModelAt('bgnbd', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, data).pAlive(2, 30, 39);
 */
export function purchaseModelAt(name: 'bgnbd' | 'pnbd', params: Record<string, number>, data: RfmData, histories = compressHistories(data)): FittedPurchaseModel {
  const report = { x: [], fx: NaN, iterations: 0, restarts: 0, gradientNorm: NaN, converged: true };
  return modelAt(name, params, purchaseLogLikelihood(name, histories)(params), report);
}

/**
 * Fits BG/NBD (`bgnbd`) or Pareto/NBD (`pnbd`) by maximum likelihood, on the distinct histories
 * with their counts (the same likelihood, fewer terms).
 *
 * @example
 * const model = fitPurchaseModel('bgnbd', { frequency: [2, 0, 5], recency: [30, 0, 35], T: [39, 39, 38] });
 * model.pAlive(2, 30, 39);
 */
export function fitPurchaseModel(name: 'bgnbd' | 'pnbd', data: RfmData, options: MinimizeOptions = {}, histories = compressHistories(data)): FittedPurchaseModel {
  const fit = name === 'bgnbd' ? fitBgNbd(histories, options) : fitParetoNbd(histories, options);
  return modelAt(name, fit.params as unknown as Record<string, number>, fit.logLikelihood, fit.report);
}
