import * as aq from 'arquero';
import { columnName, roles } from '../column.js';
import { defineRecipe } from '../define-recipe.js';
import { throwIfAborted } from '../errors.js';
import { resolveControl } from '../stats/versus-control.js';
import { cellsLayout, readCells, segmentsPlan } from './aggregate.js';
import { segmentBars } from './charts.js';
import { primaryMetric } from './metrics.js';
import { segmentNotes } from './notes.js';
import { segmentsParams as params } from './params.js';
import { tabulateSegments } from './tabulate.js';
import { treatmentEffects } from './treatment-effects.js';

/**
 * Segmentation effectiveness: per segment (and variant) penetration, conversion, AOV, revenue,
 * CLV and profit; the lift of every metric within every segment; and whether the lift differs
 * across segments (Cochran's Q heterogeneity test), with Simpson's paradox and small-segment checks.
 *
 * @example
 * await runRecipe(segments, { inputs: { units }, params: { segment: 'segment', margin: 0.3 } });
 */
export const segments = defineRecipe({
  id: 'segments',
  title: 'Segments: for whom does personalization work?',
  description:
    'Per segment and variant: customers, penetration (engaged/exposed), conversion, AOV, revenue per customer, CLV, profit; the lift within each segment with Holm-adjusted p-values; heterogeneity_p_value tests whether the lift differs across segments.',
  inputs: [
    {
      name: 'units',
      description: 'one row per customer: segment, optional variant, exposed, engaged, converted, orders, revenue, clv, cost',
      roles: roles(params, ['segment', 'variant', 'exposed', 'engaged', 'converted', 'orders', 'revenue', 'clv', 'cost']),
    },
  ],
  params,
  aggregate: segmentsPlan,
  async run({ inputs, params: p, progress, signal }) {
    throwIfAborted(signal);
    const layout = cellsLayout(inputs.cells!, p);
    const u = readCells(inputs.cells!, layout, p);
    const variantCol = columnName(params, p, 'variant');
    const allVariants = [...new Set([...u.cells.values()].flatMap((byVariant) => [...byVariant.keys()]))];
    const control = layout.variant ? resolveControl(allVariants, p.control, 'units', variantCol) : '(all)';
    const order = allVariants.sort((a, b) => (a === control ? -1 : b === control ? 1 : a.localeCompare(b)));
    const treatments = order.slice(1);
    const tab = tabulateSegments(u, order, layout, p);
    progress(0.4, 'comparing segments');
    const { metric, available } = primaryMetric(tab.overall.get(control)!, p.metric);
    const effects = treatmentEffects(tab, control, treatments, metric, { difference: p.difference, alpha: p.alpha, sided: p.sided, method: p.method });
    const metrics: Record<string, number | string | null> = {
      customers: u.n,
      segments: tab.segments.length,
      primary_metric: metric,
      heterogeneity_p_value: null,
      ...effects.metrics,
    };
    const tables: Record<string, aq.ColumnTable> = { segments: aq.from(tab.rows), comparisons: effects.comparisons };
    const bars = segmentBars(
      tab.rows.filter((r) => r.segment !== '(all)'),
      available.includes('revenue_per_customer') ? 'revenue_per_customer' : metric,
    );
    progress(1, 'done');
    return {
      metrics,
      tables,
      charts: [...effects.charts, bars],
      notes: segmentNotes({
        metric,
        control,
        treatments,
        rows: effects.rows,
        skipped: effects.skipped,
        hetero: effects.hetero,
        simpson: effects.simpson,
        srm: effects.srm,
        small: tab.small,
        minCustomers: p.min_customers,
        hasVariant: !!layout.variant,
        difference: p.difference,
        margin: p.margin,
        hasRevenue: !!layout.measures.revenue,
      }),
    };
  },
});
