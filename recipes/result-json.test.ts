import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { tableRows } from './result-json.js';

describe('tableRows', () => {
  it('gives JSON-safe rows in the table\'s order: dates as ISO text, non-finite numbers as null, bigints as numbers', () => {
    const t = aq.table({ id: ['b', 'a', 'c'], x: Float64Array.of(2, NaN, 1), d: [new Date(0), new Date(NaN), new Date(86_400_000)], n: [1n, 2n, 3n], list: [[1, Infinity], [], [2]] });
    expect(tableRows(t.orderby('id').filter((r: { id: string }) => r.id !== 'c'))).toEqual([
      { id: 'a', x: null, d: null, n: 2, list: [] },
      { id: 'b', x: 2, d: '1970-01-01T00:00:00.000Z', n: 1, list: [1, null] },
    ]);
    // Unfiltered and unordered, the columns are read in place: the same conversions apply.
    expect(tableRows(t)).toEqual([
      { id: 'b', x: 2, d: '1970-01-01T00:00:00.000Z', n: 1, list: [1, null] },
      { id: 'a', x: null, d: null, n: 2, list: [] },
      { id: 'c', x: 1, d: '1970-01-02T00:00:00.000Z', n: 3, list: [2] },
    ]);
  });
});
