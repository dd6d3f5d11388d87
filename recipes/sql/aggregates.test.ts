import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { aggregateColumns, column, hasColumn, keys, keyText, numbers, requireKeys } from './aggregates.js';

describe('reading aggregated tables', () => {
  it('reads numbers whatever width the engine used, with NULL sums as 0', () => {
    const t = aq.table({ lb_n: [3n, '4', 5.5, null] });
    expect(Array.from(numbers(t, 'n'))).toEqual([3, 4, 5.5, 0]);
    expect(() => numbers(t, 'sum')).toThrow(/no column lb_sum/);
  });

  it('reads keys as text like stringColumn does, and missing keys as null', () => {
    const t = aq.table({ lb_variant: ['a', 3, 4n, new Date(Date.UTC(2025, 0, 2)), null, '', true] });
    expect(keys(t, 'variant')).toEqual(['a', '3', '4', '2025-01-02T00:00:00.000Z', null, null, 'true']);
    expect(keyText(Number.NaN)).toBeNull();
  });

  it('reads a column in place, and only the rows a filtered or ordered table shows', () => {
    const values = [3, 1, 2];
    const t = aq.table({ lb_n: values });
    expect(column(t, 'n')).toBe(values);
    expect(Array.from(column(t.filter((d: { lb_n: number }) => d.lb_n > 1), 'n'))).toEqual([3, 2]);
    expect(Array.from(column(t.orderby('lb_n'), 'n'))).toEqual([1, 2, 3]);
  });

  it('finds the prefix the plan chose, whatever it is', () => {
    const t = aq.table({ lb3_variant: ['a'], lb3_n: [2] });
    expect(aggregateColumns(t)).toEqual(['variant', 'n']);
    expect(hasColumn(t, 'n')).toBe(true);
    expect(hasColumn(t, 'sum')).toBe(false);
    expect(Array.from(column(t, 'variant'))).toEqual(['a']);
    expect(Array.from(numbers(t, 'n'))).toEqual([2]);
  });

  it('a missing key names the column, how many rows and the fix', () => {
    expect(requireKeys(['a', 'b'], [1, 2], 'units', 'arm', 'variant')).toEqual(['a', 'b']);
    expect(() => requireKeys(['a', null], [1, 2], 'units', 'arm', 'variant')).toThrow(/units\.arm \(the variant column\) is empty in 2 rows; every row needs a value\. Fix or remove those rows, or point "variant" at another column\./);
  });
});
