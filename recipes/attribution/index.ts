import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import type { MetricValue } from '../types.js';
import { attributionParams, type Model } from './params.js';
import { readPaths } from './read-paths.js';
import { attributionAggregate, readTouchpointAggregates } from './aggregate.js';
import { runModels } from './models.js';
import { modelsChart } from './charts.js';
import { attributionNotes } from './notes.js';
import { roles } from '../column.js';

/**
 * Multi-touch attribution: which channels earn the conversions under first, last, linear,
 * position (40/20/40), time-decay, Markov-chain (exact removal effects) and Shapley models, and
 * how much of the credit goes to personalized touches.
 *
 * Personalized touches: with `touchpoints`, a touch is personalized when its channel is in
 * `personalized_channels` or its `personalized` column is 1; with `paths`, when its channel is in
 * `personalized_channels`. Rule-based models credit touches, so their share is exact; Markov and
 * Shapley credit channels, so a channel's credit is split between personalized and other touches
 * in proportion to its touches in converting journeys.
 *
 * @example
 * await runRecipe(attribution, { inputs: { paths }, params: { models: ['last', 'markov'], personalized_channels: ['email'] } });
 */
export const attribution = defineRecipe({
  id: 'attribution',
  title: 'Attribution: which channels earn the conversions?',
  description:
    'Credits conversions and value to channels with first-touch, last-touch, linear, position-based (40/20/40), time-decay, Markov-chain (exact absorbing-chain removal effects, order 1–3) and Shapley models, from touchpoints or aggregated paths; the share of credit that personalized touches earn.\n' +
    '- Table transitions (with the markov model): every edge of the fitted chain — from (start, or a state: the last `order` channels joined by " > "), to (a state, conversion or null), count (journeys that made the move) and probability (its share of all moves out of from; each from sums to 1).',
  inputs: [
    {
      name: 'touchpoints',
      alternative: 'journeys',
      description: 'one row per touch: journey_id, timestamp, channel, converted (0/1 for the journey), optional value and personalized (0/1)',
      roles: roles(attributionParams, ['journey', 'timestamp', 'channel', 'converted', 'value', 'personalized']),
    },
    {
      name: 'paths',
      alternative: 'journeys',
      description: 'one row per distinct path: path ("a > b > c"), conversions, optional value and nulls (journeys that did not convert)',
      roles: roles(attributionParams, ['path', 'conversions', ['value', 'total conversion value of the path'], 'nulls']),
    },
  ],
  params: attributionParams,
  aggregate: attributionAggregate,
  async run({ inputs, params: p, progress, signal }) {
    const data = inputs.checks ? readTouchpointAggregates(inputs, p) : readPaths(inputs.paths!, p);
    const requested = [...new Set(p.models)] as Model[];
    const run = runModels(data, p, requested, progress, signal);
    const conversions = data.journeys.reduce((s, j) => s + j.conversions, 0);
    const rows = run.models.flatMap((model) => {
      const credit = run.credits.get(model)!;
      return data.channels.map((channel, c) => ({ model, channel, conversions: credit.conversions[c]!, value: credit.value[c]!, share: credit.conversions[c]! / conversions }));
    });
    const hasPersonal = p.personalized_channels.length > 0 || data.journeys.some((j) => j.personalized?.some(Boolean));
    const personalization: Record<string, number> = {};
    for (const model of run.models) personalization[model] = run.credits.get(model)!.personalized / conversions;
    const metrics: Record<string, MetricValue> = {
      conversions,
      value: data.journeys.reduce((s, j) => s + j.value, 0),
      // Every journey either converted or not, so a path's journeys are its conversions and nulls.
      journeys: data.journeys.reduce((s, j) => s + j.conversions + j.nulls, 0),
      channels: data.channels.length,
    };
    for (const model of run.models) metrics[`personalization_share_${model}`] = hasPersonal ? personalization[model]! : null;
    const main = run.models.includes('markov') ? 'markov' : run.models[0]!;
    metrics.personalization_share = hasPersonal ? personalization[main]! : null;
    const m = run.markov;
    if (m) metrics.markov_conversion_probability = m.conversionProbability;
    const removal = m
      ? data.channels.map((channel, c) => ({
          channel,
          removal_effect: m.removalEffect[c]!,
          conversion_probability_without: m.withoutChannel[c]!,
          share: m.removalEffect[c]! / m.removalEffect.reduce((a, b) => a + b, 0),
        }))
      : [];
    const stateName = (s: 'start' | 'conversion' | 'null' | number[]) => (typeof s === 'string' ? s : s.map((c) => data.channels[c]!).join(' > '));
    // Named and sorted (start first, then by name), so the table does not depend on the order in
    // which an engine returned the paths.
    const rank = (name: string) => (name === 'start' ? '' : name);
    const transitions = (m?.transitions ?? [])
      .map((t) => ({ from: stateName(t.from), to: stateName(t.to), count: t.count, probability: t.probability }))
      .sort((a, b) => cmp(rank(a.from), rank(b.from)) || cmp(a.to, b.to));
    progress(1, 'done');
    return {
      metrics,
      tables: {
        credits: aq.from(rows),
        transitions: aq.table({
          from: transitions.map((t) => t.from),
          to: transitions.map((t) => t.to),
          count: transitions.map((t) => t.count),
          probability: transitions.map((t) => t.probability),
        }),
        removal_effects: aq.table({
          channel: removal.map((r) => r.channel),
          removal_effect: removal.map((r) => r.removal_effect),
          conversion_probability_without: removal.map((r) => r.conversion_probability_without),
          share: removal.map((r) => r.share),
        }).orderby(aq.desc('removal_effect')),
      },
      charts: [modelsChart(rows)],
      notes: attributionNotes({
        rows, models: run.models, markov: m, channels: data.channels, personalization, personalizedNamed: hasPersonal,
        conversions, journeys: Number(metrics.journeys), skipped: run.skipped,
      }),
    };
  },
});

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
