import { describe, expect, it } from 'vitest';
import { columnFormatter, formatAny, formatDate, formatMetricValue, formatNumber } from './value-format.js';

describe('numbers formatted by meaning', () => {
  it('shows rates and effects as percentages, but only when the values are fractions', () => {
    expect(columnFormatter('effect', [0.2642, -0.01])(0.2642)).toBe('26.4%');
    expect(columnFormatter('ci_low', [0.0432])(0.0432)).toBe('4.3%');
    expect(columnFormatter('chance_to_win', [0.9905])(0.9905)).toBe('99.1%');
    expect(columnFormatter('conversion_rate', [0.00012])(0.00012)).toBe('0.01%');
    // An absolute revenue effect of 12.5 is not 1,250%.
    expect(columnFormatter('effect', [12.5, 3])(12.5)).toBe('12.5');
  });

  it('shows money with thousands and cents, counts with thousands, p-values with 3 digits', () => {
    expect(columnFormatter('revenue', [1234.5])(1234.5)).toBe('1,234.50');
    expect(columnFormatter('incremental_revenue', [123456.7])(123456.7)).toBe('123,457');
    expect(columnFormatter('p_value_holm', [0.019112])(0.019112)).toBe('0.0191');
    expect(columnFormatter('p_value', [0.0000123])(0.0000123)).toBe('1.2e-5');
    expect(columnFormatter('customers', [25000])(25000)).toBe('25,000');
    expect(columnFormatter('customer_id', [123456])(123456)).toBe('123456');
    expect(columnFormatter('year', [2025])(2025)).toBe('2025');
  });

  it('uses a declared d3-format specifier first, and names the column of a bad one', () => {
    expect(columnFormatter('revenue', [], '$,.2f')(1234.5)).toBe('$1,234.50');
    expect(columnFormatter('share', [], '.0%')(0.5)).toBe('50%');
    expect(() => columnFormatter('revenue', [], 'nonsense!')).toThrow('The format "nonsense!" of column "revenue" is not a d3-format specifier');
  });

  it('keeps numbers compact and tiny numbers visible, dates readable', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,568');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(0.0000312)).toBe('0.0000312');
    expect(formatNumber(3.14159265)).toBe('3.1416');
    expect(formatDate('2025-01-01T00:00:00.000Z')).toBe('2025-01-01');
    expect(formatDate('2025-01-01T14:03:27.000Z')).toBe('2025-01-01 14:03');
    expect(formatAny(null)).toBe('');
    expect(formatAny({ a: 1 })).toBe('{"a":1}');
  });

  it('formats metric cards by their names', () => {
    expect(formatMetricValue('srm_p_value', 0.43129)).toBe('0.431');
    expect(formatMetricValue('units', 12000)).toBe('12,000');
    expect(formatMetricValue('roi', 0.231)).toBe('23.1%');
    expect(formatMetricValue('anything', null)).toBe('—');
  });
});
