/**
 * A trained feed-forward network as plain JSON, and its forward pass in plain JavaScript.
 * Training happens in TensorFlow.js; scoring does not need it, so a saved model scores new
 * customers anywhere (server, CLI, browser) without loading tfjs or its WASM binary.
 */

export type Activation = 'relu' | 'sigmoid' | 'linear';

/** A dense layer: `kernel` is inputs × units, row-major (kernel[i·units + j]). */
export interface DenseLayer {
  inputs: number;
  units: number;
  kernel: number[];
  bias: number[];
  activation: Activation;
}

export interface Network {
  layers: DenseLayer[];
}

function activate(v: number, activation: Activation): number {
  if (activation === 'relu') return v > 0 ? v : 0;
  if (activation === 'sigmoid') return 1 / (1 + Math.exp(-v));
  return v;
}

/**
 * The network's single output for each of the n rows of a row-major matrix X.
 *
 * @example
 * const net = { layers: [{ inputs: 1, units: 1, kernel: [2], bias: [0], activation: 'sigmoid' }] };
 * forward(net, new Float32Array([0, 1]), 2); // → Float64Array [0.5, 0.8808]
 */
export function forward(net: Network, X: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  const width = Math.max(...net.layers.map((l) => Math.max(l.inputs, l.units)));
  let a = new Float64Array(width);
  let b = new Float64Array(width);
  const d = net.layers[0].inputs;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) a[i] = X[r * d + i];
    for (const layer of net.layers) {
      const { inputs, units, kernel, bias, activation } = layer;
      for (let j = 0; j < units; j++) {
        let s = bias[j];
        for (let i = 0; i < inputs; i++) s += a[i] * kernel[i * units + j];
        b[j] = activate(s, activation);
      }
      const t = a;
      a = b;
      b = t;
    }
    out[r] = a[0];
  }
  return out;
}
