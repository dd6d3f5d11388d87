import type { CompareOptions } from '../stats/compare.js';
import { comparisonRow, type ComparisonRow } from '../stats/comparison-rows.js';
import { cochranQ, type Heterogeneity } from '../stats/heterogeneity.js';
import { chiSquareIndependence } from '../stats/contingency.js';
import { meanStats } from '../stats/moments.js';
import { groupIndices, pick, tryCompare } from '../stats/versus-control.js';
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
 * contextEffects(levels, variant, outcome, 'proportion', 'control', ['personalized'], { alpha: 0.05 });
 */
export function contextEffects(
  levels: ContextLevels, variant: string[], outcome: Float64Array, kind: 'proportion' | 'mean', control: string, treatments: string[], options: CompareOptions & { alpha: number },
): { rows: ContextRow[]; interaction: Map<string, Heterogeneity>; mixPValue: number; skipped: string[] } {
  const rows: ContextRow[] = [];
  const skipped: string[] = [];
  const byValue = groupIndices(levels.labels);
  const counts: number[][] = [];
  for (const value of levels.order) {
    const idx = byValue.get(value)!;
    const arms = groupIndices(idx.map((i) => variant[i]!));
    counts.push([control, ...treatments].map((v) => arms.get(v)?.length ?? 0));
    const c = arms.get(control);
    for (const t of treatments) {
      const ti = arms.get(t);
      if (!c || !ti) {
        skipped.push(`${levels.context} = ${value}: no units in ${!c ? `control "${control}"` : `"${t}"`}`);
        continue;
      }
      const attempt = tryCompare(meanStats(pick(outcome, c.map((j) => idx[j]!)), kind), meanStats(pick(outcome, ti.map((j) => idx[j]!)), kind), options);
      if (attempt.ok) rows.push({ context: levels.context, value, n_control: c.length, n: ti.length, ...comparisonRow(t, 'outcome', attempt.value) });
      else skipped.push(`${levels.context} = ${value} for "${t}": ${attempt.reason}`);
    }
  }
  const interaction = new Map(treatments.map((t) => {
    const mine = rows.filter((r) => r.variant === t);
    return [t, cochranQ(mine.map((r) => r.effect), mine.map((r) => r.se))] as const;
  }));
  return { rows, interaction, mixPValue: chiSquareIndependence(counts).pValue, skipped };
}
