import gammaln from '@stdlib/math-base-special-gammaln';
import betaln from '@stdlib/math-base-special-betaln';
import digamma from '@stdlib/math-base-special-digamma';
import { bgnbdHessian } from './bgnbd-hessian.js';
import { distinctRows, type DistinctRows } from './distinct.js';
import { hyp2f1 } from './hyp2f1.js';
import { maximizeLogLikelihood, type FitReport, type MinimizeOptions } from './optimize.js';

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while
 * alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with
 * probability p ~ Beta(a, b). Other recipes (churn, next-purchase) reuse P(alive) from here.
 */

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Repeat-purchase summaries, aligned arrays in the model's time unit. */
export interface RfmData {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  /** Customers per row, when rows are distinct histories (default: one each). */
  weights?: ArrayLike<number>;
}

/**
 * The distinct (frequency, recency, T) histories with the number of customers of each, as lifetimes
 * fits: the likelihood of many customers with the same history is that history's times their count.
 *
 * @example
 * compressHistories({ frequency: [1, 1, 0], recency: [2, 2, 0], T: [5, 5, 5] }); // → { frequency: [1, 0], recency: [2, 0], T: [5, 5], weights: [2, 1] }
 */
export function compressHistories(data: RfmData): Required<RfmData> {
  return groupHistories(data).compressed;
}

/** Each row's distinct history (`index`, `first` as distinctRows gives them) and the compressed histories. */
export interface GroupedHistories extends DistinctRows {
  compressed: Required<RfmData>;
}

/**
 * The histories grouped once, for everything a run does per distinct history: the fit, the
 * standard errors and P(alive) (each grouping of 500k customers costs a few hundred ms).
 *
 * @example
 * groupHistories({ frequency: [1, 1, 0], recency: [2, 2, 0], T: [5, 5, 5] }).index; // → Int32Array [0, 0, 1]
 */
export function groupHistories(data: RfmData): GroupedHistories {
  const { index, first } = distinctRows([data.frequency, data.recency, data.T]);
  const weights = new Float64Array(first.length);
  for (let i = 0; i < index.length; i++) weights[index[i]!]! += data.weights?.[i] ?? 1;
  const pick = (column: ArrayLike<number>) => {
    const out = new Float64Array(first.length);
    for (let k = 0; k < first.length; k++) out[k] = column[first[k]!]!;
    return out;
  };
  return { index, first, compressed: { frequency: pick(data.frequency), recency: pick(data.recency), T: pick(data.T), weights } };
}

/**
 * The number of customers the rows stand for: the sum of the weights, else the row count.
 *
 * @example
 * totalWeight({ frequency: [1, 0], recency: [2, 0], T: [5, 5], weights: [2, 1] }); // → 3
 */
export function totalWeight(data: RfmData): number {
  if (!data.weights) return data.frequency.length;
  let sum = 0;
  for (let i = 0; i < data.weights.length; i++) sum += data.weights[i]!;
  return sum;
}

function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  const m = Math.max(u, v);
  return m + Math.log1p(Math.exp(-Math.abs(u - v)));
}

/** Groups customers by frequency once, so terms that depend only on x are computed per distinct x. */
export function frequencyIndex(frequency: ArrayLike<number>): { values: number[]; index: Int32Array } {
  const { index, first } = distinctRows([frequency]);
  return { values: first.map((i) => frequency[i]!), index };
}

/**
 * The distinct recency and T values (one list; both are times in the same unit) and each row's
 * index into it, so α + t and its logarithm are computed once per distinct time and evaluation:
 * customers' times fall on a calendar, so hundreds of times serve hundreds of thousands of histories.
 */
export function timeIndex(recency: ArrayLike<number>, T: ArrayLike<number>): { times: Float64Array; atRecency: Int32Array; atT: Int32Array } {
  const n = recency.length;
  const both = new Float64Array(n + T.length);
  for (let i = 0; i < n; i++) both[i] = recency[i]!;
  for (let i = 0; i < T.length; i++) both[n + i] = T[i]!;
  const { index, first } = distinctRows([both]);
  return { times: Float64Array.from(first, (i) => both[i]!), atRecency: index.subarray(0, n), atT: index.subarray(n) };
}

/** The frequency and time indices of a data set, built once for its likelihood, score and Hessian. */
export type HistoryIndex = ReturnType<typeof frequencyIndex> & ReturnType<typeof timeIndex>;

/**
 * Both indices of a data set, built once per data object.
 *
 * @example
 * historyIndex({ frequency: [1, 0], recency: [2, 0], T: [5, 5] }).times; // → Float64Array [2, 0, 5]
 */
export function historyIndex(data: RfmData): HistoryIndex {
  let ix = indexed.get(data);
  if (!ix) indexed.set(data, (ix = { ...frequencyIndex(data.frequency), ...timeIndex(data.recency, data.T) }));
  return ix;
}

