import { chiSquareSf } from './distributions.js';

/**
 * Does an effect differ across strata (segments, contexts)? Cochran's Q test over per-stratum
 * effect estimates with inverse-variance weights, as in fixed-effect meta-analysis (metafor's
 * `QE`). Under "the same effect everywhere" Q ~ χ²(k − 1). I² is the share of the spread in the
 * estimates beyond what chance would give (Higgins & Thompson 2002).
 */

export interface Heterogeneity {
  /** Cochran's Q. */
  q: number;
  /** Degrees of freedom: strata used − 1. */
  dof: number;
  pValue: number;
  /** I² in [0, 1]. */
  i2: number;
  /** The inverse-variance pooled (fixed-effect) estimate and its standard error. */
  pooled: number;
  pooledSe: number;
  /** How many strata had a usable estimate (finite effect, se > 0). */
  strata: number;
}

/**
 * Cochran's Q over effects with standard errors; strata with a non-finite effect or se ≤ 0 are
 * skipped. With fewer than two usable strata the test is undefined (q, pValue NaN).
 *
 * @example
 * cochranQ([0.1, 0.3], [0.1, 0.1]); // → { q: 2, dof: 1, pValue: 0.157…, i2: 0.5, pooled: 0.2, … }
 */
export function cochranQ(effects: readonly number[], ses: readonly number[]): Heterogeneity {
  const used = effects.map((e, i) => [e, ses[i]!] as const).filter(([e, s]) => Number.isFinite(e) && Number.isFinite(s) && s > 0);
  const k = used.length;
  let sw = 0;
  let swe = 0;
  for (const [e, s] of used) {
    sw += 1 / (s * s);
    swe += e / (s * s);
  }
  const pooled = k ? swe / sw : NaN;
  if (k < 2) return { q: NaN, dof: Math.max(0, k - 1), pValue: NaN, i2: NaN, pooled, pooledSe: k ? Math.sqrt(1 / sw) : NaN, strata: k };
  const q = used.reduce((acc, [e, s]) => acc + (e - pooled) ** 2 / (s * s), 0);
  const dof = k - 1;
  return { q, dof, pValue: chiSquareSf(q, dof), i2: q > dof ? (q - dof) / q : 0, pooled, pooledSe: Math.sqrt(1 / sw), strata: k };
}
