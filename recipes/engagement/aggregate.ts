import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import type { AggregateContext, AggregationPlan, SqlRelation } from '../types.js';
import type { Dialect } from '../sql/dialect.js';
import { A_DATE, column, hasColumn, keys, keyText, numbers, numbersOk, requireKeys } from '../sql/aggregates.js';
import { aliases, badRows, countWhere, numberChecks, numeric, optionalRelationColumn, relationColumn, sumOf, timestampSeconds } from '../sql/relation.js';
import type { MeanStats, MetricStats, RatioStats } from '../stats/moments.js';
import type { EngagementMetric } from './metrics.js';
import { columnName, defaultColumn } from '../column.js';
import { engagementParams } from './params.js';

/**
 * Engagement is measured with the session as the unit, whichever input was given. Time on page
 * follows web analytics: a page's time is the gap to the next page view in the session, so the
 * last page has no known time. The gaps of a session add up to last − first page view, so
 * Σ time on page = duration and the timed pages are pageviews − 1: avg_time_on_page
 * = Σ duration / Σ (pageviews − 1), which needs only each session's first and last timestamp and
 * its page count — a GROUP BY, no window function or self-join over consecutive rows.
 */

export interface EngagementColumns {
  variant: string;
  session: string;
  timestamp: string;
  pageviews?: string | undefined;
  duration?: string | undefined;
  bounced?: string | undefined;
  scroll_depth?: string | undefined;
  interacted?: string | undefined;
  duration_covers_last_page?: boolean | undefined;
}

// The column a role reads: the one named, else its declared default.
const named = (p: EngagementColumns, role: 'pageviews' | 'duration' | 'bounced' | 'scroll_depth' | 'interacted') => columnName(engagementParams, p, role);

const sq = (e: string) => `${e} * ${e}`;
type Alias = (name: string) => string;

/** Sums of a per-session numerator and denominator (a ratio metric), named `<name>_num`, `_den`, `_cross`. */
function ratioSums(sql: Dialect, as: Alias, name: string, num: string, den: string): string[] {
  return [
    `${sumOf(sql, num)} AS ${as(`${name}_num`)}`,
    `${sumOf(sql, sq(num))} AS ${as(`${name}_num_squares`)}`,
    `${sumOf(sql, den)} AS ${as(`${name}_den`)}`,
    `${sumOf(sql, sq(den))} AS ${as(`${name}_den_squares`)}`,
    `${sumOf(sql, `${num} * ${den}`)} AS ${as(`${name}_cross`)}`,
  ];
}

/** Sums of a per-session value (a mean or proportion metric), named `<name>_sum`, `<name>_squares`. */
function meanSums(sql: Dialect, as: Alias, name: string, x: string): string[] {
  return [`${sumOf(sql, x)} AS ${as(`${name}_sum`)}`, `${sumOf(sql, sq(x))} AS ${as(`${name}_squares`)}`];
}

/** Page-level scroll depths counted per variant and value, for the quartiles (and the 0–100 check). */
function scrollQuery(sql: Dialect, as: Alias, from: string, variant: string, scroll: string): string {
  return `SELECT ${variant} AS ${as('variant')}, ${scroll} AS ${as('value')}, ${sql.double('count(*)')} AS ${as('n')} FROM ${from} WHERE ${scroll} IS NOT NULL GROUP BY ${variant}, ${scroll}`;
}

