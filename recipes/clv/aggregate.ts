import { parseDate } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import { aliasPrefix, countWhere, numeric, relationColumn } from '../sql/relation.js';
import { sharedRelations } from '../sql/shared.js';
import { dateValue, isMissing } from '../sql/values.js';
import type { AggregateContext, AggregationPlan } from '../types.js';
import { DAY_MS } from './summary.js';

/**
 * The aggregation phase of `clv` from a transaction log, as SQL: purchases merge per customer and
 * UTC day (amounts add), then one row per customer first seen by the calibration end with its
 * first day, last calibration day, repeat days and their value, and holdout repeat days; and the
 * number of repeat purchases per day for the tracking chart. The value of the repeat purchases is
 * the calibration value less the first day's (an arg-min per customer: no join of the days with
 * the first days, and no window functions, which ClickHouse 18.16 lacks).
 */

export interface ClvAggregateParams {
  customer: string;
  timestamp: string;
  amount: string;
  group?: string | undefined;
  calibration_end?: string | undefined;
  observation_end?: string | undefined;
}

/**
 * A date parameter as epoch ms; the error names the parameter.
 *
 * @example
 * dateParam('calibration_end', '1997-09-30'); // → 875577600000
 */
export function dateParam(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = parseDate(value);
  if (t === undefined) throw new RecipeInputError(`parameter "${name}" is "${value}", which is not a date; give it as YYYY-MM-DD.`);
  return t;
}

/**
 * Builds the queries `checks` (rows, unreadable values, last purchase), `customers` and
 * `repeat_days`; a summary input needs none (it is the aggregate already).
 *
 * @example
 * clvAggregate({ params, inputs: { transactions }, sql: dialects.duckdb }).queries.customers;
 */
