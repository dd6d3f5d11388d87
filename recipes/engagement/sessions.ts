import type { ColumnTable } from 'arquero';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import { binaryColumn, dateColumn, numberColumn, requireRows, stringColumn } from '../columns.js';
import { optionalColumn } from '../stats/roles.js';
import { groupIndices } from '../stats/versus-control.js';

/**
 * Engagement reduced to one record per session, whichever input was given. Time on page follows
 * web analytics: a page's time is the gap to the next page view in the session, so the last page
 * has no known time; a session's duration is first to last page view, and its timed pages are
 * pageviews − 1. Hence avg_time_on_page = Σ duration / Σ (pageviews − 1) either way.
 */
export interface SessionData {
  variant: string[];
  pageviews: Float64Array;
  duration: Float64Array;
  bounced: Float64Array;
  /** Σ scroll depth and number of page views with one, per session (null without scroll data). */
  scrollSum: Float64Array | null;
  scrollCount: Float64Array | null;
  /** Every page-level scroll depth with its session's variant, for quartiles. */
  scrollValues: { variant: string; value: number }[];
  /** Page views with an interaction per session (pageviews input), or a 0/1 flag per session (sessions input). */
  interacted: Float64Array | null;
  source: 'sessions' | 'pageviews';
  /** Whether `duration` includes the last page's time (so time on page divides by all page views). */
  durationCoversLastPage: boolean;
}

export interface EngagementColumns {
  variant: string;
  session: string;
  timestamp: string;
  pageviews?: string;
  duration?: string;
  bounced?: string;
  scroll_depth?: string;
  interacted?: string;
  duration_covers_last_page?: boolean;
}

function checkScroll(values: Float64Array, input: string, column: string): void {
  values.forEach((v, i) => {
    if (!Number.isNaN(v) && (v < 0 || v > 100)) {
      throw new RecipeInputError(`${input}.${column} (the scroll_depth column) has ${v} in row ${i + 1}; scroll depth must be a share from 0 to 1 (or a percentage up to 100).`);
    }
  });
}

/** Scroll depth given in percent (any value above 1) is rescaled to a 0–1 share. */
function asShare(values: Float64Array): Float64Array {
  return values.some((v) => v > 1) ? values.map((v) => v / 100) : values;
}

/**
 * One row per session with pageviews and duration (seconds), optional bounced, scroll_depth, interacted.
 *
 * @example
 * fromSessions(aq.from([{ session_id: 's1', variant: 'a', pageviews: 3, duration: 60 }]), cols);
 */
export function fromSessions(table: ColumnTable, c: EngagementColumns): SessionData {
  requireRows(table, 'sessions');
  const variant = stringColumn(table, 'sessions', c.variant, 'variant');
  const pageviews = numberColumn(table, 'sessions', c.pageviews ?? 'pageviews', 'pageviews');
  const duration = numberColumn(table, 'sessions', c.duration ?? 'duration', 'duration');
  pageviews.forEach((v, i) => {
    if (!(v >= 1) || !Number.isInteger(v)) throw new RecipeInputError(`sessions.${c.pageviews ?? 'pageviews'} has ${v} in row ${i + 1}; a session has a whole number of page views, at least 1. Remove sessions without page views.`);
    if (duration[i]! < 0) throw new RecipeInputError(`sessions.${c.duration ?? 'duration'} is negative (${duration[i]}) in row ${i + 1}; durations are seconds ≥ 0.`);
  });
  const bouncedCol = optionalColumn(table, 'sessions', 'bounced', c.bounced, 'bounced');
  const scrollCol = optionalColumn(table, 'sessions', 'scroll_depth', c.scroll_depth, 'scroll_depth');
  const interCol = optionalColumn(table, 'sessions', 'interacted', c.interacted, 'interacted');
  const scroll = scrollCol ? numberColumn(table, 'sessions', scrollCol, 'scroll_depth', { missing: 'nan' }) : null;
  if (scroll) checkScroll(scroll, 'sessions', scrollCol!);
  const share = scroll ? asShare(scroll) : null;
  return {
    variant,
    pageviews,
    duration,
    bounced: bouncedCol ? binaryColumn(table, 'sessions', bouncedCol, 'bounced') : pageviews.map((v) => +(v === 1)),
    scrollSum: share ? share.map((v) => (Number.isNaN(v) ? 0 : v)) : null,
    scrollCount: share ? share.map((v) => +!Number.isNaN(v)) : null,
    scrollValues: share ? [...share].flatMap((value, i) => (Number.isNaN(value) ? [] : [{ variant: variant[i]!, value }])) : [],
    interacted: interCol ? numberColumn(table, 'sessions', interCol, 'interacted').map((v) => +(v > 0)) : null,
    source: 'sessions',
    durationCoversLastPage: c.duration_covers_last_page ?? false,
  };
}

