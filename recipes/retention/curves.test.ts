import { describe, expect, it } from 'vitest';
import { compareCurves, retentionCurve } from './curves.js';

describe('retention curves and the group test', () => {
  it('pools every cohort observed at each period index', () => {
    // Customers active in periods {0, 1, 3}, {1, 2} and {0, 2} of a 4-period window (recurring cohorts).
    const counts = [[2, 1, 1, 1], [2, 1, 1], [2, 0], [1]];
    const curve = retentionCurve('all', counts);
    expect(curve.map((c) => [c.cohort_size, c.retained])).toEqual([[7, 7], [6, 2], [4, 2], [2, 1]]);
  });

  it('compares groups with a per-period chi-square test and Holm adjustment', () => {
    // Period 1: 10/30 vs 20/30 retained → the textbook 2×2 table [[10, 20], [20, 10]], χ² = 6.667.
    const a = retentionCurve('a', [[30, 10, 15], [0, 0], [0]]);
    const b = retentionCurve('b', [[30, 20, 15], [0, 0], [0]]);
    const rows = compareCurves([a, b]);
    expect(rows[0].chi2).toBeCloseTo(20 / 3, 10);
    expect(rows[0].p_value).toBeCloseTo(0.009823, 5);
    expect(rows[1].chi2).toBeCloseTo(0, 12);
    expect(rows[0].p_value_holm).toBeCloseTo(2 * rows[0].p_value, 12);
  });
});
