import { RecipeInputError, isInputError } from '../errors.js';
import { compare, type CompareOptions, type Comparison } from './compare.js';
import type { MetricStats } from './moments.js';

/**
 * Helpers for recipes that compare every variant with a control arm, per metric and per stratum
 * (segment, context value, time window), using `compare` from the lift statistics.
 */

/**
 * The control arm, as `lift` chooses it: the one named, else the variant called "control" (any
 * case), else the first variant in natural sort order. Throws when the named control is absent or
 * there is only one variant.
 *
 * @example
 * resolveControl(['personalized', 'control'], undefined, 'units', 'variant'); // → 'control'
 */
export function resolveControl(variants: readonly string[], control: string | undefined, input: string, column: string): string {
  const sorted = [...new Set(variants)].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  if (sorted.length < 2) {
    throw new RecipeInputError(
      `${input}.${column} (the variant column) has only ${sorted.length === 1 ? `one value, "${sorted[0]}"` : 'no values'}; a comparison needs a control and at least one other variant. Point "variant" at the column that holds the experiment arm.`,
    );
  }
  if (control !== undefined) {
    if (!sorted.includes(control)) {
      throw new RecipeInputError(`control "${control}" is not a value of ${input}.${column}; its values are ${sorted.map((v) => `"${v}"`).join(', ')}. Set --param control=<one of them>.`);
    }
    return control;
  }
  return sorted.find((v) => v.toLowerCase() === 'control') ?? sorted[0]!;
}

/** A comparison, or why there is none (an arm too small, no variation, …). */
export type Attempt = { ok: true; value: Comparison } | { ok: false; reason: string };

/**
 * `compare` that turns a user-fixable problem in one stratum into a reason instead of failing the
 * whole recipe: a tiny segment should be reported as "too small", not stop the analysis.
 *
 * @example
 * tryCompare(meanStats([1], 'mean'), meanStats([2, 3], 'mean')); // → { ok: false, reason: 'Each arm needs at least 2 units …' }
 */
export function tryCompare(control: MetricStats, treatment: MetricStats, options: CompareOptions = {}): Attempt {
  try {
    return { ok: true, value: compare(control, treatment, options) };
  } catch (error) {
    if (isInputError(error)) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * The indices of the rows of each group, groups in first-seen order.
 *
 * @example
 * groupIndices(['a', 'b', 'a']); // → Map { 'a' => [0, 2], 'b' => [1] }
 */
export function groupIndices(keys: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  });
  return groups;
}

/**
 * The values at the given indices.
 *
 * @example
 * pick(new Float64Array([5, 6, 7]), [0, 2]); // → Float64Array [5, 7]
 */
export function pick(values: ArrayLike<number>, indices: readonly number[]): Float64Array {
  const out = new Float64Array(indices.length);
  indices.forEach((idx, i) => (out[i] = values[idx]!));
  return out;
}
