import { RecipeInputError, throwIfAborted } from '../errors.js';
import { emptyCredit, type Credit } from './credit.js';
import { heuristicCredit } from './heuristics.js';
import { markovRemovalEffects, type MarkovResult } from './markov.js';
import { shapleyCredit } from './shapley.js';
import type { Journey, Journeys } from './journeys.js';
import type { AttributionParams, Model } from './params.js';
import type { Progress } from '../types.js';

export interface ModelRun {
  credits: Map<Model, Credit>;
  markov: MarkovResult | null;
  models: Model[];
  skipped: string[];
}

/**
 * Each channel's share of personalized touches among the touches of converting journeys,
 * weighted by conversions: how the channel-level models (Markov, Shapley) split a channel's
 * credit between personalized and other touches.
 */
function personalizedFraction(data: Journeys, isPersonal: (j: Journey, i: number) => boolean): Float64Array {
  const all = new Float64Array(data.channels.length);
  const personal = new Float64Array(data.channels.length);
  for (const j of data.journeys) {
    if (j.conversions === 0) continue;
    j.touches.forEach((c, i) => {
      all[c]! += j.conversions;
      if (isPersonal(j, i)) personal[c]! += j.conversions;
    });
  }
  return all.map((a, c) => (a > 0 ? personal[c]! / a : 0));
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/**
 * Runs the requested models over the journeys.
 *
 * @example
 * runModels(readPaths(paths, p), p, ['first', 'markov'], () => {}, signal).credits.get('markov');
 */
export function runModels(data: Journeys, p: AttributionParams, requested: readonly Model[], progress: Progress, signal: AbortSignal): ModelRun {
  const named = new Set(p.personalized_channels);
  const isPersonal = (j: Journey, i: number) => (j.personalized ? j.personalized[i]! : named.has(data.channels[j.touches[i]!]!));
  const n = data.channels.length;
  const skipped: string[] = [];
  const models = requested.filter((m) => {
    if (m !== 'time_decay' || data.timeDecay) return true;
    skipped.push('time_decay needs touch timestamps, which aggregated paths do not have; it was left out.');
    return false;
  });
  const totalConv = data.journeys.reduce((s, j) => s + j.conversions, 0);
  const totalValue = data.journeys.reduce((s, j) => s + j.value, 0);
  if (totalConv === 0) throw new RecipeInputError('There are no conversions to attribute: every journey has converted = 0 (or every path 0 conversions). Check the "converted"/"conversions" column.');
  const fraction = personalizedFraction(data, isPersonal);
  const credits = new Map<Model, Credit>();
  let markov: MarkovResult | null = null;
  models.forEach((m, k) => {
    throwIfAborted(signal);
    progress(k / models.length, `${m} model`);
    if (m === 'markov') {
      markov = markovRemovalEffects(data.journeys, n, p.order, signal);
      const sum = markov.removalEffect.reduce((a, b) => a + b, 0);
      const credit = emptyCredit(n);
      markov.removalEffect.forEach((re, c) => {
        credit.conversions[c] = sum > 0 ? (totalConv * re) / sum : 0;
        credit.value[c] = sum > 0 ? (totalValue * re) / sum : 0;
      });
      credit.personalized = dot(credit.conversions, fraction);
      credits.set(m, credit);
    } else if (m === 'shapley') {
      const credit = shapleyCredit(data.journeys, n);
      credit.personalized = dot(credit.conversions, fraction);
      credits.set(m, credit);
    } else if (m === 'time_decay') credits.set(m, data.timeDecay!);
    else credits.set(m, heuristicCredit(m, data.journeys, n, isPersonal));
  });
  return { credits, markov, models, skipped };
}
