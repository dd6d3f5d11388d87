import { describe, expect, it } from 'vitest';
import { timeText } from './time-text.js';

describe('timeText', () => {
  it('reads ISO and SQLite UTC timestamps as the same instant', () => {
    expect(timeText('2025-03-01 09:30:00')).toBe(timeText('2025-03-01T09:30:00Z'));
    expect(timeText('2025-03-01T09:30:00Z')).toMatch(/^2025-03-0[12] \d\d:\d\d$/);
  });

  it('keeps what it cannot read, and shows nothing for nothing', () => {
    expect(timeText('yesterday')).toBe('yesterday');
    expect(timeText(null)).toBe('');
  });
});
