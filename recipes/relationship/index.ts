import * as aq from 'arquero';
import { columnName, roles } from '../column.js';
import { defineRecipe } from '../define-recipe.js';
import { groupIndices } from '../stats/versus-control.js';
import { byGroupChart, overTimeChart } from './charts.js';
import { compareWithControl } from './control.js';
import { groupScores } from './group-scores.js';
import { relationshipNotes } from './notes.js';
import { overallMetrics } from './overall.js';
import { relationshipParams as params } from './params.js';
import { trustReliability } from './reliability.js';
import { readResponses } from './responses.js';
import { scoreSubset } from './scores.js';

/**
 * Customer relationship quality from survey answers: NPS, CSAT, a multi-item trust index with
 * Cronbach's alpha, by group and over time, with intervals and group comparisons.
 *
 * @example
 * await runRecipe(relationship, { inputs: { responses: surveys }, params: { group: 'variant' } });
 */
export const relationship = defineRecipe({
  id: 'relationship',
  title: 'Relationship: NPS, CSAT and trust',
  description:
    "Net Promoter Score (% 9–10 minus % 0–6), CSAT (% top two of five), a trust index (mean of two or more items) with Cronbach's alpha; by group and period with intervals, groups compared with a control group.",
  inputs: [
    {
      name: 'responses',
      description: 'one row per survey answer: customer, timestamp, nps (0–10), csat (1–5), trust items, optional group',
      roles: roles(params, ['customer', 'timestamp', 'nps', 'csat', 'trust', 'group']),
    },
  ],
  params,
  async run({ inputs, params: p, progress }) {
    const table = inputs.responses!;
    const r = readResponses(table, p);
    const groups = groupIndices(r.group);
    progress(0.3, 'scoring groups');
    const { rows, overTime } = groupScores(r, groups, p);
    const overall = scoreSubset(r, [...Array(r.n).keys()], p.alpha, p.csat_scale);
    const customer = { column: columnName(params, p, 'customer'), named: p.customer !== undefined };
    const metrics = overallMetrics(table, { responses: r.n, groups: groups.size }, overall, customer);
    const tables: Record<string, aq.ColumnTable> = {};
    if (r.trustItems.length) {
      const reliability = trustReliability(r, groups, rows);
      metrics.cronbach_alpha = reliability.alpha;
      tables.items = aq.from(reliability.items);
    }
    progress(0.7, 'comparing groups');
    const { control, rows: comparisons, skipped } = compareWithControl(r, groups, p);
    if (comparisons) tables.comparisons = aq.from(comparisons);
    const charts = [];
    if (overTime.length)
      for (const m of ['nps', 'csat', 'trust_index'] as const) if (m in overall) charts.push(overTimeChart(overTime, m, p.alpha));
    if (groups.size > 1 && (r.nps || r.csat)) charts.push(byGroupChart(rows.filter((x) => x.period === 'all'), p.alpha));
    progress(1, 'done');
    return {
      metrics,
      tables: { groups: aq.from(rows), ...tables },
      charts,
      notes: relationshipNotes({
        metrics,
        rows,
        comparisons: tables.comparisons?.objects() as never,
        skipped,
        control,
        minResponses: p.min_responses,
        hasTime: !!r.time,
      }),
    };
  },
});