export function clvAggregate({ params: p, inputs, sql }: AggregateContext<ClvAggregateParams>): AggregationPlan {
  const tx = inputs.transactions;
  if (!tx) return { queries: {}, consumes: [] };
  const P = aliasPrefix([tx]);
  const as = (name: string) => sql.ident(P + name);
  const customer = relationColumn(tx, 'transactions', p.customer, 'customer');
  const timestamp = relationColumn(tx, 'transactions', p.timestamp, 'timestamp');
  const amount = tx.columns.find((c) => c.name === p.amount) ?? null;
  const group = p.group ? relationColumn(tx, 'transactions', p.group, 'group') : null;
  const calibrationEnd = dateParam('calibration_end', p.calibration_end);
  const observationEnd = dateParam('observation_end', p.observation_end);
  if (calibrationEnd !== undefined && observationEnd !== undefined && observationEnd < calibrationEnd) {
    throw new RecipeInputError(`observation_end (${p.observation_end}) is before calibration_end (${p.calibration_end}); the holdout must come after the calibration period.`);
  }

  const ts = dateValue(sql, timestamp);
  const value = amount ? numeric(sql, amount, 'transactions', 'amount') : null;
  const day = `floor(${sql.epochSeconds(ts)} / 86400)`;
  const missingTs = isMissing(sql, timestamp);
  const checks = [
    `${sql.double('count(*)')} AS ${as('rows')}`,
    `${countWhere(sql, isMissing(sql, customer))} AS ${as('missing_customer')}`,
    `${countWhere(sql, missingTs)} AS ${as('missing_timestamp')}`,
    `${countWhere(sql, `NOT ${missingTs} AND ${ts} IS NULL`)} AS ${as('bad_timestamp')}`,
    `min(CASE WHEN NOT ${missingTs} AND ${ts} IS NULL THEN ${sql.text(sql.ident(timestamp.name))} END) AS ${as('bad_timestamp_example')}`,
    `max(${sql.epochSeconds(ts)}) AS ${as('last_purchase')}`,
  ];
  if (amount && value) {
    const missingAmount = isMissing(sql, amount);
    checks.push(
      `${countWhere(sql, missingAmount)} AS ${as('missing_amount')}`,
      `${countWhere(sql, `NOT ${missingAmount} AND ${value} IS NULL`)} AS ${as('bad_amount')}`,
      `min(CASE WHEN NOT ${missingAmount} AND ${value} IS NULL THEN ${sql.text(sql.ident(amount.name))} END) AS ${as('bad_amount_example')}`,
    );
  }
  if (group) checks.push(`${countWhere(sql, isMissing(sql, group))} AS ${as('missing_group')}`);

  const valid = [`NOT ${isMissing(sql, customer)}`, `${ts} IS NOT NULL`, ...(value ? [`${value} IS NOT NULL`] : []), ...(group ? [`NOT ${isMissing(sql, group)}`] : [])].join(' AND ');
  // Without a group column no group is carried through the groupings (text keys slow them down).
  const rows =
    `(SELECT ${sql.ident(customer.name)} AS ${P}c, ${day} AS ${P}d, ${value ?? '0'} AS ${P}v${group ? `, ${sql.ident(group.name)} AS ${P}g` : ''} ` +
    `FROM ${tx.from} WHERE ${valid})`;
  // The last purchase day is the calibration end unless it is given, so without calibration_end
  // every purchase is in calibration (and an observation_end before it is refused by the model phase).
  // The holdout ends at the later of the observation end and the calibration end.
  const cal = calibrationEnd !== undefined ? sql.literal(Math.floor(calibrationEnd / DAY_MS)) : undefined;
  const obsDay = observationEnd !== undefined ? Math.max(Math.floor(observationEnd / DAY_MS), calibrationEnd !== undefined ? Math.floor(calibrationEnd / DAY_MS) : -Infinity) : undefined;
  const inObservation = obsDay !== undefined ? `${P}d <= ${sql.literal(obsDay)}` : '1 = 1';
  const inCalibration = cal !== undefined ? `${P}d <= ${cal}` : '1 = 1';
  // One row per customer and day (amounts add), with the day's groups when there is a group column.
  // Built once and read by both queries (the per-customer summary and the repeat days per day).
  const shared = sharedRelations(sql, {
    [`${P}days`]: `SELECT ${P}c, ${P}d, sum(${P}v) AS ${P}v${group ? `, min(${P}g) AS ${P}g1, max(${P}g) AS ${P}g2` : ''} FROM ${rows} AS ${P}r GROUP BY ${P}c, ${P}d`,
  });
  const days = shared.from(`${P}days`);

  // Per customer straight from the days: the first day is always in calibration for a customer kept
  // (first day ≤ calibration end), so the repeat days are the calibration days less one and their
  // value the calibration value less the first day's (arg-min: no join, no window function).
  const customers = [
    `${P}c AS ${as('customer')}`,
    `min(${P}d) AS ${as('first_day')}`,
    `max(CASE WHEN ${inCalibration} THEN ${P}d END) AS ${as('last_day')}`,
    `${sql.double(`sum(CASE WHEN ${inCalibration} THEN 1 ELSE 0 END) - 1`)} AS ${as('repeats')}`,
    `${sql.double(`sum(CASE WHEN ${inCalibration} THEN ${P}v ELSE 0 END) - ${sql.argMin(`${P}v`, `${P}d`)}`)} AS ${as('repeat_value')}`,
    // Without calibration_end every purchase is in calibration: no holdout, and no column of zeros.
    ...(cal !== undefined ? [`${countWhere(sql, `NOT (${inCalibration}) AND ${inObservation}`)} AS ${as('holdout')}`] : []),
    ...(group ? [`min(${P}g1) AS ${as('group')}`, `max(${P}g2) AS ${as('other_group')}`] : []),
  ];
  // Customers in two groups are kept whenever they were first seen, so the error can name one.
  const having = cal !== undefined ? ` HAVING min(${P}d) <= ${cal}${group ? ` OR min(${P}g1) <> max(${P}g2)` : ''}` : '';

  // Repeat purchases per day of the customers first seen by the calibration end. Without
  // calibration_end that is every customer: each day's customer-days less its first days.
  const dayCounts = days;
  const firsts = `(SELECT ${P}c, min(${P}d) AS ${P}first FROM ${days} AS ${P}r GROUP BY ${P}c)`;
  const repeatDays =
    cal === undefined
      ? `SELECT ${P}d AS ${as('day')}, ${sql.double(`sum(${P}k)`)} AS ${as('n')} FROM (` +
        `SELECT ${P}d, ${sql.double('1')} AS ${P}k FROM ${dayCounts} AS ${P}days WHERE ${inObservation} ` +
        `UNION ALL SELECT min(${P}d) AS ${P}d, ${sql.double('-1')} AS ${P}k FROM ${days} AS ${P}r GROUP BY ${P}c) AS ${P}u GROUP BY ${P}d HAVING sum(${P}k) > 0`
      : `SELECT ${P}d AS ${as('day')}, ${sql.double('count(*)')} AS ${as('n')} FROM ${dayCounts} AS ${P}days JOIN ${firsts} AS ${P}firsts USING (${P}c) ` +
        `WHERE ${P}d > ${P}first AND ${P}first <= ${cal} AND ${inObservation} GROUP BY ${P}d`;
  return {
    queries: {
      checks: `SELECT ${checks.join(', ')} FROM ${tx.from}`,
      // In the ids' text order, which the model phase keeps (a sort of the ids there costs seconds
      // at 500k customers); it checks the order and sorts only when a collation disagrees.
      customers: shared.query(`SELECT ${customers.join(', ')} FROM ${days} AS ${P}days GROUP BY ${P}c${having} ORDER BY ${sql.text(`${P}c`)}`),
      repeat_days: shared.query(repeatDays),
    },
    ...(shared.tables ? { shared: shared.tables } : {}),
    consumes: ['transactions'],
  };
}
