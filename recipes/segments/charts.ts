import type { ChartSpec } from '../types.js';
import { forestChart } from './forest-chart.js';
import type { SegmentComparison } from './compare-segments.js';

/**
 * Forest plot of one metric's lift per segment, with the pooled (fixed-effect) lift as a second
 * reference line.
 *
 * @example
 * segmentForest(rows, 'conversion_rate', true, 0.05, 0.12);
 */
export function segmentForest(rows: SegmentComparison[], metric: string, relative: boolean, alpha: number, pooled?: number): ChartSpec {
  const mine = rows.filter((r) => r.metric === metric);
  const several = new Set(mine.map((r) => r.variant)).size > 1;
  return forestChart({
    id: 'segment-lift',
    title: `Lift in ${metric} by segment`,
    caption: `${Math.round(100 * (1 - alpha))}% intervals per segment; the dashed lines are zero and the pooled lift over all segments. Intervals are not Holm-adjusted; use p_value_holm to call a segment.`,
    relative,
    pooled,
    rows: mine.map((r) => ({ label: r.segment, effect: r.effect, ci_low: r.ci_low, ci_high: r.ci_high, ...(several ? { group: r.variant } : {}), significant: r.significant ?? undefined })),
  });
}

/**
 * Heat map of every metric's effect in every segment, so "who gains on what" reads at a glance.
 *
 * @example
 * segmentHeatmap(rows, true);
 */
export function segmentHeatmap(rows: SegmentComparison[], relative: boolean): ChartSpec {
  const several = new Set(rows.map((r) => r.variant)).size > 1;
  const data = rows.map((r) => ({
    segment: r.segment, metric: several ? `${r.metric}\n${r.variant}` : r.metric, effect: r.effect,
    label: `${relative ? `${(100 * r.effect).toFixed(0)}%` : r.effect.toPrecision(2)}${r.significant ? '*' : ''}`,
  }));
  inkOn(data);
  const metrics = [...new Set(data.map((d) => d.metric))];
  const segmentNames = [...new Set(data.map((d) => String(d.segment)))];
  const slanted = Math.round(10 + labelWidth(segmentNames) * Math.SQRT1_2);
  // Metrics down the side, where long names have room; segment names slanted below the cells so
  // neighbours never touch, however narrow the cell.
  return {
    id: 'segment-heatmap',
    title: 'Effect by segment and metric',
    caption: 'Cell colour is the effect vs control (blue up, red down); * marks effects that stay significant after the Holm adjustment.',
    x: { label: null, tickRotate: -45 },
    y: { label: null },
    color: { type: 'diverging', scheme: 'RdBu', pivot: 0 },
    marginLeft: labelWidth(metrics),
    marginBottom: slanted,
    // Plot's top margin (20px), the slanted names, and a row per metric (two lines with the variant).
    height: 20 + slanted + (several ? 36 : 30) * metrics.length,
    marks: [
      { mark: 'cell', data, options: { x: 'segment', y: 'metric', fill: 'effect', inset: 1, tip: true } },
      // 10px: a label like "-12%*" still fits a cell when a narrow notebook cell gives each column ~30px.
      { mark: 'text', data, options: { x: 'segment', y: 'metric', text: 'label', fill: 'ink', fontSize: 10 } },
    ],
  };
}

/** Room for the longest line of `labels` drawn at the workbench's 12px (about 7px a character). */
function labelWidth(labels: string[]): number {
  return 16 + 7 * Math.max(0, ...labels.flatMap((l) => l.split('\n').map((line) => line.length)));
}

/**
 * Adds an `ink` colour to heat-map cells so labels stay readable: white on the darkest cells
 * (`bound` is the colour scale's limit when it is clamped).
 *
 * @example
 * inkOn([{ effect: 0.1 }, { effect: 1 }]); // → inks 'black', 'white'
 */
export function inkOn(data: { effect: number; ink?: string }[], bound?: number): void {
  const max = bound ?? Math.max(...data.map((d) => Math.abs(d.effect)).filter(Number.isFinite), 0);
  for (const d of data) d.ink = max > 0 && Math.abs(d.effect) > 0.6 * max ? 'white' : 'black';
}

/**
 * One metric per segment and variant as grouped bars.
 *
 * @example
 * segmentBars(segmentRows, 'revenue_per_customer');
 */
export function segmentBars(rows: Record<string, unknown>[], metric: string): ChartSpec {
  const data = rows.filter((r) => typeof r[metric] === 'number').map((r) => ({ segment: r.segment, variant: r.variant, value: r[metric], customers: r.customers }));
  const segmentNames = [...new Set(data.map((d) => String(d.segment)))];
  const variants = new Set(data.map((d) => d.variant)).size;
  // Horizontal bars, a group per segment: the segment names sit on the left, one under another,
  // so they cannot run into each other however many segments there are.
  return {
    id: 'segment-bars',
    title: `${metric} by segment and variant`,
    caption: 'Bars per variant within each segment; hover for the number of customers behind each bar.',
    fy: { label: null, axis: 'left' },
    y: { axis: null },
    x: { label: metric, grid: true },
    color: { legend: true },
    marginLeft: labelWidth(segmentNames),
    height: 60 + segmentNames.length * (8 + 16 * Math.max(1, variants)),
    marks: [
      { mark: 'barX', data, options: { fy: 'segment', y: 'variant', x: 'value', fill: 'variant', tip: true } },
      { mark: 'ruleX', data: [{ zero: 0 }], options: { x: 'zero' } },
    ],
  };
}
