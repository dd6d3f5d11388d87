import * as aq from 'arquero';
import { stringColumn } from '../columns.js';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import type { ChartSpec, MetricValue } from '../types.js';
import { readLists } from './lists.js';
import { fixed, percent } from '../format.js';
import { reciprocalRank, rPrecision, userMetricsAtK, type Ties } from './metrics.js';
import { recommendationsParams as params } from './params.js';
import { roles } from '../column.js';

type Row = Record<string, string | number>;

function evaluate(users: string[], lists: ReturnType<typeof readLists>, ks: number[], ties: Ties, signal?: AbortSignal): { metrics: Record<string, number>; perUser: Row[] } {
  const sums: Record<string, number> = {};
  const perUser: Row[] = [];
  for (const [u, user] of users.entries()) {
    if (u % 10_000 === 0) throwIfAborted(signal);
    const ranked = lists.ranked.get(user)!;
    const gains = lists.gains.get(user)!;
    const row: Row = { user, mrr: reciprocalRank(ranked, gains), r_precision: rPrecision(ranked, gains) };
    for (const k of ks) {
      const m = userMetricsAtK(ranked, gains, k, lists.keys.get(user), ties);
      Object.assign(row, {
        [`precision_at_${k}`]: m.precision, [`recall_at_${k}`]: m.recall, [`map_at_${k}`]: m.averagePrecision, [`ndcg_at_${k}`]: m.ndcg,
        [`hit_rate_at_${k}`]: m.hit, [`dcg_at_${k}`]: m.dcg, [`idcg_at_${k}`]: m.idcg,
      });
    }
    for (const [key, v] of Object.entries(row)) if (typeof v === 'number') sums[key] = (sums[key] ?? 0) + v;
    perUser.push(row);
  }
  const metrics = Object.fromEntries(Object.entries(sums).map(([key, s]) => [key, s / users.length]));
  return { metrics, perUser };
}

export const recommendations = defineRecipe({
  id: 'recommendations',
  title: 'Recommendation accuracy: are the personalized lists finding what people want?',
  description:
    'Precision, recall, MAP, NDCG and hit rate at k, MRR, R-precision and catalogue coverage of top-k recommendation lists against the items users ' +
    'actually chose (Microsoft Recommenders\' definitions), overall and per segment.\n' +
    '- r_precision: the share of a user\'s R relevant items found in the top R of the list.\n' +
    '- dcg_at_<k> and idcg_at_<k>: the raw discounted cumulative gain (gain / log2(rank + 1)) and its ideal over all judged items, averaged over users; ndcg_at_<k> is their ratio per user.\n' +
    '- ties: with average (the default, as sklearn\'s ndcg_score) items with equal scores or ranks share the mean gain over the positions they occupy; first breaks ties by item id. Precision, recall, MAP, hit rate and MRR always take the item-id order.',
  inputs: [
    { name: 'recommended', description: 'one row per recommended item per user', roles: roles(params, ['user', 'item', 'score', 'rank', 'segment']) },
    { name: 'relevant', description: 'one row per item the user found relevant (bought, clicked, rated)', roles: roles(params, ['user', 'item', 'relevance']) },
    { name: 'catalog', optional: true, description: 'one row per item in the catalogue (for coverage)', roles: roles(params, ['item']) },
  ],
  params,
  async run({ inputs, params: p, progress, signal }) {
    const ks = [...new Set(Array.isArray(p.k) ? p.k : [p.k])].sort((a, b) => a - b);
    const lists = readLists(inputs.recommended, inputs.relevant, p);
    const users = [...lists.ranked.keys()].filter((u) => lists.gains.has(u) && [...lists.gains.get(u)!.values()].some((g) => g > 0)).sort();
    if (users.length === 0) {
      throw new RecipeInputError(`No user is in both recommended and relevant (with a relevant item); check that the "${p.user}" columns hold the same ids.`);
    }
    throwIfAborted(signal);
    progress(0.4, 'scoring lists');
    const { metrics: overall, perUser } = evaluate(users, lists, ks, p.ties, signal);
    const metrics: Record<string, MetricValue> = { ...overall, users: users.length };
    const catalog = inputs.catalog
      ? new Set(stringColumn(inputs.catalog, 'catalog', p.item, 'item'))
      : new Set([...[...lists.ranked.values()].flat(), ...[...lists.gains.values()].flatMap((m) => [...m.keys()])]);
    for (const k of ks) {
      const shown = new Set([...lists.ranked.values()].flatMap((l) => l.slice(0, k)));
      metrics[`coverage_at_${k}`] = [...shown].filter((i) => catalog.has(i)).length / catalog.size;
    }
    metrics.coverage = metrics[`coverage_at_${ks[ks.length - 1]}`];
    const tables: Record<string, aq.ColumnTable> = {
      by_k: aq.from(ks.map((k) => ({ k, precision: overall[`precision_at_${k}`], recall: overall[`recall_at_${k}`], map: overall[`map_at_${k}`], ndcg: overall[`ndcg_at_${k}`], hit_rate: overall[`hit_rate_at_${k}`], dcg: overall[`dcg_at_${k}`], idcg: overall[`idcg_at_${k}`] }))),
      users: aq.from(perUser),
    };
    const notes: string[] = [];
    const kMax = ks[ks.length - 1];
    notes.push(
      `Across ${users.length} users, ${percent(overall[`hit_rate_at_${kMax}`])} had at least one relevant item in their top ${kMax}; ` +
        `precision@${kMax} = ${fixed(overall[`precision_at_${kMax}`], 3)}, NDCG@${kMax} = ${fixed(overall[`ndcg_at_${kMax}`], 3)}.`,
    );
    const dropped = lists.ranked.size - users.length;
    if (dropped > 0) notes.push(`${dropped} users with recommendations have no relevant item and are left out of the averages.`);
    const charts: ChartSpec[] = [];
    if (lists.segments) {
      const bySegment = new Map<string, string[]>();
      for (const u of users) {
        const s = lists.segments.get(u) ?? '(none)';
        bySegment.set(s, [...(bySegment.get(s) ?? []), u]);
      }
      const rows: ({ segment: string; users: number } & Record<string, number | string>)[] = [...bySegment.entries()]
        .sort()
        .map(([segment, members]) => ({ segment, users: members.length, ...evaluate(members, lists, ks, p.ties).metrics }));
      tables.segments = aq.from(rows);
      for (const r of rows) if ((r.users as number) < 30) notes.push(`Warning: segment ${r.segment} has only ${r.users} users; its metrics are noisy.`);
      charts.push({
        id: 'segments',
        title: `NDCG@${kMax} by segment`,
        marks: [{ mark: 'barY', data: rows.map((r) => ({ segment: r.segment, ndcg: r[`ndcg_at_${kMax}`] })), options: { x: 'segment', y: 'ndcg', fill: 'steelblue' } }],
        y: { label: `NDCG@${kMax}`, grid: true },
      });
    }
    charts.unshift({
      id: 'by_k',
      title: 'Accuracy by cut-off k',
      marks: [
        {
          mark: 'line',
          data: ks.flatMap((k) => ['precision', 'recall', 'map', 'ndcg', 'hit_rate'].map((metric) => ({ k, metric, value: overall[`${metric}_at_${k}`] }))),
          options: { x: 'k', y: 'value', stroke: 'metric', marker: 'dot' },
        },
      ],
      y: { domain: [0, 1], grid: true },
      color: { legend: true },
    });
    progress(1, 'done');
    return { metrics, tables, charts, notes };
  },
});
