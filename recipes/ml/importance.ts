import { throwIfAborted } from '../errors.js';
import { createRng, permutation } from './rng.js';
import type { Rng } from './rng.js';

/**
 * Permutation importance (Breiman 2001; scikit-learn's permutation_importance): how much a
 * score drops when one feature's values are shuffled across rows, breaking its link to the
 * outcome. A categorical feature's one-hot columns are shuffled together, as one feature.
 */

export interface ImportanceInput {
  /** Row-major n × d encoded features (left unchanged). */
  X: Float32Array;
  n: number;
  d: number;
  y: ArrayLike<number>;
  /** Encoded column indices of each feature. */
  groups: number[][];
  names: string[];
  predict: (X: Float32Array) => ArrayLike<number>;
  /** Higher is better, e.g. AUC. */
  score: (y: ArrayLike<number>, p: ArrayLike<number>) => number;
  repeats?: number;
  seed?: number;
  /** Checked between features: on a large table this is seconds of work. */
  signal?: AbortSignal;
}

export interface ImportanceRow {
  feature: string;
  importance: number;
  sd: number;
}

function shuffledCopy(X: Float32Array, n: number, d: number, columns: number[], rng: Rng): Float32Array {
  const out = X.slice();
  const order = permutation(n, rng);
  for (let i = 0; i < n; i++) {
    for (const c of columns) out[i * d + c] = X[order[i] * d + c];
  }
  return out;
}

/**
 * Mean and sd of the score drop per feature over `repeats` seeded shuffles, largest first.
 *
 * @example
 * permutationImportance({ X, n, d, y, groups: [[0], [1, 2]], names: ['tenure', 'contract'], predict, score: auc });
 */
export function permutationImportance(input: ImportanceInput): ImportanceRow[] {
  const { X, n, d, y, groups, names, predict, score } = input;
  const repeats = input.repeats ?? 5;
  const rng = createRng(input.seed ?? 0);
  const base = score(y, predict(X));
  const rows = groups.map((columns, g) => {
    throwIfAborted(input.signal);
    const drops: number[] = [];
    for (let r = 0; r < repeats; r++) drops.push(base - score(y, predict(shuffledCopy(X, n, d, columns, rng))));
    const mean = drops.reduce((s, v) => s + v, 0) / repeats;
    const sd = repeats > 1 ? Math.sqrt(drops.reduce((s, v) => s + (v - mean) ** 2, 0) / (repeats - 1)) : 0;
    return { feature: names[g], importance: mean, sd };
  });
  return rows.sort((a, b) => b.importance - a.importance);
}
