import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import { badRows } from '../sql/relation.js';
import { bucketOf, type RetentionPeriod, type WeekStart } from './buckets.js';
import { dateParam, type RetentionAggregateParams } from './aggregate.js';

/** counts[i][j]: customers of cohort i active in period i + j; counts[i][0] is the cohort size. */
export type CohortCounts = number[][];

export interface RetentionCells {
  /** Bucket number of the first cohort. */
  first: number;
  periods: number;
  /** Groups in sorted order ("all" without a group column), each with its count matrix. */
  byGroup: Map<string, CohortCounts>;
  /** Distinct customers in some cohort. */
  customers: number;
}

const DATE_FORMATS = 'a date (ISO-8601, YYYYMMDD or YYYY-MM-DD HH:MM:SS)';

/** Throws on what the `checks` and `group_conflicts` queries counted, naming the column and the fix. */
function validate(inputs: Record<string, ColumnTable>, p: RetentionAggregateParams): Record<string, number | null> {
  const checks = inputs.checks!.object(0) as Record<string, number | string | null>;
  if (!checks.row_count) throw new RecipeInputError('events has no rows; give it at least one row of data.');
  if (checks.missing_customer) throw badRows('events', p.customer, 'customer', null, checks.missing_customer as number, 'a value (it is empty)');
  if (checks.missing_timestamp) throw badRows('events', p.timestamp, 'timestamp', null, checks.missing_timestamp as number, DATE_FORMATS);
  if (checks.bad_timestamp) throw badRows('events', p.timestamp, 'timestamp', checks.bad_timestamp_example, checks.bad_timestamp as number, DATE_FORMATS);
  if (checks.missing_group) throw badRows('events', p.group!, 'group', null, checks.missing_group as number, 'a value (it is empty)');
  const conflict = inputs.group_conflicts?.numRows() ? (inputs.group_conflicts.object(0) as Record<string, unknown>) : null;
  if (conflict) {
    throw new RecipeInputError(
      `events.${p.group} (the group column) gives customer "${String(conflict.customer)}" two groups ("${String(conflict.first_group)}" and "${String(conflict.second_group)}"); each customer must belong to one group.`,
    );
  }
  return checks as Record<string, number | null>;
}

/**
 * The count matrices of every group from the aggregated `cells` (group, cohort bucket, active
 * bucket, customers), numbered from the first cohort of the window: the start parameter's
 * bucket, or the first event's; the window ends `periods` later, at the end parameter's bucket,
 * or at the last event's.
 *
 * @example
 * const { byGroup, first, periods } = retentionCells(inputs, params);
 */
export function retentionCells(inputs: Record<string, ColumnTable>, p: RetentionAggregateParams): RetentionCells {
  const checks = validate(inputs, p);
  const bucket = (t: number) => bucketOf(t, p.period as RetentionPeriod, p.week_start as WeekStart);
  const first = bucket(dateParam('start', p.start) ?? (checks.min_t as number) * 1000);
  const endBucket = p.periods !== undefined ? first + p.periods - 1 : bucket(dateParam('end', p.end) ?? (checks.max_t as number) * 1000);
  const periods = endBucket - first + 1;
  if (periods < 1) throw new RecipeInputError(`end (${p.end}) is before start (${p.start}); give an end on or after the start.`);
  if (periods > 400) throw new RecipeInputError(`The window spans ${periods} ${p.period}s; use at most 400 (a coarser period, or start/end/periods to narrow it).`);

  const empty = (): CohortCounts => Array.from({ length: periods }, (_, i) => new Array<number>(periods - i).fill(0));
  const byGroup = new Map<string, CohortCounts>();
  const customersTable = inputs.customers!;
  const groupNames = [...new Set((customersTable.array('grp') as unknown[]).map(String))].sort();
  for (const g of groupNames) byGroup.set(g, empty());
  const cells = inputs.cells!;
  const grp = cells.array('grp') as unknown[];
  const cohort = cells.array('cohort_start') as ArrayLike<number>;
  const active = cells.array('active_start') as ArrayLike<number>;
  const n = cells.array('n') as ArrayLike<number>;
  for (let r = 0; r < cells.numRows(); r++) {
    const i = bucket(cohort[r]! * 1000) - first;
    const k = bucket(active[r]! * 1000) - first;
    if (i < 0 || k >= periods || k < i) continue;
    byGroup.get(String(grp[r]))![i]![k - i]! += n[r]!;
  }

  let customers = 0;
  if (p.mode === 'first_time') {
    for (const counts of byGroup.values()) for (const row of counts) customers += row[0]!;
  } else {
    // Active in the window: some activity within the bounds the SQL applied, and a first bucket
    // no later than the window's end (the bound the SQL could not know without the data).
    const firstStart = customersTable.array('first_start') as ArrayLike<number>;
    const inWindow = customersTable.array('in_window') as ArrayLike<number>;
    const count = customersTable.array('n') as ArrayLike<number>;
    for (let r = 0; r < customersTable.numRows(); r++) if (Number(inWindow[r]) === 1 && bucket(firstStart[r]! * 1000) <= endBucket) customers += count[r]!;
  }
  return { first, periods, byGroup, customers };
}

/**
 * Cell-by-cell sum of count matrices of the same shape.
 *
 * @example
 * sumCounts([[[1, 0], [2]], [[3, 1], [0]]]); // → [[4, 1], [2]]
 */
export function sumCounts(matrices: readonly CohortCounts[]): CohortCounts {
  return matrices[0]!.map((row, i) => row.map((_, j) => matrices.reduce((s, m) => s + m[i]![j]!, 0)));
}
