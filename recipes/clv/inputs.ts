import type { ColumnTable } from 'arquero';
import { numberColumn, requireRows, stringColumn } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import { column, hasColumn, keys, numbers } from '../sql/aggregates.js';
import { badRows } from '../sql/relation.js';
import { dateParam } from './aggregate.js';
import { DAY_MS, UNIT_DAYS, type CustomerSummary, type TimeUnit } from './summary.js';
import type { RepeatDays } from './tracking.js';

/** What the clv model phase needs, from either input form. */
export interface ClvData {
  summary: CustomerSummary;
  /** Group of each summarised customer, when a group column was named. */
  groups?: string[];
  /** Repeat purchases per UTC day number and the period ends, only for transactions (tracking chart, holdout). */
  repeatDays?: RepeatDays;
  calibrationEndDay?: number;
  observationEndDay?: number;
  hasAmounts: boolean;
}

export interface ClvColumns {
  customer: string;
  timestamp: string;
  amount: string;
  frequency: string;
  recency: string;
  T: string;
  monetary_value: string;
  group?: string;
  unit: TimeUnit;
  calibration_end?: string;
  observation_end?: string;
}

function groupOf(table: ColumnTable, input: string, column: string, ids: string[]): Map<string, string> {
  const values = stringColumn(table, input, column, 'group');
  const out = new Map<string, string>();
  ids.forEach((id, i) => {
    const seen = out.get(id);
    if (seen !== undefined && seen !== values[i]) {
      throw new RecipeInputError(`${input}.${column} (the group column) gives customer "${id}" two groups ("${seen}" and "${values[i]}"); each customer must belong to one group.`);
    }
    out.set(id, values[i]);
  });
  return out;
}

/** Whether `ids` at the positions `order` are in code-unit order. */
function inTextOrder(order: number[], ids: (string | null)[]): boolean {
  for (let k = 1; k < order.length; k++) if (!(ids[order[k - 1]!]! <= ids[order[k]!]!)) return false;
  return true;
}

const DATE_FORMATS = 'a date (ISO-8601, YYYYMMDD or YYYY-MM-DD HH:MM:SS)';

/**
 * The summary at the calibration end from the aggregated transactions (`checks`, `customers`,
 * `repeat_days` of clvAggregate); throws on what the checks counted, naming the column and the fix.
 */
function readTransactionAggregates(inputs: Record<string, ColumnTable>, p: ClvColumns): ClvData {
  const checks = inputs.checks!;
  const count = (name: string) => (hasColumn(checks, name) ? numbers(checks, name)[0]! : 0);
  const example = (name: string) => column(checks, name)[0];
  if (count('rows') === 0) throw new RecipeInputError('transactions has no rows; give it at least one row of data.');
  if (count('missing_customer')) throw badRows('transactions', p.customer, 'customer', null, count('missing_customer'), 'a value (it is empty)');
  if (count('missing_timestamp')) throw badRows('transactions', p.timestamp, 'timestamp', null, count('missing_timestamp'), DATE_FORMATS);
  if (count('bad_timestamp')) throw badRows('transactions', p.timestamp, 'timestamp', example('bad_timestamp_example'), count('bad_timestamp'), DATE_FORMATS);
  if (count('missing_amount')) throw badRows('transactions', p.amount, 'amount', null, count('missing_amount'), 'a number');
  if (count('bad_amount')) throw badRows('transactions', p.amount, 'amount', example('bad_amount_example'), count('bad_amount'), 'a number');
  if (count('missing_group')) throw badRows('transactions', p.group!, 'group', null, count('missing_group'), 'a value (it is empty)');
  const last = count('last_purchase') * 1000;
  const calibrationEnd = dateParam('calibration_end', p.calibration_end) ?? last;
  const observationEnd = dateParam('observation_end', p.observation_end) ?? Math.max(last, calibrationEnd);
  if (observationEnd < calibrationEnd) {
    throw new RecipeInputError(`observation_end (${p.observation_end}) is before calibration_end (${p.calibration_end}); the holdout must come after the calibration period.`);
  }
  const calDay = Math.floor(calibrationEnd / DAY_MS);
  const table = inputs.customers!;
  const ids = keys(table, 'customer');
  const firstDay = numbers(table, 'first_day');
  const groupOf = p.group ? keys(table, 'group') : [];
  const otherGroup = p.group ? keys(table, 'other_group') : [];
  if (p.group) {
    const i = groupOf.findIndex((g, k) => g !== otherGroup[k]);
    if (i >= 0) throw new RecipeInputError(`transactions.${p.group} (the group column) gives customer "${ids[i]}" two groups ("${groupOf[i]}" and "${otherGroup[i]}"); each customer must belong to one group.`);
  }
  // Customers in code-unit order of their ids, so every engine gives the same table. The query
  // orders them already; a collation that disagrees (Postgres's locale, a non-ASCII id) is sorted here.
  const order: number[] = [];
  for (let i = 0; i < ids.length; i++) if (firstDay[i]! <= calDay) order.push(i);
  if (!inTextOrder(order, ids)) order.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  if (order.length === 0) {
    throw new RecipeInputError(`No customer in transactions made a first purchase on or before calibration_end (${new Date(calibrationEnd).toISOString().slice(0, 10)}); move calibration_end later.`);
  }
  const lastDay = numbers(table, 'last_day');
  const repeats = numbers(table, 'repeats');
  const repeatValue = numbers(table, 'repeat_value');
  const holdout = hasColumn(table, 'holdout') ? numbers(table, 'holdout') : undefined;
  const hasAmounts = hasColumn(checks, 'missing_amount');
  const unit = UNIT_DAYS[p.unit];
  // A plain loop: Float64Array.from with a map function goes through the iterator protocol.
  const pick = (f: (i: number) => number) => {
    const out = new Float64Array(order.length);
    for (let k = 0; k < order.length; k++) out[k] = f(order[k]!);
    return out;
  };
  const summary: CustomerSummary = {
    customers: order.map((i) => ids[i]!),
    frequency: pick((i) => repeats[i]!),
    recency: pick((i) => (lastDay[i]! - firstDay[i]!) / unit),
    T: pick((i) => (calDay - firstDay[i]!) / unit),
    monetary: pick((i) => (!hasAmounts ? NaN : repeats[i]! > 0 ? repeatValue[i]! / repeats[i]! : 0)),
    firstDay: pick((i) => firstDay[i]!),
    holdoutFrequency: holdout ? pick((i) => holdout[i]!) : new Float64Array(order.length),
  };
  const perDay = inputs.repeat_days!;
  return {
    summary,
    groups: p.group ? order.map((i) => groupOf[i]!) : undefined,
    repeatDays: { day: numbers(perDay, 'day'), count: numbers(perDay, 'n') },
    calibrationEndDay: calDay,
    observationEndDay: Math.floor(observationEnd / DAY_MS),
    hasAmounts,
  };
}

