import { compare } from '../stats/compare.js';
import { meanStats } from '../stats/moments.js';
import { holm } from '../stats/distributions.js';
import { finiteOrNull } from '../format.js';

/**
 * CLV lift between groups (e.g. personalized vs control cohorts): each group's mean CLV against
 * the control group's, as a relative effect with the delta-method interval of the shared
 * experiment statistics (Welch t, as gbstats). The interval is conditional on the fitted model
 * parameters: it reflects customer-to-customer variation, not parameter uncertainty.
 */

export interface GroupRow {
  group: string;
  customers: number;
  mean_clv: number;
  mean_p_alive: number;
  mean_expected_purchases: number;
}

export interface LiftRow {
  group: string;
  control: string;
  control_mean_clv: number;
  mean_clv: number;
  clv_lift: number;
  ci_low: number;
  ci_high: number;
  p_value: number | null;
  p_value_holm: number | null;
}

/**
 * Per-group means and lifts against `control` (default: a group named "control", else the first
 * in sorted order).
 *
 * @example
 * clvByGroup(['c', 'c', 't', 't'], [1, 2, 2, 3], [0.5, 0.6, 0.7, 0.8], [1, 1, 2, 2]);
 */
export function clvByGroup(
  groups: readonly string[],
  clv: ArrayLike<number>,
  pAlive: ArrayLike<number>,
  expected: ArrayLike<number>,
  control?: string,
  alpha = 0.05,
): { groups: GroupRow[]; lifts: LiftRow[]; control: string } {
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
  const names = [...members.keys()].sort();
  const base = control ?? (members.has('control') ? 'control' : names[0]);
  const mean = (idx: number[], v: ArrayLike<number>) => idx.reduce((s, i) => s + v[i], 0) / idx.length;
  const rows = names.map((g) => {
    const idx = members.get(g)!;
    return { group: g, customers: idx.length, mean_clv: mean(idx, clv), mean_p_alive: mean(idx, pAlive), mean_expected_purchases: mean(idx, expected) };
  });
  const c = meanStats(members.get(base)!.map((i) => clv[i]), 'mean');
  const lifts = names
    .filter((g) => g !== base)
    .map((g) => {
      const cmp = compare(c, meanStats(members.get(g)!.map((i) => clv[i]), 'mean'), { difference: 'relative', alpha });
      return { group: g, control: base, control_mean_clv: cmp.controlMean, mean_clv: cmp.mean, clv_lift: cmp.effect, ci_low: cmp.ciLow, ci_high: cmp.ciHigh, p_value: cmp.pValue, p_value_holm: null as number | null };
    });
  const adjusted = holm(lifts.map((l) => l.p_value ?? NaN));
  lifts.forEach((l, i) => (l.p_value_holm = finiteOrNull(adjusted[i])));
  return { groups: rows, lifts, control: base };
}
