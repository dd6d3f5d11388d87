import { describe, expect, it } from 'vitest';
import { createRandom, gammaSampler } from './random.js';

describe('gammaSampler', () => {
  it('draws Gamma(shape, rate): mean shape/rate and variance shape/rate², for shapes below and above 1', () => {
    const source = createRandom(5);
    const gamma = gammaSampler(source.uniform, source.normal);
    const n = 200_000;
    for (const [shape, rate] of [
      [0.4, 2],
      [3, 0.5],
    ] as const) {
      let sum = 0;
      let sumSquares = 0;
      for (let i = 0; i < n; i++) {
        const g = gamma(shape, rate);
        sum += g;
        sumSquares += g * g;
      }
      const mean = sum / n;
      const variance = sumSquares / n - mean * mean;
      // Within 4 standard errors of the mean (the variance of a gamma's mean is shape/rate²/n).
      expect(Math.abs(mean - shape / rate)).toBeLessThan(4 * Math.sqrt(shape / rate ** 2 / n));
      expect(variance / (shape / rate ** 2)).toBeCloseTo(1, 1);
    }
  });

  it('is what createRandom draws its gammas with', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    const gamma = gammaSampler(b.uniform, b.normal);
    expect([a.gamma(0.7, 1), a.gamma(4, 3)]).toEqual([gamma(0.7, 1), gamma(4, 3)]);
  });
});
