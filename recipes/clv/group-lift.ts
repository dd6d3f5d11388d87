import { RecipeInputError } from '../errors.js';
import { clvByGroup, type GroupRow, type LiftRow } from './groups.js';
import type { CustomerScores } from './score.js';

/**
 * CLV by group and lift against the control of the customers' groups, after checking that a
 * named control is one of them.
 *
 * @example
 * groupLift(data.groups, scores, { control: 'control', group: 'variant', alpha: 0.05 });
 */
export function groupLift(groups: string[], scores: CustomerScores, p: { control?: string; group?: string; alpha: number }): { groups: GroupRow[]; lifts: LiftRow[] } {
  const known = new Set(groups);
  if (p.control !== undefined && !known.has(p.control)) {
    throw new RecipeInputError(`parameter "control" is "${p.control}", but the group column ${p.group} has ${[...known].map((g) => `"${g}"`).join(', ')}.`);
  }
  return clvByGroup(groups, scores.clv, scores.pAlive, scores.expected, p.control, p.alpha);
}
