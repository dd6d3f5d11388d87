import { emptyCredit, type Credit } from './credit.js';
import type { Journey } from './journeys.js';

/**
 * Shapley values of the game v(S) = conversions (or value) of the journeys whose set of channels
 * is a subset of S. That v is a sum of unanimity games, one per journey with weight its
 * conversions, and the Shapley value of the unanimity game on a set T gives 1/|T| to each member;
 * by linearity each journey's conversions are split equally among its distinct channels. This is
 * the exact Shapley value (no sampling, any number of channels); the subset-sum definition is
 * checked against it in the tests.
 *
 * @example
 * shapleyCredit([{ touches: [0, 0, 1], conversions: 2, value: 10, nulls: 0 }], 2).conversions; // → [1, 1]
 */
export function shapleyCredit(journeys: readonly Journey[], channels: number): Credit {
  const credit = emptyCredit(channels);
  for (const j of journeys) {
    if (j.conversions === 0 && j.value === 0) continue;
    const set = [...new Set(j.touches)];
    for (const c of set) {
      credit.conversions[c]! += j.conversions / set.length;
      credit.value[c]! += j.value / set.length;
    }
  }
  return credit;
}
