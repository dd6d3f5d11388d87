import { describe, expect, it } from 'vitest';
import { psi, psiLevel } from './psi.js';

describe('psi', () => {
  it('matches the textbook sum over shares', () => {
    // (0.7−0.5)·ln(0.7/0.5) + (0.3−0.5)·ln(0.3/0.5)
    expect(psi({ a: 50, b: 50 }, { a: 70, b: 30 })).toBeCloseTo(0.2 * Math.log(1.4) - 0.2 * Math.log(0.6), 12);
    expect(psi({ a: 5, b: 5 }, { a: 50, b: 50 })).toBe(0);
  });
  it('floors empty categories so a new category is a large finite shift', () => {
    const v = psi({ a: 10 }, { a: 5, b: 5 });
    expect(v).toBeCloseTo((0.5 - 1) * Math.log(0.5) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4), 12);
    expect(psiLevel(v)).toBe('major');
    expect(psiLevel(0.05)).toBe('stable');
    expect(psiLevel(0.2)).toBe('moderate');
    expect(psi({}, { a: 1 })).toBeNaN();
  });
});
