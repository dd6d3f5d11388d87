import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { absorptionProbabilities, type TransientState } from './absorbing-chain.js';

describe('absorptionProbabilities', () => {
  it('solves a two-state loop by hand', () => {
    // s0 → s1 (1) | target (1);  s1 → s0 (1) | other (1):  x0 = ½x1 + ½, x1 = ½x0  ⇒  x0 = 2/3, x1 = 1/3
    const states: TransientState[] = [
      { to: [1], weight: [1], target: 1, other: 0 },
      { to: [0], weight: [1], target: 0, other: 1 },
    ];
    const x = absorptionProbabilities(states);
    expect(x[0]).toBeCloseTo(2 / 3, 14);
    expect(x[1]).toBeCloseTo(1 / 3, 14);
    // Removing s1 sends it to "other": x0 = ½
    expect(absorptionProbabilities(states, [false, true])[0]).toBeCloseTo(0.5, 14);
  });

  it('solves a large sparse chain (iterative path) to machine precision', () => {
    const rng = seedrandom('chain');
    const n = 600;
    const states: TransientState[] = Array.from({ length: n }, (_, i) => {
      const to = [Math.floor(rng() * n), Math.floor(rng() * n), i];
      return { to, weight: to.map(() => 1 + rng() * 5), target: rng() * 0.5, other: rng() * 0.5 + 0.05 };
    });
    const x = absorptionProbabilities(states);
    // Independent check: the residual of x = Qx + b, row by row.
    for (let i = 0; i < n; i++) {
      const s = states[i]!;
      const total = s.weight.reduce((a, b) => a + b, 0) + s.target + s.other;
      const rhs = s.to.reduce((v, t, k) => v + (s.weight[k]! / total) * x[t]!, s.target / total);
      expect(Math.abs(rhs - x[i]!)).toBeLessThan(1e-13);
    }
  });
});