/**
 * The summary the models need: from the aggregated transactions, or a ready `summary` table
 * (one row per customer, read and checked here).
 *
 * @example
 * const data = readClvInputs(inputs, { customer: 'customer_id', timestamp: 'timestamp', amount: 'amount', unit: 'week', … });
 */
export function readClvInputs(inputs: Record<string, ColumnTable>, p: ClvColumns): ClvData {
  if (inputs.customers) return readTransactionAggregates(inputs, p);
  const s = inputs.summary;
  requireRows(s, 'summary');
  const customers = stringColumn(s, 'summary', p.customer, 'customer');
  const frequency = numberColumn(s, 'summary', p.frequency, 'frequency');
  const recency = numberColumn(s, 'summary', p.recency, 'recency');
  const T = numberColumn(s, 'summary', p.T, 'T');
  const hasAmounts = s.columnNames().includes(p.monetary_value);
  const monetary = hasAmounts ? numberColumn(s, 'summary', p.monetary_value, 'monetary_value') : new Float64Array(customers.length).fill(NaN);
  for (let i = 0; i < customers.length; i++) {
    if (!(Number.isInteger(frequency[i]) && frequency[i] >= 0) || !(recency[i] >= 0) || !(T[i] >= recency[i])) {
      throw new RecipeInputError(
        `summary row ${i + 1} (customer "${customers[i]}") has frequency ${frequency[i]}, recency ${recency[i]}, T ${T[i]}: ` +
          'frequency must be a whole number ≥ 0 and 0 ≤ recency ≤ T. Fix that row or rebuild the summary from transactions.',
      );
    }
    if (frequency[i] === 0 && recency[i] !== 0) {
      throw new RecipeInputError(`summary row ${i + 1} (customer "${customers[i]}") has no repeat purchase but recency ${recency[i]}; recency must be 0 when frequency is 0.`);
    }
  }
  const n = customers.length;
  const summary: CustomerSummary = {
    customers,
    frequency,
    recency,
    T,
    monetary,
    firstDay: new Float64Array(n).fill(NaN),
    holdoutFrequency: new Float64Array(n).fill(NaN),
  };
  const groupMap = p.group ? groupOf(s, 'summary', p.group, customers) : undefined;
  return { summary, groups: groupMap && customers.map((id) => groupMap.get(id)!), hasAmounts };
}
