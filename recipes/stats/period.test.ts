import { describe, expect, it } from 'vitest';
import { periodDays, periodLabel, periodStart } from './period.js';

describe('periodStart', () => {
  const t = Date.UTC(2025, 4, 18, 23, 59); // Sunday 2025-05-18
  it('buckets by UTC calendar period, weeks from Monday', () => {
    expect(periodLabel(periodStart(t, 'day'))).toBe('2025-05-18');
    expect(periodLabel(periodStart(t, 'week'))).toBe('2025-05-12');
    expect(periodLabel(periodStart(Date.UTC(2025, 4, 19), 'week'))).toBe('2025-05-19');
    expect(periodLabel(periodStart(t, 'month'))).toBe('2025-05-01');
    expect(periodLabel(periodStart(t, 'quarter'))).toBe('2025-04-01');
    expect(periodDays('week')).toBe(7);
  });
  it('rejects an unknown period', () => {
    expect(() => periodStart(t, 'year' as never)).toThrow(/period must be/);
  });
});
