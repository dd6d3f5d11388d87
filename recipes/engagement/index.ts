import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { adjustHolm, comparisonRow, COMPARISON_COLUMNS, rowsTable, type ComparisonRow } from '../stats/comparison-rows.js';
import { throwIfAborted } from '../errors.js';
import { resolveControl, tryCompare } from '../stats/versus-control.js';
import { armsSource, engagementPlan, readArms } from './aggregate.js';
import { ENGAGEMENT_METRICS, variantRow } from './metrics.js';
import { engagementBars, engagementForest, scrollChart } from './charts.js';
import { engagementNotes } from './notes.js';
import { roles } from '../column.js';
import { engagementParams as params } from './params.js';

/**
 * Website engagement per variant (bounce rate, pages per session, session duration, time on page,
 * scroll depth, interaction rate) from session rows or page-view rows, each compared with control
 * using the lift statistics.
 *
 * @example
 * await runRecipe(engagement, { inputs: { pageviews }, params: { variant: 'variant' } });
 */
export const engagement = defineRecipe({
  id: 'engagement',
  title: 'Engagement: do visitors engage more with the personalized site?',
  description:
    'Bounce rate, pages per session, session duration, time on page (from consecutive page views; the last page of a session has no known time), scroll depth (mean and quartiles) and interaction rate per variant, each compared with control (Welch t / delta method, Holm-adjusted).',
  inputs: [
    {
      name: 'sessions',
      alternative: 'data',
      description: 'one row per session: session, variant, pageviews, duration (s), optional bounced, scroll_depth, interacted',
      roles: roles(params, ['variant', 'pageviews', 'duration', 'bounced', 'scroll_depth', 'interacted']),
    },
    {
      name: 'pageviews',
      alternative: 'data',
      description: 'one row per page view: session, variant, timestamp, optional scroll_depth (0–1), interacted (0/1)',
      roles: roles(params, [
        'session',
        'variant',
        'timestamp',
        ['scroll_depth', 'scroll depth of the page view'],
        ['interacted', '0/1 interaction on the page'],
      ]),
    },
  ],
  params,
  aggregate: engagementPlan,
  async run({ inputs, params: p, progress, signal }) {
    throwIfAborted(signal);
    const input = armsSource(inputs.arms!);
    const data = readArms(inputs, input, p);
    progress(0.4, 'comparing arms');
    const control = resolveControl([...data.keys()], p.control, input, p.variant);
    const arms = [...data].sort(([a], [b]) => (a === control ? -1 : b === control ? 1 : a.localeCompare(b)));
    const stats = new Map(arms.map(([v, arm]) => [v, arm.stats]));
    const variants = arms.map(([v, arm]) => variantRow(v, arm.stats, arm.scroll));
    const comparisons: ComparisonRow[] = [];
    const skipped: string[] = [];
    const options = { difference: p.difference, alpha: p.alpha, sided: p.sided, method: p.method } as const;
    for (const [v] of arms.slice(1)) {
      for (const { name } of ENGAGEMENT_METRICS) {
        const c = stats.get(control)![name];
        const t = stats.get(v)![name];
        if (!c || !t) continue;
        const attempt = tryCompare(c, t, options);
        if (attempt.ok) comparisons.push(comparisonRow(v, name, attempt.value));
        else skipped.push(`${name} for "${v}": ${attempt.reason}`);
      }
    }
    adjustHolm(comparisons, p.alpha);
    progress(0.9, 'charts');
    const metrics: Record<string, number | null> = { sessions: arms.reduce((a, [, arm]) => a + arm.sessions, 0), variants: arms.length };
    if (arms.length === 2) for (const c of comparisons) metrics[`${c.metric}_effect`] = c.effect;
    const charts = [engagementBars(variants, control)];
    if (comparisons.length) charts.push(engagementForest(comparisons, p.difference === 'relative', p.alpha));
    if (arms.some(([, arm]) => arm.scroll?.values.length)) charts.push(scrollChart(variants));
    return {
      metrics,
      tables: { variants: aq.from(variants), comparisons: rowsTable(comparisons, COMPARISON_COLUMNS) },
      charts,
      notes: engagementNotes({
        variants,
        comparisons,
        control,
        skipped,
        source: input,
        difference: p.difference,
        coversLastPage: p.duration_covers_last_page,
        scrollValues: arms.reduce((a, [, arm]) => a + (arm.scroll?.values.length ?? 0), 0),
      }),
    };
  },
});
