import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import { column, hasColumn, keyText, numbers } from '../sql/aggregates.js';
import { aliasPrefix, badRows, countWhere, numeric, optionalRelationColumn, relationColumn } from '../sql/relation.js';
import { dateValue, isMissing } from '../sql/values.js';
import type { AggregateContext, AggregationPlan } from '../types.js';
import { emptyCredit } from './credit.js';
import { channelIndex, type Journeys } from './journeys.js';
import type { AttributionParams } from './params.js';
import { columnName, defaultColumn } from '../column.js';
import { attributionParams } from './params.js';

/**
 * The aggregation phase of `attribution` from touchpoints, as SQL. Each journey becomes its path
 * (touches ordered by time, ties by channel) with a converted flag and value, and journeys are
 * counted per distinct path: every model but time decay reads only paths, conversions, value and
 * nulls. Each touch of a path carries its personalized flag, so personalized credit stays per
 * touch. Time decay weighs each touch by 0.5^(days to the journey's last touch / half-life),
 * normalised within the journey, which needs per-touch times: it is computed in SQL too, per
 * channel and flag (touches joined to their journey's last time, then to their weight sum).
 * Paths given as a table are the aggregate already and are read as they are.
 */

// Touches of a path are joined with a control character no channel name is expected to hold; a
// touch is written as its personalized flag ("1"/"0") followed by its channel.
const SEP = '\u001f';
const LN_HALF = Math.log(0.5);
const DATE_FORMATS = 'a date (ISO-8601, YYYYMMDD or YYYY-MM-DD HH:MM:SS)';

/**
 * Builds `checks`, `paths` (path, conversions, value, nulls) and, when time decay is asked for,
 * `time_decay` (channel, personalized, conversions, value).
 *
 * @example
 * attributionAggregate({ params, inputs: { touchpoints }, sql: dialects.duckdb }).queries.paths;
 */
