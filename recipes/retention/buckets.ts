import { RecipeInputError } from '../errors.js';

/**
 * Calendar buckets in UTC, numbered so consecutive periods differ by one: days since 1970-01-01,
 * weeks since a week start (Sunday by default, as PostHog counts; or Monday, ISO 8601), months
 * since January 1970.
 */

export type RetentionPeriod = 'day' | 'week' | 'month';
export type WeekStart = 'sunday' | 'monday';

const DAY = 86_400_000;
// 1970-01-01 was a Thursday: shifting by 4 days puts Sunday at the start of a 7-day block, by 3 Monday.
const WEEK_SHIFT: Record<WeekStart, number> = { sunday: 4, monday: 3 };

/**
 * The bucket number of a UTC timestamp.
 *
 * @example
 * bucketOf(Date.UTC(2020, 5, 10), 'week', 'sunday') === bucketOf(Date.UTC(2020, 5, 7), 'week', 'sunday'); // → true (2020-06-07 is a Sunday)
 */
export function bucketOf(t: number, period: RetentionPeriod, weekStart: WeekStart = 'sunday'): number {
  const day = Math.floor(t / DAY);
  switch (period) {
    case 'day':
      return day;
    case 'week':
      return Math.floor((day + WEEK_SHIFT[weekStart]) / 7);
    case 'month': {
      const d = new Date(t);
      return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
    }
    default:
      throw new RecipeInputError(`period must be day, week or month (got "${String(period)}").`);
  }
}

/**
 * The first instant (epoch ms, UTC) of a bucket.
 *
 * @example
 * new Date(bucketStart(bucketOf(Date.UTC(2020, 5, 10), 'week'), 'week')).toISOString(); // → '2020-06-07T00:00:00.000Z'
 */
export function bucketStart(bucket: number, period: RetentionPeriod, weekStart: WeekStart = 'sunday'): number {
  switch (period) {
    case 'day':
      return bucket * DAY;
    case 'week':
      return (bucket * 7 - WEEK_SHIFT[weekStart]) * DAY;
    case 'month':
      return Date.UTC(1970 + Math.floor(bucket / 12), ((bucket % 12) + 12) % 12, 1);
    default:
      throw new RecipeInputError(`period must be day, week or month (got "${String(period)}").`);
  }
}
