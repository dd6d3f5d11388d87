import { calibrationDeciles, gainsTable, type CalibrationRow, type GainsRow } from '../ml/deciles.js';
import { permutationImportance, type ImportanceRow } from '../ml/importance.js';
import { accuracy, auc, brier, logLoss, prAuc } from '../ml/metrics.js';
import type { MetricValue } from '../types.js';
import { finiteOrNull } from '../format.js';

/**
 * Held-out scores of a churn model: discrimination (AUC, PR-AUC), probability quality (log loss,
 * Brier, calibration deciles), targeting value (gains) and what drives it (permutation
 * importance), next to the baseline rule's AUC.
 */

export interface Evaluation {
  metrics: Record<string, MetricValue>;
  calibration: CalibrationRow[];
  gains: GainsRow[];
  importance: ImportanceRow[];
}

/**
 * Metrics and tables over the evaluation rows.
 *
 * @example
 * const ev = evaluateChurn({ y, p, baseline, importance: { X, n, d, groups, names, predict }, seed: 42, repeats: 5 });
 */
export function evaluateChurn(input: {
  y: Float64Array;
  p: Float64Array;
  baseline?: Float64Array;
  pAlive?: Float64Array;
  importance: {
    X: Float32Array;
    n: number;
    d: number;
    groups: number[][];
    names: string[];
    predict: (X: Float32Array) => ArrayLike<number>;
  };
  seed: number;
  repeats: number;
  signal?: AbortSignal;
}): Evaluation {
  const { y, p, baseline } = input;
  let positives = 0;
  for (const v of y) positives += v;
  const baselineKnown = baseline ? Array.from(baseline).every(Number.isFinite) : false;
  const metrics: Record<string, MetricValue> = {
    n_test: y.length,
    churn_rate: positives / y.length,
    auc: finiteOrNull(auc(y, p)),
    pr_auc: finiteOrNull(prAuc(y, p)),
    log_loss: finiteOrNull(logLoss(y, p)),
    brier: finiteOrNull(brier(y, p)),
    accuracy: finiteOrNull(accuracy(y, p)),
    baseline_auc: baseline && baselineKnown ? finiteOrNull(auc(y, baseline)) : null,
  };
  if (input.pAlive && Array.from(input.pAlive).every(Number.isFinite))
    metrics.baseline_auc_p_alive = finiteOrNull(
      auc(
        y,
        input.pAlive.map((v) => 1 - v),
      ),
    );
  const importance =
    positives > 0 && positives < y.length
      ? permutationImportance({ ...input.importance, y, score: auc, repeats: input.repeats, seed: input.seed, signal: input.signal })
      : [];
  return { metrics, calibration: calibrationDeciles(y, p), gains: gainsTable(y, p), importance };
}
