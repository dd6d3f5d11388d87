import { RecipeInputError } from '../errors.js';
import { compareGroups, type GroupComparison } from './compare-groups.js';
import type { Responses } from './responses.js';

/**
 * The control group (the named one, else a group called "control" in any case) and every other
 * group compared with it; no control with fewer than two groups or none to find.
 *
 * @example
 * compareWithControl(responses, groups, { alpha: 0.05, csat_scale: 5 }).control; // → 'control'
 */
export function compareWithControl(
  r: Responses,
  groups: Map<string, number[]>,
  p: { control?: string | undefined; alpha: number; csat_scale: number },
): { control: string | null; rows: GroupComparison[] | null; skipped: string[] } {
  if (groups.size < 2) return { control: null, rows: null, skipped: [] };
  if (p.control !== undefined && !groups.has(p.control)) {
    throw new RecipeInputError(`control "${p.control}" is not a value of the group column; its values are ${[...groups.keys()].map((g) => `"${g}"`).join(', ')}.`);
  }
  const control = p.control ?? [...groups.keys()].find((g) => g.toLowerCase() === 'control') ?? null;
  if (!control) return { control: null, rows: null, skipped: [] };
  const cmp = compareGroups(r, groups, control, p.alpha, p.csat_scale);
  return { control, rows: cmp.rows, skipped: cmp.skipped };
}
