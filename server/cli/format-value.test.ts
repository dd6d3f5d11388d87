import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value.js';

describe('formatValue', () => {
  it('formats numbers to 4 significant digits, dates as ISO, null as blank', () => {
    expect(formatValue(0.0123456)).toBe('0.01235');
    expect(formatValue(12345.678)).toBe('12350');
    expect(formatValue(3)).toBe('3');
    expect(formatValue(1e-7)).toBe('1.000e-7');
    expect(formatValue(null)).toBe('');
    expect(formatValue(new Date(Date.UTC(2025, 0, 1)))).toBe('2025-01-01');
    expect(formatValue(new Date(Date.UTC(2025, 0, 1, 5)))).toBe('2025-01-01T05:00:00.000Z');
  });
});