export function attributionAggregate({ params: p, inputs, sql }: AggregateContext<AttributionParams>): AggregationPlan {
  const rel = inputs.touchpoints;
  if (!rel) return { queries: {}, consumes: [] };
  const P = aliasPrefix([rel]);
  const as = (name: string) => sql.ident(P + name);
  const journey = relationColumn(rel, 'touchpoints', columnName(attributionParams, p, 'journey'), 'journey');
  const timestamp = relationColumn(rel, 'touchpoints', columnName(attributionParams, p, 'timestamp'), 'timestamp');
  const channel = relationColumn(rel, 'touchpoints', columnName(attributionParams, p, 'channel'), 'channel');
  const converted = relationColumn(rel, 'touchpoints', columnName(attributionParams, p, 'converted'), 'converted');
  const valueCol = optionalRelationColumn(rel, 'touchpoints', 'value', p.value, defaultColumn(attributionParams, 'value'));
  const flagCol = optionalRelationColumn(rel, 'touchpoints', 'personalized', p.personalized, defaultColumn(attributionParams, 'personalized'));
  const ts = dateValue(sql, timestamp);
  const conv = numeric(sql, converted, 'touchpoints', 'converted');
  const value = valueCol ? numeric(sql, valueCol, 'touchpoints', 'value') : null;
  const flag = flagCol ? numeric(sql, flagCol, 'touchpoints', 'personalized') : null;

  const text = (c: { name: string }) => sql.text(sql.ident(c.name));
  const notBinary = (e: string) => `(${e} IS NULL OR (${e} <> 0 AND ${e} <> 1))`;
  const missingTs = isMissing(sql, timestamp);
  const checks = [
    `${sql.double('count(*)')} AS ${as('rows')}`,
    `${countWhere(sql, isMissing(sql, journey))} AS ${as('missing_journey')}`,
    `${countWhere(sql, missingTs)} AS ${as('missing_timestamp')}`,
    `${countWhere(sql, `NOT ${missingTs} AND ${ts} IS NULL`)} AS ${as('bad_timestamp')}`,
    `min(CASE WHEN NOT ${missingTs} AND ${ts} IS NULL THEN ${text(timestamp)} END) AS ${as('bad_timestamp_value')}`,
    `${countWhere(sql, isMissing(sql, channel))} AS ${as('missing_channel')}`,
    `${countWhere(sql, notBinary(conv))} AS ${as('bad_converted')}`,
    `min(CASE WHEN ${notBinary(conv)} THEN ${text(converted)} END) AS ${as('bad_converted_value')}`,
  ];
  if (valueCol && value) {
    const bad = `${value} IS NULL AND NOT ${isMissing(sql, valueCol)}`;
    checks.push(`${countWhere(sql, bad)} AS ${as('bad_value')}`, `min(CASE WHEN ${bad} THEN ${text(valueCol)} END) AS ${as('bad_value_value')}`);
  }
  if (flagCol && flag) {
    checks.push(`${countWhere(sql, notBinary(flag))} AS ${as('bad_personalized')}`, `min(CASE WHEN ${notBinary(flag)} THEN ${text(flagCol)} END) AS ${as('bad_personalized_value')}`);
  }

  const touchFlag = flag ? `(CASE WHEN ${flag} = 1 THEN '1' ELSE '0' END)` : `'0'`;
  const touches =
    `(SELECT ${sql.ident(journey.name)} AS ${P}j, ${sql.text(sql.ident(channel.name))} AS ${P}ch, ${touchFlag} AS ${P}f, ${sql.epochSeconds(ts)} AS ${P}t, ` +
    `${conv} AS ${P}conv, ${value ? `(CASE WHEN ${value} > 0 THEN ${value} ELSE 0 END)` : '0'} AS ${P}v ` +
    `FROM ${rel.from} WHERE NOT ${isMissing(sql, journey)} AND NOT ${isMissing(sql, channel)} AND ${ts} IS NOT NULL)`;
  // A journey converted when any of its rows says so; its value is the largest on its rows. A touch
  // is never NULL here (such rows are refused); coalesce says so to ClickHouse, whose
  // arrayStringConcat refuses Nullable text.
  const perJourney =
    `(SELECT ${P}j, ${sql.orderedJoin(`coalesce(concat(${P}f, ${P}ch), '')`, `${P}t`, SEP)} AS ${P}path, max(${P}conv) AS ${P}conv, max(${P}v) AS ${P}v ` +
    `FROM ${touches} AS ${P}touches GROUP BY ${P}j)`;
  const queries: Record<string, string> = {
    checks: `SELECT ${checks.join(', ')} FROM ${rel.from}`,
    paths:
      `SELECT ${P}path AS ${as('path')}, ${sql.double(`sum(${P}conv)`)} AS ${as('conversions')}, ` +
      `${sql.double(`sum(CASE WHEN ${P}conv = 1 THEN ${P}v ELSE 0 END)`)} AS ${as('value')}, ${sql.double(`sum(1 - ${P}conv)`)} AS ${as('nulls')} ` +
      `FROM ${perJourney} AS ${P}journeys GROUP BY ${P}path`,
  };
  if (p.models.includes('time_decay')) {
    const ends = `(SELECT ${P}j, max(${P}t) AS ${P}end, max(${P}conv) AS ${P}jconv, max(${P}v) AS ${P}jv FROM ${touches} AS ${P}touches GROUP BY ${P}j)`;
    const weights =
      `(SELECT ${P}j, ${P}ch, ${P}f, exp(${sql.literal(LN_HALF)} * (${P}end - ${P}t) / ${sql.literal(86_400 * p.half_life)}) AS ${P}w, ${P}jconv, ${P}jv ` +
      `FROM ${touches} AS ${P}touches JOIN ${ends} AS ${P}ends USING (${P}j))`;
    const sums = `(SELECT ${P}j, sum(${P}w) AS ${P}s FROM ${weights} AS ${P}weights GROUP BY ${P}j)`;
    queries.time_decay =
      `SELECT ${P}ch AS ${as('channel')}, ${P}f AS ${as('personalized')}, ${sql.double(`sum(${P}jconv * ${P}w / ${P}s)`)} AS ${as('conversions')}, ` +
      `${sql.double(`sum(CASE WHEN ${P}jconv = 1 THEN ${P}jv ELSE 0 END * ${P}w / ${P}s)`)} AS ${as('value')} ` +
      `FROM ${weights} AS ${P}weights JOIN ${sums} AS ${P}sums USING (${P}j) WHERE ${P}jconv = 1 GROUP BY ${P}ch, ${P}f`;
  }
  return { queries, consumes: ['touchpoints'] };
}