// Keyed by the data object, which no caller changes after building on it: a run fits and then takes
// standard errors on the same grouped histories, and indexing them once saves a pass over 224k
// histories on the 467k-customer bench.
const indexed = new WeakMap<RfmData, HistoryIndex>();

/**
 * A reusable log-likelihood for one data set: ln L = Σᵢ ln[Γ(r+x)αʳ/Γ(r) · B(a,b+x)/B(a,b) ·
 * ((α+T)^−(r+x) + δ(x>0) a/(b+x−1) (α+tₓ)^−(r+x))] (FHL 2005, eq. 6), summed in log space.
 *
 * @example
 * const ll = bgnbdLogLikelihood({ frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86] });
 * ll({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }); // → a finite negative number
 */
export function bgnbdLogLikelihood(data: RfmData, ix: HistoryIndex = historyIndex(data)): (p: BgNbdParams) => number {
  const { values, index, times, atRecency, atT } = ix;
  const lnTime = new Float64Array(times.length);
  const constant = new Float64Array(values.length);
  const repeatTerm = new Float64Array(values.length);
  const n = data.frequency.length;
  const weights = data.weights;
  return ({ r, alpha, a, b }) => {
    for (let j = 0; j < times.length; j++) lnTime[j] = Math.log(alpha + times[j]!);
    const lnAlpha = Math.log(alpha);
    const lnBetaAB = betaln(a, b);
    const lnGammaR = gammaln(r);
    for (let k = 0; k < values.length; k++) {
      const x = values[k];
      constant[k] = gammaln(r + x) - lnGammaR + r * lnAlpha + betaln(a, b + x) - lnBetaAB;
      repeatTerm[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const k = index[i]!;
      const x = values[k]!;
      const rx = r + x;
      const alive = -rx * lnTime[atT[i]!]!;
      // Without a repeat purchase the dropped term is −∞ and logAddExp returns `alive`: skip it.
      const both = x > 0 ? logAddExp(alive, repeatTerm[k]! - rx * lnTime[atRecency[i]!]!) : alive;
      sum += weights ? weights[i]! * (constant[k]! + both) : constant[k]! + both;
    }
    return sum;
  };
}

/**
 * The score (gradient of the log-likelihood) in (r, α, a, b), written into `out`. With w the
 * posterior weight of "dropped out after the last purchase" for a customer:
 * ∂r = ψ(r+x) − ψ(r) + ln α − (1−w) ln(α+T) − w ln(α+tₓ); ∂α = r/α − (r+x)[(1−w)/(α+T) + w/(α+tₓ)];
 * ∂a = ψ(a+b) − ψ(a+b+x) + w/a; ∂b = ψ(b+x) − ψ(b) + ψ(a+b) − ψ(a+b+x) − w/(b+x−1).
 *
 * @example
 * const out = [0, 0, 0, 0];
 * bgnbdScore({ frequency: [2], recency: [30.43], T: [38.86] })({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, out);
 */
export function bgnbdScore(data: RfmData, ix: HistoryIndex = historyIndex(data)): (p: BgNbdParams, out: number[]) => void {
  // The one-pass likelihood and score, its value dropped: the score is needed alone only a few
  // times a fit (gradient norms), where the likelihood's extra terms cost nothing that matters.
  const both = bgnbdLogLikelihoodAndScore(data, ix);
  return (p, out) => void both(p, out);
}

/**
 * The log-likelihood and its score (into `out`) from one pass over the histories, for conjugate
 * gradient, which needs both at each point. Each likelihood term is computed as bgnbdLogLikelihood
 * computes it and summed in the same order, so the value is its to the bit: on a ridge (a, b → ∞)
 * where the fit stops depends on the path, and rounding-level differences moved it.
 *
 * @example
 * const out = [0, 0, 0, 0];
 * bgnbdLogLikelihoodAndScore({ frequency: [2], recency: [30.43], T: [38.86] })({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, out); // the log-likelihood
 */
export function bgnbdLogLikelihoodAndScore(data: RfmData, ix: HistoryIndex = historyIndex(data)): (p: BgNbdParams, out: number[]) => number {
  const { values, index, times, atRecency, atT } = ix;
  const n = data.frequency.length;
  const weights = data.weights;
  const m = values.length;
  const constant = new Float64Array(m);
  const dr = new Float64Array(m);
  const da = new Float64Array(m);
  const db = new Float64Array(m);
  const repeatTerm = new Float64Array(m);
  const lnTime = new Float64Array(times.length);
  const shifted = new Float64Array(times.length);
  return ({ r, alpha, a, b }, out) => {
    for (let j = 0; j < times.length; j++) {
      shifted[j] = alpha + times[j]!;
      lnTime[j] = Math.log(shifted[j]!);
    }
    const lnAlpha = Math.log(alpha);
    const lnBetaAB = betaln(a, b);
    const lnGammaR = gammaln(r);
    const psiR = digamma(r);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    for (let k = 0; k < m; k++) {
      const x = values[k]!;
      constant[k] = gammaln(r + x) - lnGammaR + r * lnAlpha + betaln(a, b + x) - lnBetaAB;
      const psiABX = digamma(a + b + x);
      dr[k] = digamma(r + x) - psiR + Math.log(alpha);
      da[k] = psiAB - psiABX;
      db[k] = digamma(b + x) - psiB + psiAB - psiABX;
      repeatTerm[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
    }
    let sum = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const k = index[i]!;
      const x = values[k]!;
      const rx = r + x;
      const lnT = lnTime[atT[i]!]!;
      const lnTx = lnTime[atRecency[i]!]!;
      const alive = -rx * lnT;
      let both = alive;
      let w = 0;
      if (x > 0) {
        const dropped = repeatTerm[k]! - rx * lnTx;
        both = logAddExp(alive, dropped);
        w = 1 / (1 + Math.exp(alive - dropped));
      }
      const c = weights ? weights[i]! : 1;
      sum += weights ? c * (constant[k]! + both) : constant[k]! + both;
      gr += c * (dr[k]! - (1 - w) * lnT - w * lnTx);
      gAlpha += c * (r / alpha - rx * ((1 - w) / shifted[atT[i]!]! + w / shifted[atRecency[i]!]!));
      ga += c * (da[k]! + (x > 0 ? w / a : 0));
      gb += c * (db[k]! - (x > 0 ? w / (b + x - 1) : 0));
    }
    out[0] = gr;
    out[1] = gAlpha;
    out[2] = ga;
    out[3] = gb;
    return sum;
  };
}

export interface ModelFit<P> {
  params: P;
  logLikelihood: number;
  report: FitReport;
}

/**
 * Maximum-likelihood BG/NBD fit, optimised over log-parameters (so every parameter stays
 * positive) by Nelder–Mead from r = α = a = b = 1, as lifetimes starts.
 *
 * @example
 * const fit = fitBgNbd({ frequency, recency, T });
 * fit.params; // CDNOW: → { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
 */
export function fitBgNbd(data: RfmData, options: MinimizeOptions = {}): ModelFit<BgNbdParams> {
  // Indexed once for the four (each index is a pass over the histories).
  const ix = historyIndex(data);
  const ll = bgnbdLogLikelihood(data, ix);
  const score = bgnbdScore(data, ix);
  const hessian = bgnbdHessian(data, ix);
  const both = bgnbdLogLikelihoodAndScore(data, ix);
  const fit = maximizeLogLikelihood(
    ([r, alpha, a, b]) => ll({ r, alpha, a, b }),
    totalWeight(data),
    [1, 1, 1, 1],
    options,
    ([r, alpha, a, b], out) => score({ r, alpha, a, b }, out),
    ([r, alpha, a, b], g, H) => hessian({ r, alpha, a, b }, g, H),
    ([r, alpha, a, b], out) => both({ r, alpha, a, b }, out),
  );
  const [r, alpha, a, b] = fit.params;
  return { params: { r, alpha, a, b }, logLikelihood: fit.logLikelihood, report: fit.report };
}

/**
 * P(alive | x, tₓ, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)) (FHL 2005, eq. 13).
 *
 * @example
 * bgnbdPAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86); // ≈ 0.727
 */
export function bgnbdPAlive(p: BgNbdParams, x: number, recency: number, T: number): number {
  if (x === 0) return 1;
  const log = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + recency));
  return 1 / (1 + Math.exp(log));
}