/**
 * One row per page view with session, variant and timestamp, optional scroll_depth and interacted.
 *
 * @example
 * fromPageviews(aq.from([{ session_id: 's1', variant: 'a', timestamp: '2025-01-01T10:00:00Z' }]), cols);
 */
export function fromPageviews(table: ColumnTable, c: EngagementColumns, signal?: AbortSignal): SessionData {
  requireRows(table, 'pageviews');
  const session = stringColumn(table, 'pageviews', c.session, 'session');
  const variantOf = stringColumn(table, 'pageviews', c.variant, 'variant');
  const time = dateColumn(table, 'pageviews', c.timestamp, 'timestamp');
  const scrollCol = optionalColumn(table, 'pageviews', 'scroll_depth', c.scroll_depth, 'scroll_depth');
  const interCol = optionalColumn(table, 'pageviews', 'interacted', c.interacted, 'interacted');
  const scrollRaw = scrollCol ? numberColumn(table, 'pageviews', scrollCol, 'scroll_depth', { missing: 'nan' }) : null;
  if (scrollRaw) checkScroll(scrollRaw, 'pageviews', scrollCol!);
  const scroll = scrollRaw ? asShare(scrollRaw) : null;
  const inter = interCol ? numberColumn(table, 'pageviews', interCol, 'interacted', { missing: 'nan' }) : null;
  const groups = [...groupIndices(session)];
  const n = groups.length;
  const out: SessionData = {
    variant: new Array<string>(n), pageviews: new Float64Array(n), duration: new Float64Array(n), bounced: new Float64Array(n),
    scrollSum: scroll ? new Float64Array(n) : null, scrollCount: scroll ? new Float64Array(n) : null, scrollValues: [],
    interacted: inter ? new Float64Array(n) : null, source: 'pageviews', durationCoversLastPage: false,
  };
  groups.forEach(([id, idx], s) => {
    // Millions of page views take seconds: let a cancelled run stop between sessions.
    if (s % 10_000 === 0) throwIfAborted(signal);
    const v = variantOf[idx[0]!]!;
    const other = idx.find((i) => variantOf[i] !== v);
    if (other !== undefined) {
      throw new RecipeInputError(`Session "${id}" has page views in two variants ("${v}" and "${variantOf[other]}", rows ${idx[0]! + 1} and ${other + 1}); each session must belong to one arm. Fix the variant or session column.`);
    }
    let first = Infinity;
    let last = -Infinity;
    for (const i of idx) {
      first = Math.min(first, time[i]!);
      last = Math.max(last, time[i]!);
    }
    out.variant[s] = v;
    out.pageviews[s] = idx.length;
    out.duration[s] = (last - first) / 1000;
    out.bounced[s] = +(idx.length === 1);
    if (scroll) {
      for (const i of idx) {
        if (Number.isNaN(scroll[i]!)) continue;
        out.scrollSum![s] += scroll[i]!;
        out.scrollCount![s] += 1;
        out.scrollValues.push({ variant: v, value: scroll[i]! });
      }
    }
    if (inter) out.interacted![s] = idx.filter((i) => inter[i]! > 0).length;
  });
  return out;
}