function sessionsPlan(sql: Dialect, rel: SqlRelation, p: EngagementColumns): AggregationPlan {
  const as = aliases(sql, rel);
  const variant = sql.ident(relationColumn(rel, 'sessions', p.variant, 'variant').name);
  const pagesCol = relationColumn(rel, 'sessions', named(p, 'pageviews'), 'pageviews');
  const durationCol = relationColumn(rel, 'sessions', named(p, 'duration'), 'duration');
  const pages = numeric(sql, pagesCol, 'sessions', 'pageviews');
  const duration = numeric(sql, durationCol, 'sessions', 'duration');
  const bouncedCol = optionalRelationColumn(rel, 'sessions', 'bounced', p.bounced, defaultColumn(engagementParams, 'bounced'));
  const scrollCol = optionalRelationColumn(rel, 'sessions', 'scroll_depth', p.scroll_depth, defaultColumn(engagementParams, 'scroll_depth'));
  const interCol = optionalRelationColumn(rel, 'sessions', 'interacted', p.interacted, defaultColumn(engagementParams, 'interacted'));
  const timed = p.duration_covers_last_page ? pages : `(${pages} - 1)`;
  const badPages = `NOT (${pages} >= 1 AND ${pages} = floor(${pages}))`;
  const select = [
    `${variant} AS ${as('variant')}`,
    `${sql.double('count(*)')} AS ${as('n')}`,
    ...meanSums(sql, as, 'pages_per_session', pages),
    ...meanSums(sql, as, 'avg_session_duration', duration),
    ...ratioSums(sql, as, 'avg_time_on_page', duration, timed),
    ...numberChecks(sql, as, pagesCol, pages, 'pageviews'),
    ...numberChecks(sql, as, durationCol, duration, 'duration'),
    `${countWhere(sql, badPages)} AS ${as('invalid_pageviews')}`,
    `min(CASE WHEN ${badPages} THEN ${pages} ELSE NULL END) AS ${as('invalid_pageviews_value')}`,
    `${countWhere(sql, `${duration} < 0`)} AS ${as('negative_duration')}`,
    `min(${duration}) AS ${as('min_duration')}`,
  ];
  if (bouncedCol) {
    const b = numeric(sql, bouncedCol, 'sessions', 'bounced');
    const bad = `NOT (${b} = 0 OR ${b} = 1)`;
    select.push(
      ...meanSums(sql, as, 'bounce_rate', b),
      ...numberChecks(sql, as, bouncedCol, b, 'bounced'),
      `${countWhere(sql, bad)} AS ${as('nonbinary_bounced')}`,
      `min(CASE WHEN ${bad} THEN ${b} ELSE NULL END) AS ${as('nonbinary_bounced_value')}`,
    );
  } else select.push(...meanSums(sql, as, 'bounce_rate', `(CASE WHEN ${pages} = 1 THEN 1.0 ELSE 0.0 END)`));
  const queries: Record<string, string> = {};
  if (scrollCol) {
    // A session's scroll depth may be missing: it then counts no scrolled page (num 0, den 0).
    const s = numeric(sql, scrollCol, 'sessions', 'scroll_depth');
    const has = `(CASE WHEN ${s} IS NULL THEN 0.0 ELSE 1.0 END)`;
    select.push(...ratioSums(sql, as, 'scroll_depth', `coalesce(${s}, 0.0)`, has), ...numberChecks(sql, as, scrollCol, s, 'scroll_depth', 'allowed'));
    queries.scroll = scrollQuery(sql, as, rel.from, variant, s);
  }
  if (interCol) {
    const i = numeric(sql, interCol, 'sessions', 'interacted');
    select.push(...meanSums(sql, as, 'interaction_rate', `(CASE WHEN ${i} > 0 THEN 1.0 ELSE 0.0 END)`), ...numberChecks(sql, as, interCol, i, 'interacted'));
  }
  queries.arms = `SELECT ${select.join(', ')} FROM ${rel.from} GROUP BY ${variant}`;
  return { queries, consumes: ['sessions'] };
}

