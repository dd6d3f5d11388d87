import { parseDate } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import { aliasPrefix, relationColumn } from '../sql/relation.js';
import { sharedRelations } from '../sql/shared.js';
import { dateValue, isMissing } from '../sql/values.js';
import type { AggregateContext, AggregationPlan } from '../types.js';
import { bucketOf, bucketStart, type RetentionPeriod, type WeekStart } from './buckets.js';


/**
 * The aggregation phase of `retention`, as SQL: each customer's active calendar buckets (UTC),
 * reduced to cohort cells. In `recurring` mode cell (i, j) counts the customers active in both
 * bucket i and bucket i + j (a self-join of the distinct customer × bucket pairs on the customer);
 * in `first_time` mode the cohort is the bucket of a customer's first activity ever, joined to
 * their active buckets. Buckets come back as their first instant in epoch seconds; the model phase
 * numbers them. Only counts per (group, cohort bucket, active bucket) leave the engine.
 */

export type RetentionMode = 'recurring' | 'first_time';

export interface RetentionAggregateParams {
  customer: string;
  timestamp: string;
  group?: string;
  period: RetentionPeriod;
  week_start: WeekStart;
  mode: RetentionMode;
  periods?: number;
  start?: string;
  end?: string;
}

/**
 * A date parameter as epoch ms; the error names the parameter.
 *
 * @example
 * dateParam('start', '2024-01-01'); // → 1704067200000
 */
export function dateParam(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = parseDate(value);
  if (t === undefined) throw new RecipeInputError(`parameter "${name}" is "${value}", which is not a date; give it as YYYY-MM-DD.`);
  return t;
}

/**
 * The window in bucket starts (epoch seconds) that parameters alone fix; the rest of the window
 * (from the first or to the last event) is applied by the model phase.
 */
function literalWindow(p: RetentionAggregateParams): { lower?: number; upper?: number } {
  const bucketSeconds = (b: number) => bucketStart(b, p.period, p.week_start) / 1000;
  const start = dateParam('start', p.start);
  const end = dateParam('end', p.end);
  const first = start === undefined ? undefined : bucketOf(start, p.period, p.week_start);
  const last = p.periods !== undefined ? (first === undefined ? undefined : first + p.periods - 1) : end === undefined ? undefined : bucketOf(end, p.period, p.week_start);
  return { lower: first === undefined ? undefined : bucketSeconds(first), upper: last === undefined ? undefined : bucketSeconds(last) };
}

/**
 * Builds the queries: `checks` (row counts, unreadable values, first and last event),
 * `group_conflicts` (a customer in two groups), `cells` and, in recurring mode, `customers`.
 *
 * @example
 * retentionAggregate({ params, inputs: { events }, sql: dialects.duckdb }).queries.cells;
 */
