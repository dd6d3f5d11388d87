import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import type { MetricValue } from '../types.js';
import { omnichannelParams } from './params.js';
import { readJourneys } from './journeys.js';
import { depthTable, summarizeJourneys } from './summary.js';
import { handoffMatrix } from './handoffs.js';
import { depthChart, handoffChart } from './charts.js';
import { omnichannelNotes } from './notes.js';
import { finiteOrNull } from '../format.js';
import { roles } from '../column.js';

/**
 * Omnichannel journeys: how many channels a journey crosses, how often multi-channel journeys
 * convert, whether personalized offers agree across channels, and where journeys hand off.
 *
 * @example
 * await runRecipe(omnichannel, { inputs: { touchpoints }, params: { channels: ['email', 'recommendation', 'search'] } });
 */
export const omnichannel = defineRecipe({
  id: 'omnichannel',
  title: 'Omnichannel: do journeys across channels hold together?',
  description:
    'From one row per touch: channels per journey, journey completion rate (multi-channel journeys that convert, over all multi-channel journeys), consistency of personalized offers across channels, and the channel hand-off matrix with a heat map.',
  inputs: [
    {
      name: 'touchpoints',
      description:
        'one row per touch: journey_id, timestamp, channel, optional personalized (0/1), offer or category, converted (0/1 for the journey)',
      roles: roles(omnichannelParams, ['journey', 'timestamp', 'channel', 'personalized', 'offer', 'converted']),
    },
  ],
  params: omnichannelParams,
  async run({ inputs, params: p, progress }) {
    const data = readJourneys(inputs.touchpoints!, p);
    progress(0.5, 'summarizing journeys');
    const s = summarizeJourneys(data.journeys, p.alpha);
    const handoffs = handoffMatrix(data.journeys);
    const depth = depthTable(data.journeys);
    const pairs = handoffs.reduce((t, h) => t + h.count, 0);
    const metrics: Record<string, MetricValue> = {
      journeys: s.journeys,
      multichannel_journeys: s.multichannel,
      channels_per_journey: s.channelsPerJourney,
      touches_per_journey: s.touchesPerJourney,
      journey_completion_rate: data.hasConverted ? finiteOrNull(s.completion.rate) : null,
      journey_completion_rate_ci_low: data.hasConverted ? finiteOrNull(s.completion.low) : null,
      journey_completion_rate_ci_high: data.hasConverted ? finiteOrNull(s.completion.high) : null,
      single_channel_completion_rate: data.hasConverted ? finiteOrNull(s.singleCompletion.rate) : null,
      consistency_score: finiteOrNull(s.consistency.rate),
      consistency_score_ci_low: finiteOrNull(s.consistency.low),
      consistency_score_ci_high: finiteOrNull(s.consistency.high),
      consistency_journeys: s.consistency.n,
      channel_switch_rate: pairs ? handoffs.filter((h) => h.from !== h.to).reduce((t, h) => t + h.count, 0) / pairs : null,
    };
    const charts = [handoffChart(handoffs)];
    if (data.hasConverted) charts.push(depthChart(depth));
    progress(1, 'done');
    return {
      metrics,
      tables: { handoffs: aq.from(handoffs), channels_per_journey: aq.from(depth) },
      charts,
      notes: omnichannelNotes(s, handoffs, data, p.min_journeys),
    };
  },
});
