import { encode } from '../ml/encoder.js';
import { forward } from '../ml/network.js';
import type { SavedModel } from '../ml/saved-model.js';
import type { ChurnData } from './dataset.js';

/** Every customer's encoded features and churn probability, and what explaining them needs. */
export interface Scored {
  X: Float32Array;
  /** Encoded columns per row. */
  d: number;
  p: Float64Array;
  predict: (M: Float32Array) => Float64Array;
  /** The encoded columns of each feature. */
  groups: number[][];
  names: string[];
}

/**
 * Scores every row of the data with the saved model.
 *
 * @example
 * scoreAll(saved, data).p[0]; // → the first customer's churn probability
 */
export function scoreAll(saved: SavedModel, data: ChurnData): Scored {
  const d = saved.encoder.columns.length;
  const X = encode(saved.encoder, data.columns);
  const predict = (M: Float32Array) => forward(saved.network, M, M.length / d);
  const groups = saved.encoder.features.map((_, g) => saved.encoder.columns.flatMap((c, j) => (c.feature === g ? [j] : [])));
  return { X, d, p: predict(X), predict, groups, names: saved.encoder.features.map((f) => f.name) };
}

/**
 * The rows `rows` of a row-major matrix with `d` columns.
 *
 * @example
 * gatherRows(Float32Array.of(1, 2, 3, 4), 2, [1]); // → Float32Array [3, 4]
 */
export function gatherRows(X: Float32Array, d: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * d);
  for (let k = 0; k < rows.length; k++) out.set(X.subarray(rows[k]! * d, rows[k]! * d + d), k * d);
  return out;
}
