import { describe, expect, it } from 'vitest';
import { forward } from './network.js';
import { createRng } from './rng.js';
import { trainInThread } from './train.js';
import type { TrainSpec } from './train-loop.js';

// A logistic data set with known structure: y ~ Bernoulli(σ(0.5 + 1.2·x₁ − 0.8·x₂)).
function logisticData(n: number, seed: number) {
  const rng = createRng(seed);
  const X = new Float32Array(n * 2);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng() * 2 - 1;
    const b = rng() * 2 - 1;
    X[2 * i] = a;
    X[2 * i + 1] = b;
    y[i] = rng() < 1 / (1 + Math.exp(-(0.5 + 1.2 * a * 1.7 - 0.8 * b * 1.7))) ? 1 : 0;
  }
  return { X, y, n, d: 2 };
}

// Independent maximum-likelihood fit: Newton–Raphson (IRLS) on [1, x₁, x₂].
function irls(X: Float32Array, y: Float32Array, n: number): number[] {
  let beta = [0, 0, 0];
  for (let iter = 0; iter < 50; iter++) {
    const g = [0, 0, 0];
    const H = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    for (let i = 0; i < n; i++) {
      const row = [1, X[2 * i], X[2 * i + 1]];
      const p = 1 / (1 + Math.exp(-(beta[0] + beta[1] * row[1] + beta[2] * row[2])));
      for (let a = 0; a < 3; a++) {
        g[a] += (y[i] - p) * row[a];
        for (let b = 0; b < 3; b++) H[a][b] += p * (1 - p) * row[a] * row[b];
      }
    }
    beta = beta.map((v, a) => v + solve3(H, g)[a]);
  }
  return beta;
}

function solve3(A: number[][], b: number[]): number[] {
  const det = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const d = det(A);
  return [0, 1, 2].map((k) => det(A.map((row, i) => row.map((v, j) => (j === k ? b[i] : v)))) / d);
}

const spec: TrainSpec = { hidden: [], loss: 'logistic', epochs: 300, batchSize: 0, learningRate: 0.1, l2: 0, seed: 7 };

describe('trainInThread (tfjs in the calling thread, the default trainer)', () => {
  const data = logisticData(2000, 11);

  it('a logistic network converges to the maximum-likelihood coefficients (IRLS)', async () => {
    const epochs: string[] = [];
    const { network, backend, losses } = await trainInThread(data, spec, { progress: (_f, label) => epochs.push(label ?? '') });
    const [layer] = network.layers;
    const mle = irls(data.X, data.y, data.n);
    expect(backend).toMatch(/wasm|tensorflow/);
    expect(layer.bias[0]).toBeCloseTo(mle[0], 2);
    expect(layer.kernel[0]).toBeCloseTo(mle[1], 2);
    expect(layer.kernel[1]).toBeCloseTo(mle[2], 2);
    expect(epochs).toHaveLength(300);
    expect(epochs[299]).toBe('training: epoch 300/300');
    expect(losses[299]).toBeLessThan(losses[0]);
  });

  it('the same seed gives the same weights; another seed other weights (mini-batch MLP)', async () => {
    const mlp: TrainSpec = { ...spec, hidden: [8], epochs: 3, batchSize: 128, learningRate: 0.01, l2: 1e-4 };
    const a = await trainInThread(data, mlp);
    const b = await trainInThread(data, mlp);
    const c = await trainInThread(data, { ...mlp, seed: 8 });
    expect(a.network).toEqual(b.network);
    expect(a.network.layers[0].kernel).not.toEqual(c.network.layers[0].kernel);
    const p = forward(a.network, data.X, data.n);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const run = trainInThread(data, { ...spec, epochs: 100_000 }, {
      signal: controller.signal,
      progress: (f) => f > 0.0001 && controller.abort(),
    });
    await expect(run).rejects.toThrow(/cancelled/);
    // The trainer is usable again after a cancel.
    await expect(trainInThread(data, { ...spec, epochs: 2 })).resolves.toHaveProperty('network');
  });
});
