import { describe, expect, it } from 'vitest';
import { auc } from './metrics.js';
import { forward, type Network } from './network.js';
import { permutationImportance } from './importance.js';
import { topReasons } from './reasons.js';
import { createRng } from './rng.js';

// Logistic model over 3 encoded columns: x0 (a numeric feature), x1+x2 (a two-level category).
const net: Network = { layers: [{ inputs: 3, units: 1, kernel: [1.5, 0.8, -0.8], bias: [-0.2], activation: 'sigmoid' }] };
const predict = (X: Float32Array) => forward(net, X, X.length / 3);
const groups = [[0], [1, 2]];

describe('permutation importance', () => {
  const rng = createRng(4);
  const n = 400;
  const X = new Float32Array(n * 3);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    X[3 * i] = rng() * 2 - 1;
    const level = rng() < 0.5 ? 1 : 0;
    X[3 * i + 1] = level ? 1 : -1;
    X[3 * i + 2] = level ? -1 : 1;
    y[i] = rng() < 1 / (1 + Math.exp(-(3 * X[3 * i]))) ? 1 : 0; // only x0 matters for the truth
  }

  it('a feature the model ignores scores exactly 0; the one that drives the outcome scores most', () => {
    const zeroed: Network = { layers: [{ ...net.layers[0], kernel: [1.5, 0, 0] }] };
    const rows = permutationImportance({ X, n, d: 3, y, groups, names: ['x', 'plan'], predict: (M) => forward(zeroed, M, n), score: auc, repeats: 3, seed: 1 });
    expect(rows.map((r) => r.feature)).toEqual(['x', 'plan']);
    expect(rows[1].importance).toBe(0);
    expect(rows[1].sd).toBe(0);
    expect(rows[0].importance).toBeGreaterThan(0.2);
  });

  it('matches a hand-rolled shuffle of the same permutation stream', () => {
    const [row] = permutationImportance({ X, n, d: 3, y, groups: [[0]], names: ['x'], predict, score: auc, repeats: 1, seed: 9 });
    // Independent: shuffle column 0 with the same seeded Fisher–Yates and rescore.
    const r = createRng(9);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const S = X.slice();
    for (let i = 0; i < n; i++) S[3 * i] = X[3 * order[i]];
    expect(row.importance).toBeCloseTo(auc(y, predict(X)) - auc(y, predict(S)), 12);
  });
});

describe('top reasons', () => {
  it('for a logistic model each reason is wᵀz over the feature’s columns', () => {
    const X = Float32Array.of(2, 1, -1, -1, -1, 1);
    const reasons = topReasons({ X, n: 2, d: 3, groups, predict, describe: (g, i) => `${['x', 'plan'][g]}#${i}`, top: 2 });
    // Row 0: x pushes 1.5·2 = 3.00, plan pushes 0.8·1 − 0.8·(−1) = 1.60.
    expect(reasons[0]).toEqual(['x#0 (+3.00)', 'plan#0 (+1.60)']);
    // Row 1: x pushes −1.5 (down, so not a reason), plan −1.6: no reasons.
    expect(reasons[1]).toEqual(['', '']);
  });
});
