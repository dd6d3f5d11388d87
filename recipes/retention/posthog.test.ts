import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { retention } from './index.js';

// PostHog's published retention test cases (posthog/queries/test/test_retention.py), rebuilt:
// `_date(day, hour=5, month=0)` is 2020-(6+month)-(10+day) at hour:00 UTC; "alias1" is person1.
// PostHog's default retention is recurring; its values are counts[cohort][period index].
const date = (day: number, hour = 5, month = 0) => new Date(Date.UTC(2020, 5 + month, 10 + day, hour)).toISOString();

async function matrixOf(rows: [string, string][], params: Record<string, unknown>): Promise<number[][]> {
  const events = aq.from(rows.map(([customer, timestamp]) => ({ customer: customer === 'alias1' ? 'person1' : customer, timestamp })));
  const { result } = await runRecipe(retention, { inputs: { events }, params });
  const cells = result.tables.matrix.objects() as { cohort: string; period_index: number; retained: number }[];
  const cohorts = [...new Set(cells.map((c) => c.cohort))];
  return cohorts.map((c) => cells.filter((x) => x.cohort === c).map((x) => x.retained));
}

describe('retention reproduces PostHog\'s published test cases', () => {
  const days: [string, string][] = [
    ['person1', date(0)], ['person1', date(1)], ['person1', date(2)], ['person1', date(5)], ['alias1', date(5, 9)],
    ['person1', date(6)], ['person2', date(1)], ['person2', date(2)], ['person2', date(3)], ['person2', date(6)],
  ];

  it('test_day_interval', async () => {
    // date_to = day 10; 11 daily intervals.
    expect(await matrixOf(days, { period: 'day', start: date(0), end: date(10, 6) })).toEqual([
      [1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0],
      [2, 2, 1, 0, 1, 2, 0, 0, 0, 0],
      [2, 1, 0, 1, 2, 0, 0, 0, 0],
      [1, 0, 0, 1, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [1, 1, 0, 0, 0, 0],
      [2, 0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0],
      [0, 0],
      [0],
    ]);
  });

  it('test_week_interval (weeks start on Sunday)', async () => {
    const rows: [string, string][] = [
      ['person1', date(0)], ['person2', date(0)], ['person1', date(1)], ['person2', date(1)], ['person1', date(7)], ['person2', date(7)],
      ['person1', date(14)], ['person1', date(-6, 5, 1)], ['person2', date(-6, 5, 1)], ['person2', date(1, 5, 1)], ['person1', date(1, 5, 1)],
      ['person2', date(15, 5, 1)],
    ];
    // date_to = 2020-07-20, total_intervals = 7 → weeks from Sunday 2020-06-07.
    expect(await matrixOf(rows, { period: 'week', start: '2020-06-07', periods: 7 })).toEqual([
      [2, 2, 1, 2, 2, 0, 1],
      [2, 1, 2, 2, 0, 1],
      [1, 1, 1, 0, 0],
      [2, 2, 0, 1],
      [2, 0, 1],
      [0, 0],
      [1],
    ]);
  });

  it('test_month_interval', async () => {
    const rows: [string, string][] = [
      ['person1', date(0, 5, -5)], ['person2', date(0, 5, -5)], ['person1', date(0, 5, -4)], ['person2', date(0, 5, -4)],
      ['person1', date(0, 5, -3)], ['person2', date(0, 5, -3)], ['person1', date(0, 5, -1)], ['person1', date(0, 5, 0)],
      ['person2', date(0, 5, 0)], ['person2', date(0, 5, 1)], ['person1', date(0, 5, 3)], ['person2', date(0, 5, 5)],
    ];
    expect(await matrixOf(rows, { period: 'month', start: '2020-01-10', periods: 11 })).toEqual([
      [2, 2, 2, 0, 1, 2, 1, 0, 1, 0, 1],
      [2, 2, 0, 1, 2, 1, 0, 1, 0, 1],
      [2, 0, 1, 2, 1, 0, 1, 0, 1],
      [0, 0, 0, 0, 0, 0, 0, 0],
      [1, 1, 0, 0, 1, 0, 0],
      [2, 1, 0, 1, 0, 1],
      [1, 0, 0, 0, 1],
      [0, 0, 0, 0],
      [1, 0, 0],
      [0, 0],
      [1],
    ]);
  });

  it('test_retention_action_start_point (same events, 7 days to date_to = day 6)', async () => {
    expect(await matrixOf(days, { period: 'day', start: date(0), end: date(6, 0) })).toEqual([
      [1, 1, 1, 0, 0, 1, 1], [2, 2, 1, 0, 1, 2], [2, 1, 0, 1, 2], [1, 0, 0, 1], [0, 0, 0], [1, 1], [2],
    ]);
  });

  it('test_filter_test_accounts (person1 filtered out, 11 days)', async () => {
    const person2 = days.filter(([c]) => c === 'person2');
    expect(await matrixOf(person2, { period: 'day', start: date(0), periods: 11 })).toEqual([
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
      [1, 1, 0, 0, 1, 0, 0, 0, 0],
      [1, 0, 0, 1, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0],
      [0, 0],
      [0],
    ]);
  });

  it('test_retention_with_user_properties (person1 only, 7 days)', async () => {
    const person1 = days.filter(([c]) => c !== 'person2');
    expect(await matrixOf(person1, { period: 'day', start: date(0), periods: 7 })).toEqual([
      [1, 1, 1, 0, 0, 1, 1], [1, 1, 0, 0, 1, 1], [1, 0, 0, 1, 1], [0, 0, 0, 0], [0, 0, 0], [1, 1], [1],
    ]);
  });
});
