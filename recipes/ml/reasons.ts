import { throwIfAborted } from '../errors.js';

/**
 * Per-customer reasons: each feature's push on the predicted log-odds, measured as the change
 * when that feature is set to the training average (0 after standardization) — "what if this
 * customer were average in this respect". For a logistic model this is exactly wᵀz over the
 * feature's columns; for an MLP it is the same occlusion question, answered by the network.
 */

export interface ReasonInput {
  X: Float32Array;
  n: number;
  d: number;
  groups: number[][];
  /** Display text of feature g for row i, e.g. `contract=Month-to-month`. */
  describe: (g: number, row: number) => string;
  predict: (X: Float32Array) => ArrayLike<number>;
  /** Reasons per row (default 3). */
  top?: number;
  signal?: AbortSignal;
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(q / (1 - q));
}

/**
 * For each row, up to `top` features that raise the predicted probability most, as
 * `feature=value (+0.84)` with the log-odds contribution; rows get '' where fewer features push up.
 *
 * @example
 * topReasons({ X, n, d, groups, describe: (g, i) => `${names[g]}=${raw[g][i]}`, predict }); // → [['contract=Month-to-month (+0.84)', …], …]
 */
export function topReasons(input: ReasonInput): string[][] {
  const { X, n, d, groups, describe, predict } = input;
  const top = input.top ?? 3;
  const base = predict(X);
  const push = groups.map((columns) => {
    throwIfAborted(input.signal);
    const Z = X.slice();
    for (let i = 0; i < n; i++) for (const c of columns) Z[i * d + c] = 0;
    const p = predict(Z);
    return Float64Array.from({ length: n }, (_, i) => logit(base[i]) - logit(p[i]));
  });
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const ranked = groups
      .map((_, g) => g)
      .filter((g) => push[g][i] > 0.005)
      .sort((a, b) => push[b][i] - push[a][i])
      .slice(0, top);
    const reasons = ranked.map((g) => `${describe(g, i)} (+${push[g][i].toFixed(2)})`);
    while (reasons.length < top) reasons.push('');
    out.push(reasons);
  }
  return out;
}
