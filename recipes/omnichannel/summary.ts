import { wilson } from '../stats/wilson.js';
import type { Journey } from './journeys.js';

const distinct = (j: Journey) => new Set(j.touches.map((t) => t.channel)).size;

/**
 * A journey's personalized offers agree across channels when it has personalized touches on two
 * or more channels and all of them show the same offer; journeys with personalized touches on
 * fewer than two channels cannot disagree across channels and are not counted.
 *
 * @example
 * offerAgreement({ touches: [{ channel: 'email', personalized: true, offer: 'poetry' }, { channel: 'web', personalized: true, offer: 'poetry' }], converted: true }); // → true
 */
export function offerAgreement(j: Journey): boolean | null {
  const personal = j.touches.filter((t) => t.personalized && t.offer !== null);
  if (new Set(personal.map((t) => t.channel)).size < 2) return null;
  return new Set(personal.map((t) => t.offer)).size === 1;
}

const rate = (k: number, n: number, alpha: number) => {
  const [low, high] = n > 0 ? wilson(k, n, alpha) : [NaN, NaN];
  return { rate: n > 0 ? k / n : NaN, low, high, k, n };
};

/**
 * The omnichannel measures over journeys. Completion rate: converted journeys among those that
 * touched two or more distinct channels (denominator: multi-channel journeys, converted or not).
 * Consistency: share of multi-channel journeys with personalized touches on two or more channels
 * whose personalized offers all agree.
 *
 * @example
 * summarizeJourneys(data.journeys, 0.05).completion.rate;
 */
export function summarizeJourneys(journeys: readonly Journey[], alpha: number) {
  const multi = journeys.filter((j) => distinct(j) >= 2);
  const single = journeys.filter((j) => distinct(j) < 2);
  const conv = (list: Journey[]) => list.filter((j) => j.converted).length;
  const agreement = multi.map(offerAgreement).filter((a): a is boolean => a !== null);
  return {
    journeys: journeys.length,
    multichannel: multi.length,
    channelsPerJourney: journeys.reduce((s, j) => s + distinct(j), 0) / journeys.length,
    touchesPerJourney: journeys.reduce((s, j) => s + j.touches.length, 0) / journeys.length,
    completion: rate(conv(multi), multi.length, alpha),
    singleCompletion: rate(conv(single), single.length, alpha),
    consistency: rate(agreement.filter(Boolean).length, agreement.length, alpha),
  };
}

/**
 * Journeys by number of distinct channels, with their conversion rate.
 *
 * @example
 * depthTable(journeys); // → [{ channels: 1, journeys: 40, converted: 3, completion_rate: 0.075 }, …]
 */
export function depthTable(journeys: readonly Journey[]) {
  const by = new Map<number, { journeys: number; converted: number }>();
  for (const j of journeys) {
    const d = distinct(j);
    const e = by.get(d) ?? { journeys: 0, converted: 0 };
    e.journeys++;
    if (j.converted) e.converted++;
    by.set(d, e);
  }
  return [...by].sort((a, b) => a[0] - b[0]).map(([channels, e]) => ({ channels, journeys: e.journeys, converted: e.converted, completion_rate: e.converted / e.journeys }));
}