/**
 * E[X(t)]: expected repeat purchases in (0, t] of a new customer (FHL 2005, eq. 7).
 *
 * @example
 * bgnbdExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39); // ≈ 1.195
 */
export function bgnbdExpectedPurchases(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const z = t / (p.alpha + t);
  const f = hyp2f1(p.r, p.b, p.a + p.b - 1, z);
  return ((p.a + p.b - 1) / (p.a - 1)) * (1 - Math.pow(p.alpha / (p.alpha + t), p.r) * f);
}

/**
 * The numerator of FHL 2005, eq. 10: (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))],
 * the expected purchases in the next t units of a customer still alive after x repeat purchases
 * by age T. It does not depend on recency, and E[Y(t) | x, tₓ, T] is P(alive) times it, so a
 * valuation evaluates the 2F1 once per distinct (x, T).
 *
 * @example
 * bgnbdLiveExpected({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 38.86) * bgnbdPAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86); // ≈ 1.226
 */
export function bgnbdLiveExpected(p: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const f = hyp2f1(r + x, b + x, a + b + x - 1, z);
  return ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * f);
}

/**
 * E[Y(t) | x, tₓ, T]: expected purchases in the next t units of a customer with that history
 * (FHL 2005, eq. 10).
 *
 * @example
 * bgnbdConditionalExpected({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86); // ≈ 1.226
 */
export function bgnbdConditionalExpected(p: BgNbdParams, t: number, x: number, recency: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const odds = x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + recency), r + x) : 0;
  return bgnbdLiveExpected(p, t, x, T) / (1 + odds);
}
