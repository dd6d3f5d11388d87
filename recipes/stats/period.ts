import { RecipeInputError } from '../errors.js';

/** Calendar periods in UTC, for "over time" tables and charts. Weeks start on Monday (ISO 8601). */
export type Period = 'day' | 'week' | 'month' | 'quarter';

const DAY = 86_400_000;

/**
 * The start (epoch ms, UTC) of the calendar period holding `t`.
 *
 * @example
 * new Date(periodStart(Date.UTC(2025, 0, 15, 13), 'week')).toISOString(); // → '2025-01-13T00:00:00.000Z' (a Monday)
 */
export function periodStart(t: number, period: Period): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (period) {
    case 'day':
      return Date.UTC(y, m, d.getUTCDate());
    case 'week': {
      const day = Date.UTC(y, m, d.getUTCDate());
      return day - ((d.getUTCDay() + 6) % 7) * DAY;
    }
    case 'month':
      return Date.UTC(y, m, 1);
    case 'quarter':
      return Date.UTC(y, m - (m % 3), 1);
    default:
      throw new RecipeInputError(`period must be day, week, month or quarter (got "${String(period)}").`);
  }
}

/**
 * The length of a period in days, for rates such as "runs per week" (months and quarters use their
 * average length).
 *
 * @example
 * periodDays('week'); // → 7
 */
export function periodDays(period: Period): number {
  return { day: 1, week: 7, month: 365.2425 / 12, quarter: 365.2425 / 4 }[period];
}

/**
 * An ISO date label (YYYY-MM-DD) of a period start.
 *
 * @example
 * periodLabel(Date.UTC(2025, 0, 1)); // → '2025-01-01'
 */
export function periodLabel(start: number): string {
  return new Date(start).toISOString().slice(0, 10);
}
