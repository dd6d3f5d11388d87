import { describe, expect, it } from 'vitest';
import { createRng } from '../../recipes/ml/rng.js';
import type { TrainSpec } from '../../recipes/ml/train-loop.js';
import { trainInThread } from '../../recipes/ml/train.js';
import { trainOnThread } from './train-thread.js';

function data(n: number, seed: number) {
  const rng = createRng(seed);
  const X = Float32Array.from({ length: n * 2 }, () => rng() * 2 - 1);
  const y = Float32Array.from({ length: n }, (_, i) => (X[2 * i] - X[2 * i + 1] + rng() - 0.5 > 0 ? 1 : 0));
  return { X, y, n, d: 2 };
}

const spec: TrainSpec = { hidden: [], loss: 'logistic', epochs: 20, batchSize: 0, learningRate: 0.1, l2: 0, seed: 7 };

describe('trainOnThread (the runner trains on a worker thread)', () => {
  const set = data(1000, 3);

  it('gives the same weights as training in the calling thread, with progress per epoch', async () => {
    const labels: string[] = [];
    const a = await trainOnThread(set, spec, { label: 'model', progress: (_f, label) => labels.push(label ?? '') });
    const b = await trainInThread(set, spec);
    a.network.layers[0].kernel.forEach((v, i) => expect(b.network.layers[0].kernel[i]).toBeCloseTo(v, 5));
    expect(labels).toHaveLength(20);
    expect(labels[19]).toBe('model: epoch 20/20');
  });

  it('a cancel terminates the thread mid-training, and the next job starts a new one', async () => {
    const controller = new AbortController();
    const run = trainOnThread(set, { ...spec, epochs: 100_000 }, { signal: controller.signal, progress: (f) => f > 0.0001 && controller.abort() });
    await expect(run).rejects.toThrow(/cancelled/);
    await expect(trainOnThread(set, { ...spec, epochs: 2 })).resolves.toHaveProperty('network');
  });
});
