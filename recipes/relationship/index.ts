import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError } from '../errors.js';
import { cronbachAlpha } from '../stats/cronbach.js';
import { periodLabel, periodStart } from '../stats/period.js';
import { groupIndices } from '../stats/versus-control.js';
import { readResponses } from './responses.js';
import { completeTrust, scoreSubset } from './scores.js';
import { compareGroups } from './compare-groups.js';
import { byGroupChart, overTimeChart } from './charts.js';
import { relationshipNotes } from './notes.js';
import { finiteOrNull } from '../format.js';
import { relationshipParams as params } from './params.js';
import { columnName, roles } from '../column.js';

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
    const all = [...Array(r.n).keys()];
    progress(0.3, 'scoring groups');
    const rows: Record<string, unknown>[] = [];
    const scoreRow = (group: string, period: string, idx: number[]) => ({ group, period, ...scoreSubset(r, idx, p.alpha, p.csat_scale) });
    for (const [group, idx] of groups) rows.push(scoreRow(group, 'all', idx));
    const overTime: ReturnType<typeof scoreRow>[] = [];
    if (r.time) {
      const keys = all.map((i) => `${r.group[i]}\u0000${periodLabel(periodStart(r.time![i]!, p.period))}`);
      for (const [key, idx] of [...groupIndices(keys)].sort((a, b) => a[0].localeCompare(b[0]))) {
        const [group, period] = key.split('\u0000') as [string, string];
        overTime.push(scoreRow(group, period, idx));
      }
      rows.push(...overTime);
    }
    const overall = scoreSubset(r, all, p.alpha, p.csat_scale);
    const metrics: Record<string, number | string | null> = { responses: r.n, groups: groups.size };
    const customerCol = columnName(params, p, 'customer');
    if (p.customer !== undefined && !table.columnNames().includes(customerCol)) {
      throw new RecipeInputError(`responses has no column "${customerCol}" (the customer column). Name it with --param customer=<column>.`);
    }
    if (table.columnNames().includes(customerCol))
      metrics.customers = new Set(Array.from(table.array(customerCol) as ArrayLike<unknown>)).size;
    for (const key of [
      'nps',
      'nps_ci_low',
      'nps_ci_high',
      'csat',
      'csat_ci_low',
      'csat_ci_high',
      'trust_index',
      'trust_ci_low',
      'trust_ci_high',
    ]) {
      if (key in overall) metrics[key] = overall[key] ?? null;
    }
    const tables: Record<string, aq.ColumnTable> = { groups: aq.from(rows) };
    if (r.trustItems.length) {
      const alpha = cronbachAlpha(completeTrust(r, all), r.trustItems);
      metrics.cronbach_alpha = finiteOrNull(alpha.alpha);
      tables.items = aq.from(
        alpha.items.map((i) => ({
          item: i.item,
          mean: i.mean,
          item_rest_correlation: i.itemRestCorrelation,
          alpha_if_deleted: i.alphaIfDeleted,
        })),
      );
      for (const row of rows)
        if (row.period === 'all')
          row.cronbach_alpha =
            groups.get(row.group as string)!.length > 2
              ? finiteOrNull(cronbachAlpha(completeTrust(r, groups.get(row.group as string)!), r.trustItems).alpha)
              : null;
      tables.groups = aq.from(rows);
    }
    progress(0.7, 'comparing groups');
    let skipped: string[] = [];
    let control: string | null = null;
    if (groups.size > 1) {
      if (p.control !== undefined && !groups.has(p.control)) {
        throw new RecipeInputError(
          `control "${p.control}" is not a value of the group column; its values are ${[...groups.keys()].map((g) => `"${g}"`).join(', ')}.`,
        );
      }
      control = p.control ?? [...groups.keys()].find((g) => g.toLowerCase() === 'control') ?? null;
      if (control) {
        const cmp = compareGroups(r, groups, control, p.alpha, p.csat_scale);
        tables.comparisons = aq.from(cmp.rows);
        skipped = cmp.skipped;
      }
    }
    const charts = [];
    if (overTime.length)
      for (const m of ['nps', 'csat', 'trust_index'] as const) if (m in overall) charts.push(overTimeChart(overTime, m, p.alpha));
    if (groups.size > 1 && (r.nps || r.csat)) charts.push(byGroupChart(rows.filter((x) => x.period === 'all') as never, p.alpha));
    progress(1, 'done');
    return {
      metrics,
      tables,
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
