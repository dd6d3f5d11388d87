import type { CompareOptions } from '../stats/compare.js';
import { comparisonRow, type ComparisonRow } from '../stats/comparison-rows.js';
import { cochranQ, type Heterogeneity } from '../stats/heterogeneity.js';
import { chiSquareIndependence } from '../stats/contingency.js';
import { tryCompare } from '../stats/versus-control.js';
import { armsBy, type ValueCell } from './aggregate.js';
import type { ContextLevels } from './levels.js';

export type ContextRow = { context: string; value: string; n_control: number; n: number } & ComparisonRow;

/**
 * The lift within each value of one context, and the interaction test: Cochran's Q over the
 * per-value effects asks whether the lift depends on the context (a Wald test of the context ×
 * variant interaction with each stratum's own variance). Also the chi-square test of whether the
 * context mix differs between arms. Holm adjustment is left to the caller, whose family spans every
 * context.
 *
 * @example
 * contextEffects(levels, cells, 'control', ['personalized'], { alpha: 0.05 });
 */
export function contextEffects(
  levels: ContextLevels, cells: readonly ValueCell[], control: string, treatments: string[], options: CompareOptions & { alpha: number },
): { rows: ContextRow[]; interaction: Map<string, Heterogeneity>; mixPValue: number; skipped: string[] } {
  const rows: ContextRow[] = [];
  const skipped: string[] = [];
  // A label's arm is the sum of its values' cells (one value, or every value in a quantile bin).
  const byLabel = armsBy(cells, (cell) => levels.labelOf.get(cell.key)!);
  const counts: number[][] = [];
  for (const value of levels.order) {
    const arms = byLabel.get(value)!;
    counts.push([control, ...treatments].map((v) => arms.get(v)?.n ?? 0));
    const c = arms.get(control);
    for (const t of treatments) {
      const ti = arms.get(t);
      if (!c || !ti) {
        skipped.push(`${levels.context} = ${value}: no units in ${!c ? `control "${control}"` : `"${t}"`}`);
        continue;
      }
      const attempt = tryCompare(c, ti, options);
      if (attempt.ok) rows.push({ context: levels.context, value, n_control: c.n, n: ti.n, ...comparisonRow(t, 'outcome', attempt.value) });
      else skipped.push(`${levels.context} = ${value} for "${t}": ${attempt.reason}`);
    }
  }
  const interaction = new Map(treatments.map((t) => {
    const mine = rows.filter((r) => r.variant === t);
    return [t, cochranQ(mine.map((r) => r.effect), mine.map((r) => r.se))] as const;
  }));
  return { rows, interaction, mixPValue: chiSquareIndependence(counts).pValue, skipped };
}
