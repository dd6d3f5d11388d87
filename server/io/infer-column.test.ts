import { describe, expect, it } from 'vitest';
import { inferColumn } from './infer-column.js';
import { parseDate } from '../../recipes/columns.js';

describe('inferColumn', () => {
  it('types numbers, with missing values as null', () => {
    expect(inferColumn(['1', '-2.5', '', 'NA', '1e3'])).toEqual([1, -2.5, null, null, 1000]);
  });

  it('keeps leading-zero codes as strings', () => {
    expect(inferColumn(['007', '123'])).toEqual(['007', '123']);
  });

  it('types booleans', () => {
    expect(inferColumn(['TRUE', 'false', ''])).toEqual([true, false, null]);
  });

  it('reads ISO dates and "YYYY-MM-DD HH:MM:SS" as UTC Dates', () => {
    const [d, t, z] = inferColumn(['2024-01-02', '2024-01-02 10:30:00', '2024-01-02T10:30:00+02:00']) as Date[];
    expect(d.toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(t.toISOString()).toBe('2024-01-02T10:30:00.000Z');
    expect(z.toISOString()).toBe('2024-01-02T08:30:00.000Z');
  });

  it('reads YYYYMMDD as numbers that parseDate still understands as dates', () => {
    const [v] = inferColumn(['19970101', '19970102']);
    expect(v).toBe(19970101);
    expect(parseDate(v)).toBe(Date.UTC(1997, 0, 1));
  });

  it('makes a column of only missing cells all null', () => {
    expect(inferColumn(['', 'NA', 'null'])).toEqual([null, null, null]);
  });

  it('leaves mixed text as strings', () => {
    expect(inferColumn(['A', '1', ''])).toEqual(['A', '1', null]);
  });
});
