import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import { maximizeLogLikelihood, type MinimizeOptions } from './optimize.js';
import type { ModelFit } from './bgnbd.js';

/**
 * The beta-geometric/beta-binomial (BG/BB) model of Fader, Hardie & Shang (2010, Marketing
 * Science 29(6)) for discrete transaction opportunities (annual donations, weekly newsletters):
 * while alive a customer transacts at each opportunity with probability p ~ Beta(α, β) and dies
 * after each with probability θ ~ Beta(γ, δ). A customer's history is x transactions in n
 * opportunities, the last at opportunity tₓ (0 when none). Every formula works in logs, so long
 * histories (x in the thousands) stay finite.
 */

export interface BgBbParams {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

/** Customers' histories: transactions x, last transaction tₓ and opportunities n, with optional weights (identical customers counted once). */
export interface BgBbData {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  nPeriods: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const hi = Math.max(a, b);
  return hi + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** ln of B(α+x, β+n−x)B(γ, δ+n)/(B(α,β)B(γ,δ)): alive through all n opportunities. */
function logAliveTerm(p: BgBbParams, x: number, n: number, extra = 0): number {
  return betaln(p.alpha + x, p.beta + n - x) - betaln(p.alpha, p.beta) + betaln(p.gamma, p.delta + n + extra) - betaln(p.gamma, p.delta);
}

/**
 * ln L(α, β, γ, δ | x, tₓ, n) of one customer: alive throughout, or died after opportunity tₓ + i.
 *
 * @example
 * bgbbLogLikelihoodOne({ alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 }, 0, 0, 6);
 */
export function bgbbLogLikelihoodOne(p: BgBbParams, x: number, recency: number, n: number): number {
  let log = logAliveTerm(p, x, n);
  for (let i = 0; i <= n - recency - 1; i++) {
    const term = betaln(p.alpha + x, p.beta + recency - x + i) - betaln(p.alpha, p.beta) + betaln(p.gamma + 1, p.delta + recency + i) - betaln(p.gamma, p.delta);
    log = logAddExp(log, term);
  }
  return log;
}

/** The weighted log-likelihood of a data set, with identical histories computed once. */
export function bgbbLogLikelihood(data: BgBbData): (p: BgBbParams) => number {
  const groups = new Map<string, { x: number; tx: number; n: number; w: number }>();
  for (let i = 0; i < data.frequency.length; i++) {
    const [x, tx, n] = [data.frequency[i]!, data.recency[i]!, data.nPeriods[i]!];
    const key = `${x},${tx},${n}`;
    const g = groups.get(key);
    const w = data.weights ? data.weights[i]! : 1;
    if (g) g.w += w;
    else groups.set(key, { x, tx, n, w });
  }
  const list = [...groups.values()];
  return (p) => list.reduce((s, g) => s + g.w * bgbbLogLikelihoodOne(p, g.x, g.tx, g.n), 0);
}

/**
 * Maximum-likelihood fit (on log-parameters, from α = β = γ = δ = 1).
 *
 * @example
 * fitBgBb({ frequency, recency, nPeriods, weights }).params; // donations → α 1.204, β 0.750, γ 0.657, δ 2.783
 */
export function fitBgBb(data: BgBbData, options: MinimizeOptions = {}): ModelFit<BgBbParams> {
  const ll = bgbbLogLikelihood(data);
  const total = data.weights ? Array.from(data.weights).reduce((a, b) => a + b, 0) : data.frequency.length;
  const fit = maximizeLogLikelihood(([alpha, beta, gamma, delta]) => ll({ alpha: alpha!, beta: beta!, gamma: gamma!, delta: delta! }), total, [1, 1, 1, 1], options);
  const [alpha, beta, gamma, delta] = fit.params as [number, number, number, number];
  return { params: { alpha, beta, gamma, delta }, logLikelihood: fit.logLikelihood, report: fit.report };
}

/**
 * P(alive at opportunity n + m) given the history (m = 1: alive for the next opportunity, as
 * Fader et al.'s "P(alive in 2002)").
 *
 * @example
 * bgbbPAlive(params, 6, 6, 6); // → 0.93 on the donations fit
 */
export function bgbbPAlive(p: BgBbParams, x: number, recency: number, n: number, m = 1): number {
  return Math.min(1, Math.exp(logAliveTerm(p, x, n, m) - bgbbLogLikelihoodOne(p, x, recency, n)));
}

/**
 * Expected transactions in the next `t` opportunities given the history (eq. 13 of Fader et al. 2010).
 *
 * @example
 * bgbbConditionalExpected(params, 5, 6, 6, 6);
 */
export function bgbbConditionalExpected(p: BgBbParams, t: number, x: number, recency: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  if (t <= 0) return 0;
  const logLead = betaln(alpha + x + 1, beta + n - x) - betaln(alpha, beta) - bgbbLogLikelihoodOne(p, x, recency, n) + gammaln(gamma + delta) - gammaln(1 + delta);
  const a = gammaln(1 + delta + n) - gammaln(gamma + delta + n);
  const b = gammaln(1 + delta + n + t) - gammaln(gamma + delta + n + t);
  // δ/(γ − 1)·(eᵃ − eᵇ): both factors change sign together at γ = 1, so the product stays positive.
  return Math.exp(logLead + a) * (delta / (gamma - 1)) * -Math.expm1(b - a);
}

/**
 * Expected transactions in the first `n` opportunities of a new customer.
 *
 * @example
 * bgbbExpected(params, 6);
 */
export function bgbbExpected(p: BgBbParams, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const ratio = Math.exp(gammaln(gamma + delta) - gammaln(gamma + delta + n) + gammaln(1 + delta + n) - gammaln(1 + delta));
  return (alpha / (alpha + beta)) * (delta / (gamma - 1)) * (1 - ratio);
}

const logChoose = (n: number, k: number) => gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);

/**
 * P(X(n) = x): the chance a new customer makes exactly x transactions in the first n opportunities.
 *
 * @example
 * 11104 * bgbbPmf(params, 6, 0); // → 3454.9 customers with none (Hardie's BG/BB spreadsheet)
 */
export function bgbbPmf(p: BgBbParams, n: number, x: number): number {
  let log = logChoose(n, x) + logAliveTerm(p, x, n);
  for (let i = x; i <= n - 1; i++) {
    const term = logChoose(i, x) + betaln(p.alpha + x, p.beta + i - x) - betaln(p.alpha, p.beta) + betaln(p.gamma + 1, p.delta + i) - betaln(p.gamma, p.delta);
    log = logAddExp(log, term);
  }
  return Math.exp(log);
}
