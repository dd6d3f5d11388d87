import { describe, expect, it } from 'vitest';
import { adjustHolm, comparisonRow } from './comparison-rows.js';
import { compare } from './compare.js';
import { meanStats } from './moments.js';

describe('comparison rows', () => {
  it('uses the lift column names and adjusts the whole family with Holm', () => {
    const row = comparisonRow('b', 'x', compare(meanStats([1, 2, 3], 'mean'), meanStats([2, 3, 4], 'mean'), { difference: 'absolute' }));
    expect(row).toMatchObject({ variant: 'b', metric: 'x', control_mean: 2, mean: 3, effect: 1 });
    const rows = [0.01, 0.04, 0.03, null].map((p) => ({ p_value: p, p_value_holm: null as number | null, significant: null as boolean | null }));
    adjustHolm(rows, 0.05);
    // holm([0.01, 0.04, 0.03]) → [0.03, 0.06, 0.06]
    expect(rows.map((r) => r.p_value_holm)).toEqual([expect.closeTo(0.03, 12), expect.closeTo(0.06, 12), expect.closeTo(0.06, 12), null]);
    expect(rows.map((r) => r.significant)).toEqual([true, false, false, null]);
  });
});
