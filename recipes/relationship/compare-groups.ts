import { meanStats } from '../stats/moments.js';
import { holm } from '../stats/distributions.js';
import { tryCompare } from '../stats/versus-control.js';
import type { Responses } from './responses.js';
import { trustIndex } from './scores.js';
import { finiteOrNull } from '../format.js';

/**
 * Each group against the control group on NPS, CSAT and the trust index, as absolute differences
 * in the score's own points, with the lift statistics (Welch t-test) and Holm-adjusted p-values.
 * NPS compares the per-answer scores (+100/0/−100); CSAT the top-two-box indicator (in points).
 */
export interface GroupComparison {
  group: string;
  metric: string;
  control_mean: number;
  mean: number;
  effect: number;
  ci_low: number;
  ci_high: number;
  p_value: number | null;
  p_value_holm: number | null;
  chance_to_win: number | null;
}

/**
 * @example
 * compareGroups(responses, groups, 'control', 0.05, 5); // → rows per (group, metric) and the reasons for skipped ones
 */
export function compareGroups(r: Responses, groups: Map<string, number[]>, control: string, alpha: number, csatScale: number): { rows: GroupComparison[]; skipped: string[] } {
  const series = (idx: number[]): Record<string, { values: number[]; kind: 'proportion' | 'mean'; scale: number }> => ({
    ...(r.nps ? { nps: { values: idx.map((i) => r.nps![i]!).filter((v) => !Number.isNaN(v)).map((v) => (v >= 9 ? 100 : v <= 6 ? -100 : 0)), kind: 'mean', scale: 1 } } : {}),
    ...(r.csat ? { csat: { values: idx.map((i) => r.csat![i]!).filter((v) => !Number.isNaN(v)).map((v) => +(v >= csatScale - 1)), kind: 'proportion', scale: 100 } } : {}),
    ...(r.trust.length ? { trust_index: { values: trustIndex(r, idx), kind: 'mean', scale: 1 } } : {}),
  });
  const base = series(groups.get(control)!);
  const rows: GroupComparison[] = [];
  const skipped: string[] = [];
  for (const [group, idx] of groups) {
    if (group === control) continue;
    const mine = series(idx);
    for (const [metric, s] of Object.entries(mine)) {
      const c = base[metric]!;
      const attempt = tryCompare(meanStats(c.values, c.kind), meanStats(s.values, s.kind), { difference: 'absolute', alpha, method: 'both' });
      if (!attempt.ok) {
        skipped.push(`${metric} of "${group}": ${attempt.reason}`);
        continue;
      }
      const v = attempt.value;
      rows.push({
        group, metric, control_mean: v.controlMean * s.scale, mean: v.mean * s.scale, effect: v.effect * s.scale,
        ci_low: v.ciLow * s.scale, ci_high: v.ciHigh * s.scale, p_value: v.pValue, p_value_holm: null, chance_to_win: v.chanceToWin,
      });
    }
  }
  const adjusted = holm(rows.map((x) => x.p_value ?? NaN));
  rows.forEach((x, i) => (x.p_value_holm = finiteOrNull(adjusted[i])));
  return { rows, skipped };
}
