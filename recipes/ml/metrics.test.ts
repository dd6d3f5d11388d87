import { describe, expect, it } from 'vitest';
import { accuracy, auc, brier, logLoss, prAuc } from './metrics.js';
import { createRng } from './rng.js';

// Independent AUC: count every (positive, negative) pair, ties as ½ (Mann–Whitney).
function pairAuc(y: number[], s: number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++) {
    for (let j = 0; j < y.length; j++) {
      if (y[i] === 1 && y[j] === 0) {
        pairs++;
        wins += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
      }
    }
  }
  return wins / pairs;
}

describe('classification metrics', () => {
  it('match scikit-learn documentation examples', () => {
    // sklearn.metrics.roc_auc_score / average_precision_score docstrings.
    expect(auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 12);
    expect(prAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333333, 9);
    // log_loss(["spam","ham","ham","spam"], [[.1,.9],[.9,.1],[.8,.2],[.35,.65]]) = 0.21616…
    expect(logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65])).toBeCloseTo(0.21616187468057912, 12);
    // brier_score_loss([0,1,1,0], [0.1,0.9,0.8,0.3]) = 0.0375
    expect(brier([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])).toBeCloseTo(0.0375, 12);
    expect(accuracy([1, 0, 1, 0], [0.9, 0.6, 0.5, 0.1])).toBe(0.75);
  });

  it('AUC equals Mann–Whitney pair counting, ties included', () => {
    const rng = createRng(3);
    const y = Array.from({ length: 60 }, () => (rng() < 0.4 ? 1 : 0));
    const s = y.map((v) => Math.round((rng() + 0.3 * v) * 10) / 10); // rounded: many ties
    expect(auc(y, s)).toBeCloseTo(pairAuc(y, s), 12);
  });

  it('average precision by hand with tied scores', () => {
    // thresholds: 0.9 → (tp 1, seen 1): R .5 P 1; 0.5 (two rows, one positive) → R 1, P 2/3.
    expect(prAuc([1, 1, 0, 0], [0.9, 0.5, 0.5, 0.1])).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 12);
  });

  it('AUC is NaN with a single class', () => {
    expect(auc([1, 1], [0.2, 0.3])).toBeNaN();
  });
});
