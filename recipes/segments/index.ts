import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import { COMPARISON_COLUMNS, rowsTable } from '../stats/comparison-rows.js';
import { srmTest } from '../stats/srm.js';
import { resolveControl } from '../stats/versus-control.js';
import { addCells, cellsLayout, readCells, segmentsPlan } from './aggregate.js';
import { cellStats, segmentRow, SEGMENT_METRICS, type SegmentMetric } from './metrics.js';
import { compareSegments, segmentHeterogeneity, type CellStats } from './compare-segments.js';
import { simpsonCheck } from './simpson.js';
import { segmentBars, segmentForest, segmentHeatmap } from './charts.js';
import { segmentNotes } from './notes.js';
import { segmentsParams as params } from './params.js';
import { columnName, roles } from '../column.js';
import { finiteOrNull } from '../format.js';

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
    const bySegment = [...u.cells].sort(([a], [b]) => a.localeCompare(b));
    const cells: CellStats = new Map();
    const rows: Record<string, unknown>[] = [];
    const small: string[] = [];
    for (const [segment, sums] of bySegment) {
      const byVariant = new Map<string, ReturnType<typeof cellStats>>();
      for (const v of order) {
        const cell = sums.get(v);
        if (!cell) continue;
        const stats = cellStats(cell, layout, u.convertedKind);
        byVariant.set(v, stats);
        rows.push(segmentRow(segment, v, stats, cell, layout, p.margin));
        if (cell.n! < p.min_customers) small.push(`"${segment}" / "${v}" (${cell.n})`);
      }
      cells.set(segment, byVariant);
    }
    progress(0.4, 'comparing segments');
    const overall = new Map<string, ReturnType<typeof cellStats>>();
    for (const v of order) {
      const cell = addCells(bySegment.flatMap(([, sums]) => (sums.has(v) ? [sums.get(v)!] : [])));
      overall.set(v, cellStats(cell, layout, u.convertedKind));
      rows.push(segmentRow('(all)', v, overall.get(v)!, cell, layout, p.margin));
    }
    const available = SEGMENT_METRICS.filter((m) => overall.get(control)![m]);
    const metric: SegmentMetric =
      p.metric ??
      (available.includes('conversion_rate')
        ? 'conversion_rate'
        : available.includes('revenue_per_customer')
          ? 'revenue_per_customer'
          : available[0]!);
    if (!available.includes(metric)) {
      throw new RecipeInputError(
        `metric "${metric}" cannot be computed from units; available metrics are ${available.join(', ')}. Add the column it needs or choose one of those.`,
      );
    }
    const options = { difference: p.difference, alpha: p.alpha, sided: p.sided, method: p.method } as const;
    const metrics: Record<string, number | string | null> = {
      customers: u.n,
      segments: bySegment.length,
      primary_metric: metric,
      heterogeneity_p_value: null,
    };
    const tables: Record<string, aq.ColumnTable> = { segments: aq.from(rows) };
    const charts = [];
    let cmp = { rows: [] as ReturnType<typeof compareSegments>['rows'], skipped: [] as string[] };
    const hetero = new Map<string, ReturnType<typeof segmentHeterogeneity>>();
    const simpson = new Map<string, ReturnType<typeof simpsonCheck>>();
    let srm: { chi2: number; pValue: number } | null = null;
    if (treatments.length) {
      cmp = compareSegments(cells, control, treatments, options);
      const overallCmp = compareSegments(new Map([['(all)', overall]]), control, treatments, options);
      tables.comparisons = rowsTable([...cmp.rows, ...overallCmp.rows], ['segment', ...COMPARISON_COLUMNS]);
      for (const t of treatments) {
        const h = segmentHeterogeneity(cmp.rows, t, metric);
        hetero.set(t, h);
        metrics[`heterogeneity_p_value_${t}`] = finiteOrNull(h.pValue);
        simpson.set(t, simpsonCheck(cells, overall, control, t, metric));
      }
      const first = hetero.get(treatments[0]!)!;
      Object.assign(metrics, {
        heterogeneity_p_value: finiteOrNull(first.pValue),
        heterogeneity_q: finiteOrNull(first.q),
        heterogeneity_i2: finiteOrNull(first.i2),
        pooled_effect: finiteOrNull(first.pooled),
      });
      srm = srmTest(order.map((v) => overall.get(v)![metric]!.n));
      Object.assign(metrics, { srm_p_value: srm.pValue, srm_chi2: srm.chi2 });
      const relative = p.difference === 'relative';
      charts.push(
        segmentForest(cmp.rows, metric, relative, p.alpha, treatments.length === 1 ? first.pooled : undefined),
        segmentHeatmap(cmp.rows, relative),
      );
    } else {
      tables.comparisons = rowsTable([], ['segment', ...COMPARISON_COLUMNS]);
    }
    charts.push(
      segmentBars(
        rows.filter((r) => r.segment !== '(all)'),
        available.includes('revenue_per_customer') ? 'revenue_per_customer' : metric,
      ),
    );
    progress(1, 'done');
    return {
      metrics,
      tables,
      charts,
      notes: segmentNotes({
        metric,
        control,
        treatments,
        rows: cmp.rows,
        skipped: cmp.skipped,
        hetero,
        simpson,
        srm,
        small,
        minCustomers: p.min_customers,
        hasVariant: !!layout.variant,
        difference: p.difference,
        margin: p.margin,
        hasRevenue: !!layout.measures.revenue,
      }),
    };
  },
});
