import { periodLabel, periodStart } from '../stats/period.js';
import { groupIndices } from '../stats/versus-control.js';
import type { RelationshipParams } from './params.js';
import type { Responses } from './responses.js';
import { scoreSubset } from './scores.js';

/** One row of the `groups` table: a group in one period ('all' for every period). */
export type GroupRow = { group: string; period: string } & Record<string, unknown>;

/**
 * NPS, CSAT and trust per group over all periods, then (with a time column) per group and
 * period in sorted order.
 *
 * @example
 * groupScores(responses, groupIndices(responses.group), { alpha: 0.05, csat_scale: 5, period: 'month' });
 */
export function groupScores(r: Responses, groups: Map<string, number[]>, p: Pick<RelationshipParams, 'alpha' | 'csat_scale' | 'period'>): { rows: GroupRow[]; overTime: GroupRow[] } {
  const scoreRow = (group: string, period: string, idx: number[]): GroupRow => ({ group, period, ...scoreSubset(r, idx, p.alpha, p.csat_scale) });
  const rows: GroupRow[] = [];
  for (const [group, idx] of groups) rows.push(scoreRow(group, 'all', idx));
  const overTime: GroupRow[] = [];
  if (r.time) {
    const keys = [...Array(r.n).keys()].map((i) => `${r.group[i]}\u0000${periodLabel(periodStart(r.time![i]!, p.period))}`);
    for (const [key, idx] of [...groupIndices(keys)].sort((a, b) => a[0].localeCompare(b[0]))) {
      const [group, period] = key.split('\u0000') as [string, string];
      overTime.push(scoreRow(group, period, idx));
    }
    rows.push(...overTime);
  }
  return { rows, overTime };
}