function pageviewsPlan(sql: Dialect, rel: SqlRelation, p: EngagementColumns): AggregationPlan {
  const session = sql.ident(relationColumn(rel, 'pageviews', p.session, 'session').name);
  const variantCol = relationColumn(rel, 'pageviews', p.variant, 'variant');
  const variant = sql.ident(variantCol.name);
  const timeCol = relationColumn(rel, 'pageviews', p.timestamp, 'timestamp');
  const t = timestampSeconds(sql, timeCol, 'pageviews', 'timestamp');
  const scrollCol = optionalRelationColumn(rel, 'pageviews', 'scroll_depth', p.scroll_depth, defaultColumn(engagementParams, 'scroll_depth'));
  const interCol = optionalRelationColumn(rel, 'pageviews', 'interacted', p.interacted, defaultColumn(engagementParams, 'interacted'));
  const as = aliases(sql, rel);
  // Per session: its arm (min = max unless it has two), page count, first-to-last seconds.
  const inner = [
    `${session} AS ${as('session')}`,
    `min(${variant}) AS ${as('v_min')}`,
    `max(${variant}) AS ${as('v_max')}`,
    `${sql.double('count(*)')} AS ${as('pages')}`,
    `max(${t}) - min(${t}) AS ${as('seconds')}`,
    ...numberChecks(sql, as, timeCol, t, 'page_timestamp'),
    `${countWhere(sql, `${variant} IS NULL`)} AS ${as('no_variant')}`,
  ];
  const queries: Record<string, string> = {};
  if (scrollCol) {
    const s = numeric(sql, scrollCol, 'pageviews', 'scroll_depth');
    inner.push(`${sumOf(sql, s)} AS ${as('scrolled')}`, `${sql.double(`count(${s})`)} AS ${as('scroll_pages')}`, ...numberChecks(sql, as, scrollCol, s, 'page_scroll_depth', 'allowed'));
    queries.scroll = scrollQuery(sql, as, rel.from, variant, s);
  }
  if (interCol) {
    const i = numeric(sql, interCol, 'pageviews', 'interacted');
    inner.push(`${countWhere(sql, `${i} > 0`)} AS ${as('interactions')}`, ...numberChecks(sql, as, interCol, i, 'page_interacted', 'allowed'));
  }
  const col = as;
  const pages = col('pages');
  const seconds = col('seconds');
  // A session's checks add up to its arm's: how many bad values, and one of them.
  const checks = (name: string) => [`${sumOf(sql, col(`bad_page_${name}`))} AS ${as(`bad_${name}`)}`, `min(${col(`bad_page_${name}_value`)}) AS ${as(`bad_${name}_value`)}`];
  const outer = [
    `${col('v_min')} AS ${as('variant')}`,
    `${col('v_max')} AS ${as('variant_other')}`,
    `${sql.double('count(*)')} AS ${as('n')}`,
    `min(${col('session')}) AS ${as('example')}`,
    `${sumOf(sql, `CASE WHEN ${col('session')} IS NULL THEN ${pages} ELSE 0 END`)} AS ${as('missing_session')}`,
    `${sumOf(sql, col('no_variant'))} AS ${as('missing_variant')}`,
    ...meanSums(sql, as, 'bounce_rate', `(CASE WHEN ${pages} = 1 THEN 1.0 ELSE 0.0 END)`),
    ...meanSums(sql, as, 'pages_per_session', pages),
    ...meanSums(sql, as, 'avg_session_duration', seconds),
    ...ratioSums(sql, as, 'avg_time_on_page', seconds, `(${pages} - 1)`),
    ...checks('timestamp'),
  ];
  if (scrollCol) outer.push(...ratioSums(sql, as, 'scroll_depth', col('scrolled'), col('scroll_pages')), ...checks('scroll_depth'));
  if (interCol) outer.push(...ratioSums(sql, as, 'interaction_rate', col('interactions'), pages), ...checks('interacted'));
  queries.arms =
    `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${rel.from} GROUP BY ${session}) AS ${as('sessions')} ` +
    `GROUP BY ${col('v_min')}, ${col('v_max')}`;
  return { queries, consumes: ['pageviews'] };
}

/**
 * The aggregation of `engagement`: `arms`, one row per variant with n sessions and the sums,
 * squares and cross products of every per-session metric (pageviews input: per session first,
 * in a subquery, then per variant), and `scroll`, page-level scroll depths counted per variant and
 * value (for the quartiles).
 *
 * @example
 * engagementPlan({ params, inputs: { pageviews }, sql: dialects.duckdb }).queries.arms;
 */
