import { chiSquareIndependence } from '../stats/contingency.js';
import { holm } from '../stats/distributions.js';
import type { CohortCounts } from './cells.js';

/**
 * Retention curves and the test of whether groups' curves differ. A group's curve at period
 * index j pools every cohort observed that far: Σ retained / Σ cohort size. Groups are compared
 * per period index j ≥ 1 with Pearson's chi-square test of independence on the groups × (retained,
 * not retained) table, and the per-index p-values are Holm-adjusted; the curves differ when any
 * adjusted p-value is below alpha, so `group_difference_p_value` is the smallest adjusted one.
 * In `recurring` mode one customer can sit in several cohorts, which the test treats as
 * independent; the recipe says so in a note.
 */

export interface CurvePoint {
  group: string;
  period_index: number;
  cohort_size: number;
  retained: number;
  rate: number | null;
}

/**
 * Pooled curve of one group's count matrix.
 *
 * @example
 * retentionCurve('all', [[10, 5], [20]]); // → [{ period_index: 0, cohort_size: 30, retained: 30, rate: 1 }, { period_index: 1, cohort_size: 10, retained: 5, rate: 0.5 }]
 */
export function retentionCurve(group: string, counts: CohortCounts): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (let j = 0; j < counts.length; j++) {
    let size = 0;
    let retained = 0;
    for (let i = 0; i + j < counts.length; i++) {
      size += counts[i][0];
      retained += counts[i][j];
    }
    out.push({ group, period_index: j, cohort_size: size, retained, rate: size > 0 ? retained / size : null });
  }
  return out;
}

export interface GroupTestRow {
  period_index: number;
  chi2: number;
  dof: number;
  p_value: number;
  p_value_holm: number;
}

/**
 * Per-period chi-square tests between groups' curves, with Holm's adjustment across periods.
 *
 * @example
 * compareCurves([retentionCurve('a', a), retentionCurve('b', b)]);
 */
export function compareCurves(curves: CurvePoint[][]): GroupTestRow[] {
  const length = Math.min(...curves.map((c) => c.length));
  const rows: Omit<GroupTestRow, 'p_value_holm'>[] = [];
  for (let j = 1; j < length; j++) {
    const table = curves.map((c) => [c[j].retained, c[j].cohort_size - c[j].retained]);
    if (table.filter((r) => r[0] + r[1] > 0).length < 2) continue;
    const t = chiSquareIndependence(table);
    if (t.dof < 1) continue;
    rows.push({ period_index: j, chi2: t.chi2, dof: t.dof, p_value: t.pValue });
  }
  const adjusted = holm(rows.map((r) => r.p_value));
  return rows.map((r, k) => ({ ...r, p_value_holm: adjusted[k] }));
}
