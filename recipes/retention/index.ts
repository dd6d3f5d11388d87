import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { throwIfAborted } from '../errors.js';
import type { MetricValue } from '../types.js';
import { retentionAggregate } from './aggregate.js';
import { bucketStart } from './buckets.js';
import { retentionCells, sumCounts } from './cells.js';
import { retentionCharts } from './charts.js';
import { compareCurves, retentionCurve, type CurvePoint } from './curves.js';
import { retentionParams as params } from './params.js';
import { roles } from '../column.js';
import { percent, significant } from '../format.js';

export const retention = defineRecipe({
  id: 'retention',
  title: 'Retention cohorts: do customers keep coming back?',
  description:
    'Cohort retention in UTC calendar periods (day, week, month), recurring or first-time cohorts, as a triangular matrix with a heat map, ' +
    'retention curves per group and a chi-square test (Holm-adjusted over periods) of whether the groups\' curves differ.',
  inputs: [
    { name: 'events', description: 'one row per activity (order, visit, login…)', roles: roles(params, ['customer', 'timestamp', 'group']) },
  ],
  params,
  aggregate: retentionAggregate,
  async run({ inputs, params: p, progress, signal }) {
    const { first, byGroup, customers } = retentionCells(inputs, p);
    progress(0.5, 'counting cohorts');
    const groups = [...byGroup.keys()];
    const overall = sumCounts([...byGroup.values()]);
    const label = (i: number) => new Date(bucketStart(first + i, p.period, p.week_start)).toISOString().slice(0, 10);
    const matrix = overall.flatMap((row, i) =>
      row.map((retained, j) => ({ cohort: label(i), period_index: j, cohort_size: row[0], retained, rate: row[0] > 0 ? retained / row[0] : null })),
    );
    throwIfAborted(signal);
    const perGroup = groups.length > 1 ? groups.map((g) => [g, byGroup.get(g)!] as const) : [];
    const curves: CurvePoint[][] = perGroup.length ? perGroup.map(([g, counts]) => retentionCurve(g, counts)) : [retentionCurve('all', overall)];
    const notes: string[] = [];
    const metrics: Record<string, MetricValue> = {};
    const p1 = overall.filter((row) => row.length > 1 && row[0] > 0).map((row) => row[1] / row[0]);
    metrics.retention_p1 = p1.length ? p1.reduce((a, b) => a + b, 0) / p1.length : null;
    const pooled = retentionCurve('all', overall);
    metrics.retention_p1_pooled = pooled[1]?.rate ?? null;
    metrics.cohorts = overall.filter((row) => row[0] > 0).length;
    // Distinct customers in some cohort (in recurring mode a customer joins one cohort per active period).
    metrics.customers = customers;
    if (metrics.retention_p1 === null) notes.push(`No cohort has a following ${p.period} in the window, so period-1 retention is undefined; widen the window.`);
    else notes.push(`On average ${percent(metrics.retention_p1 as number)} of a ${p.period}'s ${p.mode === 'first_time' ? 'new customers' : 'active customers'} were active again the next ${p.period}.`);
    const tables: Record<string, aq.ColumnTable> = { matrix: aq.from(matrix), curves: aq.from(curves.flat()) };
    if (perGroup.length) {
      tables.group_matrix = aq.from(
        perGroup.flatMap(([group, counts]) =>
          counts.flatMap((row, i) => row.map((retained, j) => ({ group, cohort: label(i), period_index: j, cohort_size: row[0], retained, rate: row[0] > 0 ? retained / row[0] : null }))),
        ),
      );
    }
    if (groups.length > 1) {
      const tests = compareCurves(curves);
      tables.group_tests = aq.from(tests);
      for (const c of curves) metrics[`retention_p1_${c[0].group}`] = c[1]?.rate ?? null;
      if (tests.length) {
        const min = Math.min(...tests.map((t) => t.p_value_holm));
        metrics.group_difference_p_value = min;
        const best = curves.map((c) => [c[0].group, c[1]?.rate ?? 0] as const).sort((a, b) => b[1] - a[1]);
        notes.push(
          min < p.alpha
            ? `The groups' retention curves differ (smallest Holm-adjusted chi-square p = ${significant(min, 2)}); period-1 retention is highest for ${best[0][0]} (${percent(best[0][1])}).`
            : `No detectable difference between the groups' retention curves (smallest Holm-adjusted p = ${significant(min, 2)}).`,
        );
      } else notes.push('The groups could not be compared: no period after the first has customers in two groups.');
      if (p.mode === 'recurring') notes.push('In recurring mode a customer can belong to several cohorts; the test treats cohort members as independent, so its p-values are somewhat optimistic. first_time cohorts avoid this.');
      for (const c of curves) if (c[0].cohort_size < 30) notes.push(`Warning: group ${c[0].group} has only ${c[0].cohort_size} customers in its cohorts, too few to judge.`);
    }
    progress(1, 'done');
    return { metrics, tables, charts: retentionCharts(matrix, curves.flat(), p.period), notes };
  },
});
