import type { Tf } from './backend.js';
import type { DenseLayer, Network } from './network.js';
import { createRng, permutation, type Rng } from './rng.js';

/**
 * The training loop itself, run on whatever thread holds TensorFlow.js: a dense network
 * (no hidden layer = logistic or linear regression) fitted with Adam on mini-batches. Everything
 * random (initial weights, batch order) comes from the seed, and tfjs's own RNG is never used,
 * so one seed gives one model.
 */

export interface TrainSpec {
  /** Hidden layer sizes (ReLU); [] fits a generalized linear model. */
  hidden: number[];
  /** `logistic`: sigmoid cross-entropy on 0/1 targets; `l1`: mean absolute error; `l2`: squared error. */
  loss: 'logistic' | 'l1' | 'l2';
  epochs: number;
  /** Rows per step; 0 = the whole training set (full batch). */
  batchSize: number;
  learningRate: number;
  /** Weight decay on kernels: l2 · Σw² added to the mean loss. */
  l2: number;
  seed: number;
}

export interface TrainData {
  /** Row-major n × d features. */
  X: Float32Array;
  y: Float32Array;
  n: number;
  d: number;
}

export interface TrainReport {
  network: Network;
  backend: string;
  losses: number[];
  epochMs: number[];
}

/** Called after each epoch; returning true stops training (cancel). */
export type EpochCallback = (epoch: number, epochs: number, loss: number) => boolean | void;

function glorot(inputs: number, units: number, rng: Rng): Float32Array {
  const limit = Math.sqrt(6 / (inputs + units));
  const w = new Float32Array(inputs * units);
  for (let i = 0; i < w.length; i++) w[i] = (2 * rng() - 1) * limit;
  return w;
}

/**
 * Trains a network and returns its weights as JSON plus the loss per epoch.
 *
 * @example
 * const { tf } = await loadTf();
 * const report = await trainLoop(tf, { X, y, n, d }, { hidden: [], loss: 'logistic', epochs: 100, batchSize: 0, learningRate: 0.05, l2: 1e-4, seed: 1 });
 */
export async function trainLoop(tf: Tf, data: TrainData, spec: TrainSpec, onEpoch: EpochCallback = () => {}): Promise<TrainReport> {
  const rng = createRng(spec.seed);
  const sizes = [data.d, ...spec.hidden, 1];
  const kernels = sizes.slice(1).map((units, l) => tf.variable(tf.tensor2d(glorot(sizes[l], units, rng), [sizes[l], units])));
  const biases = sizes.slice(1).map((units) => tf.variable(tf.zeros([units])));
  const X = tf.tensor2d(data.X, [data.n, data.d]);
  const y = tf.tensor2d(data.y, [data.n, 1]);
  const optimizer = tf.train.adam(spec.learningRate);
  const batch = spec.batchSize > 0 && spec.batchSize < data.n ? spec.batchSize : data.n;

  const logits = (x: import('@tensorflow/tfjs').Tensor2D) => {
    let h = x;
    kernels.forEach((w, l) => {
      h = tf.add(tf.matMul(h, w), biases[l]);
      if (l < kernels.length - 1) h = tf.relu(h);
    });
    return h;
  };
  const lossOf = (x: import('@tensorflow/tfjs').Tensor2D, t: import('@tensorflow/tfjs').Tensor2D) => {
    const z = logits(x);
    const base =
      spec.loss === 'logistic' ? tf.losses.sigmoidCrossEntropy(t, z) : spec.loss === 'l1' ? tf.mean(tf.abs(tf.sub(z, t))) : tf.mean(tf.square(tf.sub(z, t)));
    if (!spec.l2) return base as import('@tensorflow/tfjs').Scalar;
    const decay = kernels.reduce((s, w) => tf.add(s, tf.sum(tf.square(w))), tf.scalar(0));
    return tf.add(base, tf.mul(decay, spec.l2)) as import('@tensorflow/tfjs').Scalar;
  };

  const losses: number[] = [];
  const epochMs: number[] = [];
  let lastYield = performance.now();
  try {
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      const started = performance.now();
      let total = tf.scalar(0);
      if (batch === data.n) {
        const cost = optimizer.minimize(() => lossOf(X, y), true);
        if (cost) total = tf.keep(cost);
      } else {
        const order = permutation(data.n, rng);
        const steps = Math.ceil(data.n / batch);
        for (let s = 0; s < steps; s++) {
          const idx = tf.tensor1d(order.subarray(s * batch, Math.min(data.n, (s + 1) * batch)), 'int32');
          const cost = optimizer.minimize(() => lossOf(tf.gather(X, idx), tf.gather(y, idx)), true);
          idx.dispose();
          if (cost) {
            const next = tf.add(total, tf.div(cost, steps));
            total.dispose();
            cost.dispose();
            total = next as import('@tensorflow/tfjs').Scalar;
          }
        }
      }
      const loss = (await total.data())[0];
      total.dispose();
      losses.push(loss);
      epochMs.push(performance.now() - started);
      if (onEpoch(epoch, spec.epochs, loss) === true) break;
      // Let an in-thread caller's abort signal and progress events through now and then.
      if (performance.now() - lastYield > 50) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        lastYield = performance.now();
      }
    }
    const layers: DenseLayer[] = kernels.map((w, l) => ({
      inputs: sizes[l],
      units: sizes[l + 1],
      kernel: Array.from(w.dataSync()),
      bias: Array.from(biases[l].dataSync()),
      activation: l < kernels.length - 1 ? 'relu' : spec.loss === 'logistic' ? 'sigmoid' : 'linear',
    }));
    return { network: { layers }, backend: tf.getBackend(), losses, epochMs };
  } finally {
    for (const v of [...kernels, ...biases, X, y]) v.dispose();
    optimizer.dispose();
  }
}
