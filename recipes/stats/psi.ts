/**
 * Population stability index between a baseline and a current distribution of a categorical
 * feature: PSI = Σ (a − e)·ln(a/e) over categories, with a and e the shares. Empty categories get
 * a small floor share (`epsilon`, 1e-4 by default, the usual convention) so a category that appears
 * or vanishes counts as a large but finite shift. Rule of thumb: < 0.1 stable, 0.1–0.25 moderate,
 * > 0.25 a major shift.
 */

/**
 * PSI from counts per category (keys are category labels; a key missing on one side counts 0).
 *
 * @example
 * psi({ a: 50, b: 50 }, { a: 70, b: 30 }); // → 0.1695…
 */
export function psi(baseline: Record<string, number>, current: Record<string, number>, epsilon = 1e-4): number {
  const keys = [...new Set([...Object.keys(baseline), ...Object.keys(current)])];
  const total = (counts: Record<string, number>) => keys.reduce((s, k) => s + (counts[k] ?? 0), 0);
  const nb = total(baseline);
  const nc = total(current);
  if (nb === 0 || nc === 0) return NaN;
  let sum = 0;
  for (const k of keys) {
    const e = Math.max(epsilon, (baseline[k] ?? 0) / nb);
    const a = Math.max(epsilon, (current[k] ?? 0) / nc);
    sum += (a - e) * Math.log(a / e);
  }
  return sum;
}

/**
 * The usual reading of a PSI value.
 *
 * @example
 * psiLevel(0.3); // → 'major'
 */
export function psiLevel(value: number): 'stable' | 'moderate' | 'major' {
  return value < 0.1 ? 'stable' : value <= 0.25 ? 'moderate' : 'major';
}