export function retentionAggregate({ params: p, inputs, sql }: AggregateContext<RetentionAggregateParams>): AggregationPlan {
  const events = inputs.events!;
  // Internal names no input column can shadow (ClickHouse resolves aliases anywhere in a query).
  const P = aliasPrefix([events]);
  const customer = relationColumn(events, 'events', p.customer, 'customer');
  const timestamp = relationColumn(events, 'events', p.timestamp, 'timestamp');
  const group = p.group ? relationColumn(events, 'events', p.group, 'group') : null;
  const c = sql.ident(customer.name);
  const g = group ? sql.ident(group.name) : sql.literal('all');
  const ts = dateValue(sql, timestamp);
  const n = (cond: string) => sql.double(`sum(CASE WHEN ${cond} THEN 1 ELSE 0 END)`);
  const missingTs = isMissing(sql, timestamp);
  const checks =
    `SELECT ${sql.double('count(*)')} AS row_count, ${n(isMissing(sql, customer))} AS missing_customer, ${n(missingTs)} AS missing_timestamp, ` +
    `${n(`NOT ${missingTs} AND ${ts} IS NULL`)} AS bad_timestamp, ` +
    `min(CASE WHEN NOT ${missingTs} AND ${ts} IS NULL THEN ${sql.text(sql.ident(timestamp.name))} END) AS bad_timestamp_example, ` +
    `${group ? n(isMissing(sql, group)) : sql.double('0')} AS missing_group, ` +
    `min(${sql.epochSeconds(ts)}) AS min_t, max(${sql.epochSeconds(ts)}) AS max_t FROM ${events.from}`;

  // The readable rows as (customer, group, bucket), optionally within the literal window. Without a
  // group column the constant group is added only to the output: carried through the distinct
  // pairs, the self-join and the grouping it nearly doubles their cost.
  const valid = `NOT ${isMissing(sql, customer)} AND ${ts} IS NOT NULL${group ? ` AND NOT ${isMissing(sql, group)}` : ''}`;
  const bucket = sql.epochSeconds(sql.truncate(p.period, ts, p.week_start));
  const { lower, upper } = literalWindow(p);
  const within = (col: string) =>
    [lower !== undefined ? `${col} >= ${sql.literal(lower)}` : '', upper !== undefined ? `${col} <= ${sql.literal(upper)}` : ''].filter(Boolean).join(' AND ') || '1 = 1';
  const gCol = group ? `${P}g, ` : '';
  const gOut = group ? `${P}g` : g;
  const rows = `(SELECT ${c} AS ${P}c, ${group ? `${g} AS ${P}g, ` : ''}${bucket} AS ${P}b FROM ${events.from} WHERE ${valid}) AS ${P}rows`;
  // The distinct customer × bucket pairs, built once (a table on the embedded engine, a
  // materialized CTE on Postgres) and read by both sides of the self-join and the per-customer
  // query: the pairs are fewer than the events, and grouping them again is the costly part.
  const shared = sharedRelations(sql, { [`${P}pairs`]: `SELECT ${P}c, ${gCol}${P}b FROM ${rows} GROUP BY ${P}c, ${gCol}${P}b` });
  const pairs = shared.from(`${P}pairs`);
  const active = `(SELECT ${P}c, ${gCol}${P}b FROM ${pairs} AS ${P}p WHERE ${within(`${P}b`)})`;
  // Per customer from the pairs (the first bucket of the pairs is the first bucket of the events).
  const perCustomer = (extra: string) => `(SELECT ${P}c, ${group ? `min(${P}g) AS ${P}g, ` : ''}min(${P}b) AS ${P}f${extra} FROM ${pairs} AS ${P}p GROUP BY ${P}c)`;

  const queries: Record<string, string> = { checks };
  if (group) {
    queries.group_conflicts =
      `SELECT ${P}c AS customer, min(${P}g) AS first_group, max(${P}g) AS second_group FROM ` +
      `(SELECT ${c} AS ${P}c, ${g} AS ${P}g FROM ${events.from} WHERE ${valid}) AS ${P}rows GROUP BY ${P}c HAVING min(${P}g) <> max(${P}g) LIMIT 1`;
  }
  if (p.mode === 'recurring') {
    queries.cells = shared.query(
      `SELECT ${gOut} AS grp, ${P}b AS cohort_start, ${P}b2 AS active_start, ${sql.double('count(*)')} AS n FROM ${active} AS ${P}x ` +
        `JOIN (SELECT ${P}c, ${P}b AS ${P}b2 FROM ${active} AS ${P}a) AS ${P}y USING (${P}c) WHERE ${P}b2 >= ${P}b GROUP BY ${gCol}${P}b, ${P}b2`,
    );
    // Per customer: first bucket ever and whether any activity falls in the literal window, so the
    // model phase can count distinct customers in the window and list every group.
    queries.customers = shared.query(
      `SELECT ${gOut} AS grp, ${P}f AS first_start, ${P}w AS in_window, ${sql.double('count(*)')} AS n FROM ` +
        `${perCustomer(`, max(CASE WHEN ${within(`${P}b`)} THEN 1 ELSE 0 END) AS ${P}w`)} AS ${P}per GROUP BY ${gCol}${P}f, ${P}w`,
    );
  } else {
    queries.cells = shared.query(
      `SELECT ${gOut} AS grp, ${P}f AS cohort_start, ${P}b AS active_start, ${sql.double('count(*)')} AS n FROM ` +
        `${perCustomer('')} AS ${P}first ` +
        `JOIN (SELECT ${P}c, ${P}b FROM ${active} AS ${P}w) AS ${P}act USING (${P}c) WHERE ${P}b >= ${P}f AND ${within(`${P}f`)} GROUP BY ${gCol}${P}f, ${P}b`,
    );
    queries.customers = shared.query(`SELECT ${gOut} AS grp, ${sql.double('count(*)')} AS n FROM ${perCustomer('')} AS ${P}per GROUP BY ${group ? `${P}g` : '1'}`);
  }
  return { queries, ...(shared.tables ? { shared: shared.tables } : {}), consumes: ['events'] };
}
