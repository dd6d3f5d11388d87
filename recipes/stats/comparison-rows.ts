import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Comparison } from './compare.js';
import { holm } from './distributions.js';
import { finiteOrNull } from '../format.js';

/**
 * Rows of a `comparisons` table in the column names of the `lift` recipe, so tables from every
 * "versus control" recipe read (and join) the same way.
 */
export interface ComparisonRow {
  variant: string;
  metric: string;
  control_mean: number;
  mean: number;
  effect: number;
  se: number;
  ci_low: number;
  ci_high: number;
  p_value: number | null;
  p_value_holm: number | null;
  significant: boolean | null;
  chance_to_win: number | null;
  risk_control: number | null;
  risk_treatment: number | null;
}

/**
 * @example
 * comparisonRow('personalized', 'bounce_rate', compare(c, t));
 */
export function comparisonRow(variant: string, metric: string, c: Comparison): ComparisonRow {
  return {
    variant, metric, control_mean: c.controlMean, mean: c.mean, effect: c.effect, se: c.se, ci_low: c.ciLow, ci_high: c.ciHigh,
    p_value: c.pValue, p_value_holm: null, significant: null, chance_to_win: c.chanceToWin, risk_control: c.riskControl, risk_treatment: c.riskTreatment,
  };
}

/**
 * Fills in Holm-adjusted p-values over all rows (the family is the whole table) and flags rows
 * whose adjusted p-value is below alpha; Bayesian-only rows (no p-value) stay null.
 *
 * @example
 * adjustHolm(rows, 0.05);
 */
export function adjustHolm<T extends { p_value: number | null; p_value_holm: number | null; significant: boolean | null }>(rows: T[], alpha: number): T[] {
  const adjusted = holm(rows.map((r) => r.p_value ?? NaN));
  rows.forEach((r, i) => {
    const p = adjusted[i]!;
    r.p_value_holm = finiteOrNull(p);
    r.significant = Number.isFinite(p) ? p < alpha : null;
  });
  return rows;
}

/** The columns of a comparisons table, in order. */
export const COMPARISON_COLUMNS = [
  'variant', 'metric', 'control_mean', 'mean', 'effect', 'se', 'ci_low', 'ci_high', 'p_value', 'p_value_holm',
  'significant', 'chance_to_win', 'risk_control', 'risk_treatment',
] as const;

/**
 * An Arquero table of row objects that keeps its columns even with no rows (an empty comparisons
 * table should still say what it would have held).
 *
 * @example
 * rowsTable([], ['variant', 'effect']).columnNames(); // → ['variant', 'effect']
 */
export function rowsTable(rows: object[], columns: readonly string[]): ColumnTable {
  if (rows.length) return aq.from(rows);
  return aq.table(Object.fromEntries(columns.map((c) => [c, [] as unknown[]])));
}