export function engagementPlan({ params: p, inputs, sql }: AggregateContext<EngagementColumns>): AggregationPlan {
  return inputs.pageviews ? pageviewsPlan(sql, inputs.pageviews, p) : sessionsPlan(sql, inputs.sessions!, p);
}

/** Which input an `arms` table was aggregated from (only sessions from page views can be in two arms). @example armsSource(inputs.arms) */
export function armsSource(arms: ColumnTable): 'sessions' | 'pageviews' {
  return hasColumn(arms, 'variant_other') ? 'pageviews' : 'sessions';
}

/** One arm, read back: sessions and the statistics of every metric it has. */
export interface EngagementArm {
  sessions: number;
  stats: Partial<Record<EngagementMetric, MetricStats>>;
  /** Scroll depths (as shares) and how many pages or sessions had each, for the quartiles. */
  scroll: { values: number[]; counts: number[] } | null;
}

function check(condition: boolean, error: () => Error): void {
  if (condition) throw error();
}

/**
 * The aggregated tables as statistics per variant, validated as the rows once were: an empty
 * input, missing values, page counts that are not whole numbers ≥ 1, negative durations, non-0/1
 * bounce flags, sessions in two variants and scroll depths outside 0–100 are errors that name the
 * column and the fix. Scroll depths given in percent (any value above 1) are rescaled to shares.
 *
 * @example
 * readArms(inputs, 'pageviews', params).get('control')!.stats.bounce_rate;
 */
export function readArms(inputs: Record<string, ColumnTable>, source: 'sessions' | 'pageviews', p: EngagementColumns): Map<string, EngagementArm> {
  const arms = inputs.arms!;
  const n = numbers(arms, 'n');
  const has = (name: string) => hasColumn(arms, name);
  const total = (name: string) => numbers(arms, name).reduce((a, b) => a + b, 0);
  const at = (name: string, i: number) => Number(column(arms, name)[i]);
  check(total('n') === 0, () => new RecipeInputError(`${source} has no rows; give it at least one row of data.`));
  if (source === 'pageviews') {
    check(total('missing_session') > 0, () => badRows('pageviews', p.session, 'session', null, total('missing_session'), 'a value (it is empty)'));
    check(total('missing_variant') > 0, () => badRows('pageviews', p.variant, 'variant', null, total('missing_variant'), 'a value (it is empty)'));
    numbersOk(arms, 'timestamp', 'pageviews', p.timestamp, 'timestamp', A_DATE);
    const lo = keys(arms, 'variant');
    const hi = keys(arms, 'variant_other');
    const example = column(arms, 'example');
    const mixed = lo.findIndex((v, i) => v !== hi[i]);
    if (mixed >= 0) {
      throw new RecipeInputError(
        `Session "${keyText(example[mixed])}" has page views in two variants ("${lo[mixed]}" and "${hi[mixed]}"); each session must belong to one arm. Fix the variant or session column.`,
      );
    }
  } else {
    const pagesCol = named(p, 'pageviews');
    const durationCol = named(p, 'duration');
    numbersOk(arms, 'pageviews', 'sessions', pagesCol, 'pageviews');
    numbersOk(arms, 'duration', 'sessions', durationCol, 'duration');
    const badPages = numbers(arms, 'invalid_pageviews').findIndex((c) => c > 0);
    if (badPages >= 0) {
      const rows = total('invalid_pageviews');
      throw new RecipeInputError(`sessions.${pagesCol} has ${at('invalid_pageviews_value', badPages)} in ${rows} row${rows === 1 ? '' : 's'}; a session has a whole number of page views, at least 1. Remove sessions without page views.`);
    }
    if (total('negative_duration') > 0) {
      const lowest = Math.min(...numbers(arms, 'min_duration'));
      const rows = total('negative_duration');
      throw new RecipeInputError(`sessions.${durationCol} is negative (${lowest}) in ${rows} row${rows === 1 ? '' : 's'}; durations are seconds ≥ 0.`);
    }
    if (has('bad_bounced')) {
      const bouncedCol = named(p, 'bounced');
      numbersOk(arms, 'bounced', 'sessions', bouncedCol, 'bounced');
      const bad = numbers(arms, 'nonbinary_bounced').findIndex((c) => c > 0);
      check(bad >= 0, () => badRows('sessions', bouncedCol, 'bounced', at('nonbinary_bounced_value', bad), total('nonbinary_bounced'), '0 or 1 (or true/false)'));
    }
  }
  if (has('bad_interacted')) numbersOk(arms, 'interacted', source, named(p, 'interacted'), 'interacted');
  if (has('bad_scroll_depth')) numbersOk(arms, 'scroll_depth', source, named(p, 'scroll_depth'), 'scroll_depth');
  const variants = requireKeys(keys(arms, 'variant'), n, source, p.variant, 'variant');
  const scroll = inputs.scroll ? readScroll(inputs.scroll, source, p) : null;
  const col = (name: string) => (has(name) ? numbers(arms, name) : null);
  const out = new Map<string, EngagementArm>();
  variants.forEach((v, i) => {
    const mean = (name: EngagementMetric, kind: 'proportion' | 'mean'): MeanStats => ({ kind, n: n[i]!, sum: col(`${name}_sum`)![i]!, sumSquares: col(`${name}_squares`)![i]! });
    const ratio = (name: EngagementMetric, scale = 1): RatioStats => ({
      kind: 'ratio', n: n[i]!, sumNum: col(`${name}_num`)![i]! * scale, sumNumSquares: col(`${name}_num_squares`)![i]! * scale * scale,
      sumDen: col(`${name}_den`)![i]!, sumDenSquares: col(`${name}_den_squares`)![i]!, sumCross: col(`${name}_cross`)![i]! * scale,
    });
    const stats: Partial<Record<EngagementMetric, MetricStats>> = {
      bounce_rate: mean('bounce_rate', 'proportion'),
      pages_per_session: mean('pages_per_session', 'mean'),
      avg_session_duration: mean('avg_session_duration', 'mean'),
      avg_time_on_page: ratio('avg_time_on_page'),
    };
    if (scroll && has('scroll_depth_num')) stats.scroll_depth = ratio('scroll_depth', scroll.scale);
    if (has('interaction_rate_num')) stats.interaction_rate = ratio('interaction_rate');
    if (has('interaction_rate_sum')) stats.interaction_rate = mean('interaction_rate', 'proportion');
    out.set(v, { sessions: n[i]!, stats, scroll: scroll?.byVariant.get(v) ?? (scroll ? { values: [], counts: [] } : null) });
  });
  return out;
}

