import seedrandom from 'seedrandom';
import { quantiles } from '../stats/quantile.js';
import { throwIfAborted } from '../errors.js';
import { summarize, DISPARITIES, type Disparity } from './summary.js';
import { RATES, type Rate } from './rates.js';
import type { Method } from './disparity.js';
import type { Progress } from '../types.js';

export interface Intervals {
  byGroup: Record<Rate, [number, number]>[];
  disparities: Record<Disparity, [number, number]>;
}

/**
 * Percentile bootstrap intervals of every per-group rate and disparity. Rows are resampled with
 * replacement within each group (group sizes stay fixed, so a small group cannot vanish from a
 * resample); all rates depend only on the four confusion counts, so resampling a group's rows is
 * drawing its cells from its observed cell frequencies.
 *
 * @example
 * bootstrapIntervals([[5, 2, 1, 12], [3, 4, 3, 10]], 'between_groups', 500, 1, 0.05, signal).disparities.demographic_parity_difference;
 */
export function bootstrapIntervals(
  counts: readonly number[][], method: Method, resamples: number, seed: number, alpha: number, signal: AbortSignal, progress: Progress = () => {},
): Intervals {
  const rng = seedrandom(`fairness:${seed}`);
  const cumulative = counts.map((c) => {
    const n = c.reduce((a, b) => a + b, 0);
    let run = 0;
    return { n, cut: c.map((x) => (run += x) / n) };
  });
  const groupDraws = counts.map(() => Object.fromEntries(RATES.map((r) => [r, [] as number[]])) as Record<Rate, number[]>);
  const disparityDraws = Object.fromEntries(DISPARITIES.map((d) => [d, [] as number[]])) as Record<Disparity, number[]>;
  for (let b = 0; b < resamples; b++) {
    if (b % 50 === 0) {
      throwIfAborted(signal);
      progress(b / resamples, `bootstrap ${b}/${resamples}`);
    }
    const sample = cumulative.map(({ n, cut }) => {
      const c = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) {
        const u = rng();
        let k = 0;
        while (k < 3 && u >= cut[k]!) k++;
        c[k]!++;
      }
      return c;
    });
    const s = summarize(sample, method);
    s.byGroup.forEach((g, i) => RATES.forEach((r) => groupDraws[i]![r].push(g[r])));
    DISPARITIES.forEach((d) => disparityDraws[d].push(s.disparities[d]));
  }
  const ci = (draws: number[]): [number, number] => quantiles(draws, [alpha / 2, 1 - alpha / 2]) as [number, number];
  return {
    byGroup: groupDraws.map((g) => Object.fromEntries(RATES.map((r) => [r, ci(g[r])])) as Record<Rate, [number, number]>),
    disparities: Object.fromEntries(DISPARITIES.map((d) => [d, ci(disparityDraws[d])])) as Record<Disparity, [number, number]>,
  };
}
