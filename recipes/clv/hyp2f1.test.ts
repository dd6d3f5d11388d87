import { describe, expect, it } from 'vitest';
import betainc from '@stdlib/math-base-special-betainc';
import gamma from '@stdlib/math-base-special-gamma';
import { hyp2f1, logHyp2f1 } from './hyp2f1.js';

// Known closed forms of 2F1 (Abramowitz & Stegun 15.1.3–15.1.8, 15.1.15) and the incomplete-beta
// identity 2F1(a, b; a+1; z) = a z^−a B_z(a, 1−b) (DLMF 8.17.7), computed with stdlib's betainc.
describe('hyp2f1', () => {
  it('matches −ln(1−z)/z for 2F1(1, 1; 2; z), including z near 1', () => {
    for (const z of [0.001, 0.3, 0.5, 0.9, 0.99, 0.9995]) expect(hyp2f1(1, 1, 2, z) / (-Math.log1p(-z) / z)).toBeCloseTo(1, 11);
  });
  it('matches arcsin and artanh forms', () => {
    for (const x of [0.1, 0.5, 0.8, 0.95]) {
      expect(hyp2f1(0.5, 0.5, 1.5, x * x)).toBeCloseTo(Math.asin(x) / x, 12);
      expect(hyp2f1(0.5, 1, 1.5, x * x)).toBeCloseTo(Math.atanh(x) / x, 10);
    }
  });
  it('matches (1−z)^−a for 2F1(a, b; b; z) and a terminating series after Euler\'s transformation', () => {
    expect(hyp2f1(2.3, 1.7, 1.7, 0.8)).toBeCloseTo(Math.pow(0.2, -2.3), 9);
    // 2F1(5, 3; 2; 0.9) = 0.1^−6 · 2F1(−3, −1; 2; 0.9) = 1e6 · (1 + 1.35)
    expect(hyp2f1(5, 3, 2, 0.9) / 2.35e6).toBeCloseTo(1, 12);
  });
  it('matches the incomplete beta function for the Pareto/NBD form 2F1(a, b; a+1; z)', () => {
    for (const [a, b, z] of [[2.5, 0.3, 0.9], [1.16, 0.55, 0.09], [12.2, 0.61, 0.6], [0.8, 0.2, 0.999]]) {
      const viaBeta = a * Math.pow(z, -a) * betainc(z, a, 1 - b, false);
      expect(hyp2f1(a, b, a + 1, z) / viaBeta).toBeCloseTo(1, 10);
    }
  });
  it('approaches Gauss\'s value Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) as z → 1, and refuses (NaN) where it cannot converge', () => {
    const [a, b, c] = [0.3, 0.4, 2.5];
    const gauss = (gamma(c) * gamma(c - a - b)) / (gamma(c - a) * gamma(c - b));
    expect(hyp2f1(a, b, c, 1 - 2e-4)).toBeCloseTo(gauss, 3);
    expect(hyp2f1(1, 1, 2, 1 - 1e-5)).toBeNaN();
  });
  it('gives logs without overflow and rejects z outside [0, 1)', () => {
    expect(logHyp2f1(1, 1, 2, 0.5)).toBeCloseTo(Math.log(2 * Math.LN2), 14);
    expect(logHyp2f1(400, 300, 2, 0.9)).toBeGreaterThan(1000);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, -0.1)).toThrow(RangeError);
  });
});
