import { emptyCredit, type Credit } from './credit.js';
import type { Journey } from './journeys.js';

/** The rule-based models that need only paths (time decay is weighed in SQL, see aggregate.ts). */
export type Heuristic = 'first' | 'last' | 'linear' | 'position';

/**
 * The weight of each touch of a path under a rule-based model; the weights sum to 1.
 * position: 40% first, 40% last, 20% shared by the middle; two touches 50/50; one touch 100%.
 *
 * @example
 * touchWeights('position', { touches: [0, 1, 2, 3], conversions: 1, value: 0, nulls: 0 }); // → [0.4, 0.1, 0.1, 0.4]
 */
export function touchWeights(model: Heuristic, j: Journey): number[] {
  const n = j.touches.length;
  const w = new Array<number>(n).fill(0);
  if (model === 'first') w[0] = 1;
  else if (model === 'last') w[n - 1] = 1;
  else if (model === 'linear') w.fill(1 / n);
  else if (n === 1) w[0] = 1;
  else if (n === 2) w.fill(0.5);
  else {
    w.fill(0.2 / (n - 2));
    w[0] = 0.4;
    w[n - 1] = 0.4;
  }
  return w;
}

/**
 * Credits conversions and value to channels touch by touch (a channel touched twice is credited
 * twice, as ChannelAttribution's linear model does).
 *
 * @example
 * heuristicCredit('last', journeys, 2).conversions;
 */
export function heuristicCredit(model: Heuristic, journeys: readonly Journey[], channels: number, personal?: (j: Journey, touch: number) => boolean): Credit {
  const credit = emptyCredit(channels);
  for (const j of journeys) {
    if (j.conversions === 0 && j.value === 0) continue;
    const w = touchWeights(model, j);
    for (let i = 0; i < w.length; i++) {
      if (w[i] === 0) continue;
      const c = j.touches[i]!;
      credit.conversions[c]! += j.conversions * w[i]!;
      credit.value[c]! += j.value * w[i]!;
      if (personal?.(j, i)) credit.personalized += j.conversions * w[i]!;
    }
  }
  return credit;
}
