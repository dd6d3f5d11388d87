import { holm } from './distributions.js';

/** How p-values are adjusted for several comparisons. */
export type Correction = 'holm' | 'bh' | 'none';

/**
 * Benjamini–Hochberg step-up adjustment (false discovery rate), returned in the input order;
 * NaN stays NaN and does not count towards the family. Same values as R's p.adjust(p, "BH").
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03]); // → [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const idx = pValues.map((p, i) => [p, i] as const).filter(([p]) => Number.isFinite(p)).sort((a, b) => b[0] - a[0]);
  const m = idx.length;
  const out = pValues.map(() => NaN);
  let running = 1;
  idx.forEach(([p, i], k) => {
    const rank = m - k;
    running = Math.min(running, (m / rank) * p);
    out[i] = running;
  });
  return out;
}

/**
 * p-values adjusted by the chosen correction (`none` returns them unchanged).
 *
 * @example
 * adjustPValues([0.01, 0.04, 0.03], 'holm'); // → [0.03, 0.06, 0.06]
 */
export function adjustPValues(pValues: readonly number[], correction: Correction): number[] {
  if (correction === 'holm') return holm(pValues);
  if (correction === 'bh') return benjaminiHochberg(pValues);
  return pValues.map((p) => (Number.isFinite(p) ? p : NaN));
}
