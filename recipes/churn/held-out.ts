import type { ChurnData } from './dataset.js';
import { evaluateChurn, type Evaluation } from './evaluate.js';
import { gatherRows, type Scored } from './scoring.js';

/**
 * The evaluation on `rows` (the test rows, or every row when scoring labelled data with a saved
 * model), or undefined without labels or rows.
 *
 * @example
 * heldOutEvaluation(scored, data, fitted.split.test, { seed: 42, importance_repeats: 5 }, signal);
 */
export function heldOutEvaluation(
  s: Scored,
  data: ChurnData,
  rows: ArrayLike<number>,
  p: { seed: number; importance_repeats: number },
  signal: AbortSignal,
): Evaluation | undefined {
  if (!data.y || !rows.length) return undefined;
  return evaluateChurn({
    y: Float64Array.from(rows, (i) => data.y![i]!),
    p: Float64Array.from(rows, (i) => s.p[i]!),
    baseline: data.baseline ? Float64Array.from(rows, (i) => data.baseline![i]!) : undefined,
    pAlive: data.pAlive ? Float64Array.from(rows, (i) => data.pAlive![i]!) : undefined,
    importance: { X: gatherRows(s.X, s.d, rows), n: rows.length, d: s.d, groups: s.groups, names: s.names, predict: s.predict },
    seed: p.seed,
    repeats: p.importance_repeats,
    signal,
  });
}
