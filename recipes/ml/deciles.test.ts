import { describe, expect, it } from 'vitest';
import { calibrationDeciles, gainsTable } from './deciles.js';

describe('calibration and gains', () => {
  const y = [0, 0, 1, 0, 1, 1, 0, 1, 1, 1];
  const p = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

  it('calibration by hand: five groups of two, lowest first', () => {
    const rows = calibrationDeciles(y, p, 5);
    expect(rows.map((r) => r.n)).toEqual([2, 2, 2, 2, 2]);
    expect(rows.map((r) => r.mean_predicted)).toEqual([0.075, 0.25, 0.45, 0.65, 0.85].map((v) => expect.closeTo(v, 12)));
    expect(rows.map((r) => r.observed_rate)).toEqual([0, 0.5, 1, 0.5, 1]);
  });

  it('gains by hand: highest scores first, cumulative capture and lift', () => {
    const rows = gainsTable(y, p, 5);
    // base rate 0.6; groups (0.9,0.8) → 2 positives, (0.7,0.6) → 1, (0.5,0.4) → 2, (0.3,0.2) → 1, rest 0.
    expect(rows.map((r) => r.positives)).toEqual([2, 1, 2, 1, 0]);
    expect(rows.map((r) => r.cumulative_share)).toEqual([2 / 6, 3 / 6, 5 / 6, 1, 1].map((v) => expect.closeTo(v, 12)));
    expect(rows[0].lift).toBeCloseTo(1 / 0.6, 12);
    expect(rows[2].cumulative_lift).toBeCloseTo(5 / 6 / 0.6, 12);
  });

  it('ten deciles over uneven counts cover every row once', () => {
    const n = 23;
    const rows = calibrationDeciles(Array(n).fill(0), Array.from({ length: n }, (_, i) => i / n));
    expect(rows).toHaveLength(10);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(n);
  });
});
