import { phiInv } from './distributions.js';

/**
 * Wilson score interval for a proportion: unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and
 * keeps its coverage for small n or rates near 0 (a failure rate of 0 of 10 still has an upper
 * bound), which is why rates of small groups are reported with it.
 *
 * @example
 * wilson(7, 80); // → [0.04303…, 0.16977…]
 */
export function wilson(successes: number, n: number, alpha = 0.05): [number, number] {
  if (!(n > 0)) return [NaN, NaN];
  const z = phiInv(1 - alpha / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
