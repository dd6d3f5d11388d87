import { RecipeInputError } from '../errors.js';
import { chiSquareSf } from './distributions.js';

/**
 * Sample ratio mismatch: Pearson chi-square goodness of fit of the units per arm against the
 * intended split (equal by default), k − 1 degrees of freedom. A tiny p-value (< 0.001 by
 * convention) means assignment or logging is broken and the effect estimates cannot be trusted.
 *
 * @example
 * srmTest([5000, 5100]);           // → { chi2: 0.990…, pValue: 0.3197… }
 * srmTest([300, 700], [0.3, 0.7]); // → { chi2: 0, pValue: 1 }
 */
export function srmTest(counts: number[], weights?: number[]): { chi2: number; pValue: number } {
  if (counts.length < 2) throw new RecipeInputError(`A sample ratio test needs at least 2 arms (got ${counts.length}).`);
  const w = weights ?? counts.map(() => 1);
  if (w.length !== counts.length) {
    throw new RecipeInputError(`split has ${w.length} weights but there are ${counts.length} variants; give one weight per variant.`);
  }
  if (w.some((x) => !(x > 0) || !Number.isFinite(x))) {
    throw new RecipeInputError(`split weights must be positive numbers (got ${JSON.stringify(w)}).`);
  }
  if (counts.some((x) => !(x >= 0) || !Number.isFinite(x))) {
    throw new RecipeInputError(`Unit counts must be non-negative numbers (got ${JSON.stringify(counts)}).`);
  }
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) throw new RecipeInputError('No units in any arm, so there is no split to test.');
  const wSum = w.reduce((a, b) => a + b, 0);
  let chi2 = 0;
  counts.forEach((o, i) => {
    const e = (total * w[i]!) / wSum;
    chi2 += ((o - e) * (o - e)) / e;
  });
  return { chi2, pValue: chiSquareSf(chi2, counts.length - 1) };
}
