import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError } from '../errors.js';
import type { MetricValue } from '../types.js';
import { fairnessParams } from './params.js';
import { fairnessAggregate, readFairnessCounts, type FairnessCounts } from './aggregate.js';
import { RATES } from './rates.js';
import { summarize, DISPARITIES } from './summary.js';
import { bootstrapIntervals, type Intervals } from './bootstrap.js';
import { aucFromCounts, mergeScoreCounts } from './auc.js';
import { exposure } from './exposure.js';
import { exposureChart, ratesChart, type RateRow } from './charts.js';
import { fairnessNotes } from './notes.js';
import { roles } from '../column.js';
import { count, finiteOrNull } from '../format.js';

/** The AUC needs each distinct score; say so when that is many rows to fetch. */
function scoreNote(scores: FairnessCounts['scores']): string[] {
  const rows = scores?.reduce((s, g) => s + g.score.length, 0) ?? 0;
  return rows > 100_000 ? [`The AUC needs every distinct score: ${count(rows)} (group, score) counts were fetched from the engine; round y_score to fewer digits to fetch less.`] : [];
}

/**
 * Group fairness of a classifier (fairlearn's definitions): per-group selection rate, TPR, FPR,
 * precision and accuracy with bootstrap intervals; demographic parity, equal opportunity,
 * equalized odds and predictive parity between groups or to overall; and, for a recommender,
 * exposure of item groups in the top k against their catalogue share.
 *
 * @example
 * await runRecipe(fairness, { inputs: { predictions }, params: { group: 'age_group', threshold: 0.05 } });
 */
export const fairness = defineRecipe({
  id: 'fairness',
  title: 'Fairness: does the model treat groups alike?',
  description:
    'Per-group confusion counts (tp, fp, tn, fn), selection rate, TPR, FPR, precision and accuracy with bootstrap intervals; as fairlearn, a difference and a ratio for each: demographic parity (selection rate), equal opportunity (TPR), equalized odds (the larger TPR/FPR difference, the smaller ratio), predictive parity (precision) and false positive rate, plus accuracy_difference; method between_groups (max − min, min/max) or to_overall (largest distance from the overall value; smallest of group/overall and overall/group) applies to every one of them; exposure of item groups in top-k recommendations vs the catalogue. Notes name every disparity above the threshold.',
  inputs: [
    {
      name: 'predictions',
      description: 'one row per scored person: y_true, y_pred (or y_score), and one or more sensitive group columns',
      roles: roles(fairnessParams, ['y_true', 'y_pred', 'y_score', 'group']),
    },
    {
      name: 'recommended',
      optional: true,
      description: 'recommendation lists for the exposure check: user, item, rank',
      roles: roles(fairnessParams, ['user', 'item', 'rank']),
    },
    {
      name: 'items',
      optional: true,
      description: 'the catalogue for the exposure check: item, item_group',
      roles: roles(fairnessParams, [['item', 'item'], 'item_group']),
    },
  ],
  params: fairnessParams,
  aggregate: fairnessAggregate,
  async run({ inputs, params: p, progress, signal }) {
    if (!inputs.recommended !== !inputs.items) {
      throw new RecipeInputError('The exposure check needs both optional inputs: "recommended" (user, item, rank) and "items" (item, item_group). Give both or neither.');
    }
    const data = readFairnessCounts(inputs, p);
    const { groups, counts } = data;
    const size = (i: number) => counts[i]!.reduce((a, b) => a + b, 0);
    const summary = summarize(counts, p.method);
    progress(0.1, 'bootstrap');
    const intervals: Intervals | null = p.bootstrap > 0 ? bootstrapIntervals(counts, p.method, p.bootstrap, p.seed, p.alpha, signal, (f, label) => progress(0.1 + 0.8 * f, label)) : null;
    progress(0.9, 'tables');
    const aucs = data.scores ? data.scores.map(aucFromCounts) : null;
    const rows = groups.map((group, i) => {
      const [tp, fp, fn, tn] = counts[i]!;
      const row: Record<string, unknown> = { group, count: size(i), tp, fp, tn, fn };
      for (const r of RATES) {
        row[r] = finiteOrNull(summary.byGroup[i]![r]);
        if (intervals) [row[`${r}_ci_low`], row[`${r}_ci_high`]] = intervals.byGroup[i]![r].map(finiteOrNull);
      }
      if (aucs) row.auc = finiteOrNull(aucs[i]!);
      return row;
    });
    const metrics: Record<string, MetricValue> = { groups: groups.length, rows: data.rows };
    for (const d of DISPARITIES) {
      metrics[d] = finiteOrNull(summary.disparities[d]);
      if (intervals) [metrics[`${d}_ci_low`], metrics[`${d}_ci_high`]] = intervals.disparities[d].map(finiteOrNull);
    }
    for (const r of RATES) metrics[`overall_${r}`] = finiteOrNull(summary.overall[r]);
    if (aucs) {
      metrics.overall_auc = finiteOrNull(aucFromCounts(mergeScoreCounts(data.scores!)));
      metrics.auc_difference = finiteOrNull(Math.max(...aucs.filter(Number.isFinite)) - Math.min(...aucs.filter(Number.isFinite)));
    }
    const rateRows: RateRow[] = rows.flatMap((row) => RATES.map((metric) => ({
      group: String(row.group), metric, value: row[metric] as number | null,
      ci_low: (row[`${metric}_ci_low`] ?? null) as number | null, ci_high: (row[`${metric}_ci_high`] ?? null) as number | null,
    })));
    const charts = [ratesChart(rateRows, RATES.map((metric) => ({ metric, value: summary.overall[metric] })))];
    const tables: Record<string, aq.ColumnTable> = { by_group: aq.from(rows) };
    let exp: { rows: ReturnType<typeof exposure>['rows']; unknown: number; k: number } | null = null;
    if (inputs.recommended && inputs.items) {
      const e = exposure(inputs.recommended, inputs.items, p);
      exp = { rows: e.rows, unknown: e.unknown, k: p.k };
      tables.exposure = aq.from(e.rows.map((r) => ({ ...r, exposure_ratio: finiteOrNull(r.exposure_ratio) })));
      const known = e.rows.filter((r) => r.catalogue_share > 0);
      metrics.exposure_difference = Math.max(...known.map((r) => Math.abs(r.exposure_share - r.catalogue_share)));
      metrics.exposure_ratio_min = finiteOrNull(Math.min(...known.map((r) => r.exposure_ratio)));
      metrics.exposure_ratio_max = finiteOrNull(Math.max(...known.map((r) => r.exposure_ratio)));
      charts.push(exposureChart(e.rows, p.k));
    }
    progress(1, 'done');
    return {
      metrics,
      tables,
      charts,
      notes: [
        ...fairnessNotes({
          groups, sizes: groups.map((_, i) => size(i)), summary, intervals: intervals?.disparities ?? null,
          threshold: p.threshold, method: p.method, minGroup: p.min_group, exposure: exp,
        }),
        ...scoreNote(data.scores),
      ],
    };
  },
});
