import { describe, expect, it } from 'vitest';
import { summarizeTransactions } from './summary.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('summarizeTransactions', () => {
  const log = {
    customers: ['a', 'a', 'a', 'a', 'a', 'b', 'c', 'c'],
    times: [day('2024-01-01') + 3600e3, day('2024-01-01') + 7200e3, day('2024-01-08'), day('2024-01-15'), day('2024-01-29'), day('2024-01-10'), day('2024-01-20'), day('2024-01-21')],
    amounts: [5, 5, 20, 40, 7, 9, 3, 4],
  };
  const s = summarizeTransactions(log, { calibrationEnd: day('2024-01-15'), observationEnd: day('2024-01-31'), unit: 'week' });

  it('merges same-day purchases, counts repeats up to the calibration end (inclusive) and measures time in the unit', () => {
    const a = s.customers.indexOf('a');
    expect(s.frequency[a]).toBe(2);
    expect(s.recency[a]).toBe(2);
    expect(s.T[a]).toBe(2);
    expect(s.monetary[a]).toBe(30);
    expect(s.holdoutFrequency[a]).toBe(1);
    const b = s.customers.indexOf('b');
    expect([s.frequency[b], s.recency[b], s.T[b], s.monetary[b]]).toEqual([0, 0, 5 / 7, 0]);
  });

  it('leaves out customers first seen after the calibration end', () => {
    expect(s.customers).not.toContain('c');
  });

  it('uses continuous days and months', () => {
    const d = summarizeTransactions(log, { calibrationEnd: day('2024-01-15'), observationEnd: day('2024-01-15'), unit: 'day' });
    expect(d.T[d.customers.indexOf('a')]).toBe(14);
    const m = summarizeTransactions(log, { calibrationEnd: day('2024-01-15'), observationEnd: day('2024-01-15'), unit: 'month' });
    expect(m.T[m.customers.indexOf('a')]).toBeCloseTo(14 / (365.25 / 12), 12);
  });
});
