import { describe, expect, it } from 'vitest';
import { encode, fitEncoder } from './encoder.js';
import { forward } from './network.js';
import { stratifiedSplit, timeSplit } from './split.js';
import { createRng } from './rng.js';

describe('encoder', () => {
  const columns = { age: [20, null, 40, 30, ''], plan: ['a', 'b', 'a', null, 'zzz'] };

  it('imputes the training median with an indicator, one-hot encodes, standardizes on training rows', () => {
    const state = fitEncoder(['age', 'plan'], columns, [0, 1, 2, 3]);
    expect(state.columns.map((c) => c.name)).toEqual(['age', 'age_missing', 'plan=a', 'plan=(missing)', 'plan=b']);
    expect(state.features[0]).toEqual({ name: 'age', kind: 'numeric', fill: 30, indicator: true });
    const X = encode(state, columns);
    // Training rows' age after imputation: 20, 30, 40, 30 → mean 30, population sd √50.
    expect(X[0]).toBeCloseTo((20 - 30) / Math.sqrt(50), 6);
    expect(X[5]).toBeCloseTo(0, 6); // row 1 imputed to the median = the mean here
    // Missing indicator: mean 0.25, sd √(0.25·0.75).
    expect(X[6]).toBeCloseTo((1 - 0.25) / Math.sqrt(0.1875), 6);
    // Unseen level "zzz" in row 4 encodes as no known level: every one-hot column at its "0" value.
    const row4 = Array.from(X.subarray(20, 25));
    expect(row4[2]).toBeCloseTo((0 - 0.5) / 0.5, 6);
    expect(row4[3]).toBeCloseTo((0 - 0.25) / Math.sqrt(0.1875), 6);
  });

  it('round-trips through JSON unchanged', () => {
    const state = fitEncoder(['age', 'plan'], columns, [0, 1, 2, 3]);
    expect(encode(JSON.parse(JSON.stringify(state)), columns)).toEqual(encode(state, columns));
  });
});

describe('splits and the forward pass', () => {
  it('stratified split keeps each class share', () => {
    const y = Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const { train, test } = stratifiedSplit(y, 0.3, createRng(1));
    expect(test.length).toBe(300);
    expect(Array.from(test).filter((i) => y[i] === 1).length).toBe(60);
    expect(new Set([...train, ...test]).size).toBe(1000);
  });

  it('time split holds out the latest rows', () => {
    expect(timeSplit([5, 1, 4, 2], 0.5)).toEqual({ train: Int32Array.of(1, 3), test: Int32Array.of(0, 2) });
  });

  it('forward pass of a hand-made network', () => {
    // h = relu([x1 − x2, x1 + x2]); out = σ(h1 − 2·h2 + 0.5)
    const net = {
      layers: [
        { inputs: 2, units: 2, kernel: [1, 1, -1, 1], bias: [0, 0], activation: 'relu' as const },
        { inputs: 2, units: 1, kernel: [1, -2], bias: [0.5], activation: 'sigmoid' as const },
      ],
    };
    const out = forward(net, Float32Array.of(3, 1, -1, -2), 2);
    expect(out[0]).toBeCloseTo(1 / (1 + Math.exp(-(2 - 8 + 0.5))), 12);
    expect(out[1]).toBeCloseTo(1 / (1 + Math.exp(-(1 + 0.5))), 12);
  });
});
