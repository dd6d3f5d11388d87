import { describe, expect, it } from 'vitest';
import type { FittedPurchaseModel } from './models.js';
import { trackingCurve } from './tracking.js';

describe('trackingCurve', () => {
  it('sums each cohort\'s expected repeat purchases since its first purchase, week by week', () => {
    // A stand-in model: one repeat purchase per week since the first purchase.
    const model = { expected: (t: number) => t } as unknown as FittedPurchaseModel;
    const rows = trackingCurve(model, [0, 7], { day: [10, 3], count: [1, 1] }, 13, 7);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ week: 1, day: 6, actual: 1 });
    expect(rows[0].predicted).toBeCloseTo(6 / 7, 12);
    expect(rows[1]).toMatchObject({ week: 2, day: 13, actual: 2 });
    expect(rows[1].predicted).toBeCloseTo(13 / 7 + 6 / 7, 12);
  });
});