/** The `scroll` table: values per variant (as shares), after the 0–100 check. */
function readScroll(table: ColumnTable, source: string, p: EngagementColumns): { scale: number; byVariant: Map<string, { values: number[]; counts: number[] }> } {
  const scrollCol = named(p, 'scroll_depth');
  const n = numbers(table, 'n');
  const values = Array.from(column(table, 'value'), Number);
  const out = values.filter((v) => v < 0 || v > 100);
  if (out.length) {
    const rows = values.reduce((s, v, i) => s + (v < 0 || v > 100 ? n[i]! : 0), 0);
    const worst = out.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
    throw new RecipeInputError(`${source}.${scrollCol} (the scroll_depth column) has ${worst} in ${rows} row${rows === 1 ? '' : 's'}; scroll depth must be a share from 0 to 1 (or a percentage up to 100).`);
  }
  // Scroll depth given in percent (any value above 1) is read as a share.
  const scale = values.some((v) => v > 1) ? 1 / 100 : 1;
  const variants = keys(table, 'variant');
  const byVariant = new Map<string, { values: number[]; counts: number[] }>();
  variants.forEach((v, i) => {
    if (v === null) return;
    const entry = byVariant.get(v) ?? { values: [], counts: [] };
    entry.values.push(scale === 1 ? values[i]! : values[i]! / 100);
    entry.counts.push(n[i]!);
    byVariant.set(v, entry);
  });
  return { scale, byVariant };
}
