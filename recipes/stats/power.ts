import { phi, phiInv } from './distributions.js';
import { sequentialRho } from './sequential.js';

/**
 * Power and minimum detectable effect of a relative-effect t-test (large-sample normal), the way
 * GrowthBook's power calculator computes them: `n` is the total number of units over all arms,
 * each arm gets n/arms, each treatment is compared with control at alpha (no multiplicity
 * correction), and with sequential testing the standard error is inflated to the width of the
 * confidence sequence at that sample size.
 */

/** A metric's baseline: a conversion rate, or a mean and standard deviation per unit. */
export type Baseline = { type: 'proportion'; rate: number } | { type: 'mean'; mean: number; sd: number };

export interface PowerSettings {
  alpha: number;
  /** Number of arms, control included. */
  arms: number;
  /** Sequential tuning parameter, or false for a fixed-horizon test. */
  sequential: number | false;
}

const meanOf = (b: Baseline) => (b.type === 'mean' ? b.mean : b.rate);
const varianceOf = (b: Baseline) => (b.type === 'mean' ? b.sd ** 2 : b.rate * (1 - b.rate));

/**
 * Per-unit variance scaled so that a fixed-horizon z test at it has the width of the sequential
 * confidence sequence at `n` units (both arms): σ²·(z_seq/z*)², z_seq = √n·√(2(nρ²+1)ln(√(nρ²+1)/α)/(nρ)²).
 */
function sequentialVariance(variance: number, n: number, alpha: number, tuning: number): number {
  const rho = sequentialRho(alpha, tuning);
  const nr2 = n * rho * rho + 1;
  const zSeq = Math.sqrt(n) * Math.sqrt((2 * nr2 * Math.log(Math.sqrt(nr2) / alpha)) / (n * rho) ** 2);
  const zStar = phiInv(1 - alpha / 2);
  return (variance / n) * (zSeq / zStar) ** 2 * n;
}

/** Standard error of the relative effect at total units `n` (delta method, treatment mean at the effect). */
function standardError(b: Baseline, effect: number, n: number, s: PowerSettings): number {
  const m = meanOf(b);
  const v = varianceOf(b);
  const perArm = n / s.arms;
  const rel = v / (m ** 2 * perArm) + (v * (m * (1 + effect)) ** 2) / (m ** 4 * perArm);
  if (s.sequential === false) return Math.sqrt(rel);
  return Math.sqrt(sequentialVariance(rel, (2 * n) / s.arms, s.alpha, s.sequential));
}

/**
 * Two-sided power to detect a relative `effect` with `n` units in total.
 *
 * @example
 * power({ type: 'mean', mean: 10, sd: Math.sqrt(3910) }, 0.05, 400000, { alpha: 0.05, arms: 3, sequential: false }); // → 0.5214…
 */
export function power(b: Baseline, effect: number, n: number, s: PowerSettings): number {
  const se = standardError(b, effect, n, s);
  const z = phiInv(1 - s.alpha / 2);
  const d = effect / se;
  return 1 - phi(z - d) + phi(-z - d);
}

/**
 * The smallest relative effect detected with probability `target` at `n` units in total, or null
 * when no effect is (too few units for the variance). Solves (x − m)/m = z·se(x) for the treatment
 * mean x, z = z_{1−α/2} + z_{target}, as GrowthBook's findMdeFrequentist (one tail, a quadratic).
 *
 * @example
 * mde({ type: 'mean', mean: 10, sd: Math.sqrt(3910) }, 0.8, 400000, { alpha: 0.05, arms: 3, sequential: false }); // → 0.0703…
 */
export function mde(b: Baseline, target: number, n: number, s: PowerSettings): number | null {
  const perArm = n / s.arms;
  const z = phiInv(1 - s.alpha / 2) - phiInv(1 - target);
  const m = meanOf(b);
  const v = s.sequential === false ? varianceOf(b) : sequentialVariance(varianceOf(b), 2 * perArm, s.alpha, s.sequential);
  if (perArm <= (v * z ** 2) / m ** 2) return null;
  const sigma2 = v / perArm;
  const a = 1 - (z ** 2 * sigma2) / m ** 2;
  const bq = -2 * m;
  const c = m ** 2 - z ** 2 * sigma2;
  const x = (-bq + Math.sqrt(bq ** 2 - 4 * a * c)) / (2 * a);
  return (x - m) / m;
}

/**
 * The smallest whole number of units per arm whose power reaches `target` for `effect`, or null
 * beyond `limit` units per arm. Power grows with n, so a doubling search then bisection finds it.
 *
 * @example
 * sampleSizePerArm({ type: 'proportion', rate: 0.1 }, 0.05, 0.8, { alpha: 0.05, arms: 2, sequential: false }); // → 57,7xx
 */
export function sampleSizePerArm(b: Baseline, effect: number, target: number, s: PowerSettings, limit = 1e12): number | null {
  const reaches = (perArm: number) => power(b, effect, perArm * s.arms, s) >= target;
  let hi = 2;
  while (!reaches(hi)) {
    hi *= 2;
    if (hi > limit) return null;
  }
  let lo = Math.floor(hi / 2);
  if (reaches(lo)) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