/**
 * Journeys (one per distinct path and flags, weighted by its journeys) and the time-decay credit
 * from the aggregated touchpoints; throws on what the checks counted, naming the column and the fix.
 *
 * @example
 * const data = readTouchpointAggregates(inputs, params);
 */
export function readTouchpointAggregates(inputs: Record<string, ColumnTable>, p: AttributionParams): Journeys {
  const checks = inputs.checks!;
  const count = (name: string) => (hasColumn(checks, name) ? numbers(checks, name)[0]! : 0);
  const example = (name: string) => column(checks, name)[0] ?? null;
  if (count('rows') === 0) throw new RecipeInputError('touchpoints has no rows; give it at least one row of data.');
  if (count('missing_journey')) throw badRows('touchpoints', columnName(attributionParams, p, 'journey'), 'journey', null, count('missing_journey'), 'a value (it is empty)');
  if (count('missing_timestamp')) throw badRows('touchpoints', columnName(attributionParams, p, 'timestamp'), 'timestamp', null, count('missing_timestamp'), DATE_FORMATS);
  if (count('bad_timestamp')) throw badRows('touchpoints', columnName(attributionParams, p, 'timestamp'), 'timestamp', example('bad_timestamp_value'), count('bad_timestamp'), DATE_FORMATS);
  if (count('missing_channel')) throw badRows('touchpoints', columnName(attributionParams, p, 'channel'), 'channel', null, count('missing_channel'), 'a value (it is empty)');
  if (count('bad_converted')) throw badRows('touchpoints', columnName(attributionParams, p, 'converted'), 'converted', example('bad_converted_value'), count('bad_converted'), '0 or 1 (or true/false)');
  if (count('bad_value')) throw badRows('touchpoints', columnName(attributionParams, p, 'value'), 'value', example('bad_value_value'), count('bad_value'), 'a number');
  if (count('bad_personalized')) throw badRows('touchpoints', columnName(attributionParams, p, 'personalized'), 'personalized', example('bad_personalized_value'), count('bad_personalized'), '0 or 1 (or true/false)');

  const named = new Set(p.personalized_channels);
  const ids = channelIndex();
  const paths = inputs.paths!;
  // Channels in sorted order (rows come back in no particular order), so every engine agrees.
  const names = new Set<string>();
  for (const path of Array.from(column(paths, 'path'))) for (const t of String(keyText(path)).split(SEP)) names.add(t.slice(1));
  if (inputs.time_decay) for (const c of Array.from(column(inputs.time_decay, 'channel'))) names.add(String(keyText(c)));
  [...names].sort().forEach((name) => ids.id(name));
  const conversions = numbers(paths, 'conversions');
  const value = numbers(paths, 'value');
  const nulls = numbers(paths, 'nulls');
  const journeys = Array.from(column(paths, 'path'), (path, i) => {
    const touches = String(keyText(path)).split(SEP);
    return {
      touches: touches.map((t) => ids.id(t.slice(1))),
      conversions: conversions[i]!,
      value: value[i]!,
      nulls: nulls[i]!,
      personalized: touches.map((t) => t[0] === '1' || named.has(t.slice(1))),
    };
  });
  let timeDecay;
  if (inputs.time_decay) {
    const t = inputs.time_decay;
    const channel = Array.from(column(t, 'channel'), (c) => String(keyText(c)));
    const flag = Array.from(column(t, 'personalized'), (f) => String(f) === '1');
    const conv = numbers(t, 'conversions');
    const val = numbers(t, 'value');
    timeDecay = emptyCredit(ids.channels.length);
    channel.forEach((c, r) => {
      const k = ids.id(c);
      timeDecay!.conversions[k]! += conv[r]!;
      timeDecay!.value[k]! += val[r]!;
      if (flag[r] || named.has(c)) timeDecay!.personalized += conv[r]!;
    });
  }
  return { channels: ids.channels, journeys, ...(timeDecay ? { timeDecay } : {}) };
}
