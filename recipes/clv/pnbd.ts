import gammaln from '@stdlib/math-base-special-gammaln';
import { logHyp2f1 } from './hyp2f1.js';
import { maximizeLogLikelihood, type MinimizeOptions } from './optimize.js';
import { totalWeight, type ModelFit, type RfmData } from './bgnbd.js';

/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987), in the form of Fader & Hardie's
 * note "A note on deriving the Pareto/NBD model and related expressions" (2005): purchases at
 * rate λ ~ Gamma(r, α) while alive, a lifetime exponential with rate μ ~ Gamma(s, β).
 */

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** The note's eqs. (19)–(20) use max(α, β) and this b so the 2F1 argument stays in [0, 1). */
function a0Shape({ r, alpha, s, beta }: ParetoNbdParams, x: number): { high: number; diff: number; b: number; rsx: number } {
  return alpha < beta
    ? { high: beta, diff: beta - alpha, b: r + x, rsx: r + s + x }
    : { high: alpha, diff: alpha - beta, b: s + 1, rsx: r + s + x };
}

/** ln[2F1(r+s+x, b; r+s+x+1; |α−β|/(max+t)) / (max+t)^(r+s+x)], one of the two terms of A₀. */
function a0Term(p: ParetoNbdParams, x: number, t: number): number {
  const { high, diff, b, rsx } = a0Shape(p, x);
  return logHyp2f1(rsx, b, rsx + 1, diff / (high + t)) - rsx * Math.log(high + t);
}

/** ln A₀ = ln(e^u − e^v) with u the recency term and v the T term (u ≥ v since tₓ ≤ T). */
function logA0FromTerms(u: number, v: number): number {
  return u + Math.log1p(-Math.exp(v - u));
}

function logAddExp(u: number, v: number): number {
  if (v === -Infinity) return u;
  const m = Math.max(u, v);
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}

/** Distinct (x, t) pairs of a column, so each 2F1 is evaluated once per pair. */
function distinctPairs(x: ArrayLike<number>, t: ArrayLike<number>): { pairs: [number, number][]; index: Int32Array } {
  const seen = new Map<string, number>();
  const pairs: [number, number][] = [];
  const index = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const key = `${x[i]}|${t[i]}`;
    let k = seen.get(key);
    if (k === undefined) {
      k = pairs.length;
      seen.set(key, k);
      pairs.push([x[i], t[i]]);
    }
    index[i] = k;
  }
  return { pairs, index };
}

/**
 * The Pareto/NBD log-likelihood of a data set (the note's eq. 18), summed over customers:
 * ln L = ln[Γ(r+x)αʳβˢ/Γ(r)] + ln[(α+T)^−(r+x)(β+T)^−s + s/(r+s+x)·A₀], each history times its weight.
 *
 * @example
 * paretoNbdLogLikelihood({ frequency: [2], recency: [30.43], T: [38.86] })({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 });
 */
export function paretoNbdLogLikelihood(data: RfmData): (p: ParetoNbdParams) => number {
  const atRecency = distinctPairs(data.frequency, data.recency);
  const atT = distinctPairs(data.frequency, data.T);
  const u = new Float64Array(atRecency.pairs.length);
  const v = new Float64Array(atT.pairs.length);
  const lnGammaRX = new Map<number, number>();
  const weights = data.weights;
  return (p) => {
    const { r, alpha, s, beta } = p;
    atRecency.pairs.forEach(([x, t], k) => (u[k] = a0Term(p, x, t)));
    atT.pairs.forEach(([x, t], k) => (v[k] = a0Term(p, x, t)));
    lnGammaRX.clear();
    const constant = -gammaln(r) + r * Math.log(alpha) + s * Math.log(beta);
    let sum = 0;
    for (let i = 0; i < data.frequency.length; i++) {
      const x = data.frequency[i];
      const T = data.T[i];
      let g = lnGammaRX.get(x);
      if (g === undefined) lnGammaRX.set(x, (g = gammaln(r + x)));
      const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
      const died = Math.log(s) - Math.log(r + s + x) + logA0FromTerms(u[atRecency.index[i]], v[atT.index[i]]);
      const term = g + constant + logAddExp(alive, died);
      sum += weights ? weights[i]! * term : term;
    }
    return sum;
  };
}

/**
 * Maximum-likelihood Pareto/NBD fit over log-parameters from `start` (default r = α = s = β = 1).
 *
 * @example
 * fitParetoNbd({ frequency, recency, T }).params; // CDNOW: → { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }
 */
export function fitParetoNbd(data: RfmData, options: MinimizeOptions & { start?: ParetoNbdParams } = {}): ModelFit<ParetoNbdParams> {
  const ll = paretoNbdLogLikelihood(data);
  const { r: r0, alpha: a0, s: s0, beta: b0 } = options.start ?? { r: 1, alpha: 1, s: 1, beta: 1 };
  const fit = maximizeLogLikelihood(([r, alpha, s, beta]) => ll({ r, alpha, s, beta }), totalWeight(data), [r0, a0, s0, b0], options);
  const [r, alpha, s, beta] = fit.params;
  return { params: { r, alpha, s, beta }, logLikelihood: fit.logLikelihood, report: fit.report };
}

/**
 * P(alive | x, tₓ, T) (the note's eq. 37).
 *
 * @example
 * paretoNbdPAlive({ r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }, 2, 30.43, 38.86);
 */
export function paretoNbdPAlive(p: ParetoNbdParams, x: number, recency: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const logA0 = logA0FromTerms(a0Term(p, x, recency), a0Term(p, x, T));
  const log = Math.log(s) - Math.log(r + s + x) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0;
  return 1 / (1 + Math.exp(log));
}

/**
 * E[X(t)] for a new customer (the note's eq. 27): rβ/(α(s−1)) · (1 − (β/(β+t))^(s−1)).
 *
 * @example
 * paretoNbdExpectedPurchases({ r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }, 39);
 */
export function paretoNbdExpectedPurchases(p: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = p;
  return ((r * beta) / (alpha * (s - 1))) * (1 - Math.pow(beta / (beta + t), s - 1));
}

/**
 * The expected purchases in the next t units of a customer still alive after x repeat purchases by
 * age T (the note's eq. 41 without P(alive)): (r+x)(β+T)/((α+T)(s−1)) · (1 − ((β+T)/(β+T+t))^(s−1)).
 *
 * @example
 * paretoNbdLiveExpected({ r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }, 39, 2, 38.86);
 */
export function paretoNbdLiveExpected(p: ParetoNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, s, beta } = p;
  return ((r + x) * (beta + T)) / ((alpha + T) * (s - 1)) * (1 - Math.pow((beta + T) / (beta + T + t), s - 1));
}

/**
 * E[Y(t) | x, tₓ, T] (the note's eq. 41): P(alive) times the expected purchases of a live customer.
 *
 * @example
 * paretoNbdConditionalExpected({ r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }, 39, 2, 30.43, 38.86);
 */
export function paretoNbdConditionalExpected(p: ParetoNbdParams, t: number, x: number, recency: number, T: number): number {
  return paretoNbdPAlive(p, x, recency, T) * paretoNbdLiveExpected(p, t, x, T);
}
