import digamma from '@stdlib/math-base-special-digamma';
import { describe, expect, it } from 'vitest';
import { trigamma } from './trigamma.js';

describe('trigamma', () => {
  it('has the closed forms ψ₁(1) = π²/6, ψ₁(1/2) = π²/2 and ψ₁(1/4) = π² + 8G (Catalan\'s G)', () => {
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 14);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 14);
    expect(trigamma(0.25)).toBeCloseTo(Math.PI ** 2 + 8 * 0.915965594177219, 13);
  });

  it('obeys the recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² and is the derivative of digamma, across scales', () => {
    for (const x of [1e-3, 0.3, 2.7, 9.99, 10, 37.5, 1e3, 5e5]) {
      expect(trigamma(x) / (trigamma(x + 1) + 1 / (x * x))).toBeCloseTo(1, 13);
      const h = 1e-4 * x;
      expect((digamma(x + h) - digamma(x - h)) / (2 * h) / trigamma(x)).toBeCloseTo(1, 6);
    }
  });

  it('reflects to negative non-integers and is NaN at the poles', () => {
    expect(trigamma(-0.5)).toBeCloseTo(Math.PI ** 2 / 2 + 4, 12);
    expect(trigamma(0)).toBeNaN();
    expect(trigamma(-2)).toBeNaN();
  });
});
