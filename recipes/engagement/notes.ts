import type { ComparisonRow } from '../stats/comparison-rows.js';
import { ENGAGEMENT_METRICS } from './metrics.js';
import { count, signedChange } from '../format.js';

/** More distinct scroll depths than this is worth a word: each came back as a row for the quartiles. */
const MANY_VALUES = 10_000;

/**
 * Findings and caveats of an engagement comparison, one sentence each.
 *
 * @example
 * engagementNotes({ variants, comparisons, control: 'control', skipped: [], source: 'sessions', difference: 'relative' });
 */
export function engagementNotes(x: { variants: Record<string, unknown>[]; comparisons: ComparisonRow[]; control: string; skipped: string[]; source: string; difference: string; coversLastPage?: boolean; scrollValues?: number }): string[] {
  const relative = x.difference === 'relative';
  const notes: string[] = [];
  for (const c of x.comparisons) {
    const lower = ENGAGEMENT_METRICS.find((m) => m.name === c.metric)!.lowerIsBetter;
    const better = lower ? c.effect < 0 : c.effect > 0;
    const verdict = c.significant === null ? '' : c.significant ? (better ? ': better, and clear after the Holm adjustment' : ': worse, and clear after the Holm adjustment') : ': not a clear difference';
    notes.push(`${c.metric} of "${c.variant}" vs "${x.control}": ${signedChange(c.effect, relative)} (interval ${signedChange(c.ci_low, relative)} to ${signedChange(c.ci_high, relative)})${verdict}.`);
  }
  if (x.comparisons.length > 1) notes.push(`${x.comparisons.length} metrics were compared, so significance uses Holm-adjusted p-values (p_value_holm) to keep the family-wise error at alpha.`);
  for (const s of x.skipped) notes.push(`Not compared: ${s}`);
  const small = x.variants.filter((v) => (v.sessions as number) < 100);
  if (small.length) notes.push(`Few sessions in ${small.map((v) => `"${v.variant}" (${v.sessions})`).join(', ')}: engagement averages of under 100 sessions are noisy.`);
  notes.push('The unit is the session; when one visitor has many sessions they are not independent, so intervals can be somewhat too narrow. Randomize and analyse by visitor (lift on units) for the strictest test.');
  notes.push(
    x.source === 'pageviews'
      ? 'Time on page is the gap to the next page view; the last page of each session has no known time and is left out (as in web analytics), so one-page sessions add no time on page.'
      : x.coversLastPage
        ? 'Time on page is session duration over page views (durations include the last page, as you said with duration_covers_last_page).'
        : 'Time on page is session duration over (pageviews − 1): the last page of a session has no known time (as in web analytics); set duration_covers_last_page if your durations include it.',
  );
  if ((x.scrollValues ?? 0) > MANY_VALUES) {
    notes.push(`scroll_depth has ${count(x.scrollValues!)} distinct values per arm in all; the quartiles came back one row per value and arm, so round it (e.g. to whole percent) to keep that small on large data.`);
  }
  if (x.comparisons.some((c) => c.metric === 'interaction_rate') || x.variants.some((v) => 'interaction_rate' in v)) {
    notes.push(x.source === 'pageviews' ? 'Interaction rate is the share of page views with an interaction.' : 'Interaction rate is the share of sessions with an interaction.');
  }
  return notes;
}
