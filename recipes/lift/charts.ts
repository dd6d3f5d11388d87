import { phiInv } from '../stats/distributions.js';
import type { ChartSpec } from '../types.js';
import type { ComparisonRow, VariantRow } from './comparisons.js';
import type { LiftParams } from './params.js';

/**
 * Forest plot of every comparison: a dot at the effect, a horizontal rule across its interval and
 * a dashed zero line, so "does the interval cross zero" is visible at a glance. A one-sided
 * interval is drawn from the effect to its finite end.
 *
 * @example
 * effectChart(rows, params, ['control', 'personalized']).marks.map((m) => m.mark); // → ['ruleX', 'ruleY', 'dot']
 */
export function effectChart(rows: ComparisonRow[], params: LiftParams, variants: string[]): ChartSpec {
  const data = rows
    .filter((r) => r.effect !== null)
    .map((r) => ({
      label: `${r.variant} · ${r.metric}`,
      variant: r.variant,
      metric: r.metric,
      effect: r.effect,
      ci_low: r.ci_low ?? r.effect,
      ci_high: r.ci_high ?? r.effect,
      p_value: r.p_value,
      significant: r.significant ? 'significant' : 'not significant',
    }));
  const relative = params.difference === 'relative';
  const level = Math.round((1 - params.alpha) * 1000) / 10;
  return {
    id: 'effects',
    title: `Effect of each variant vs control (${level}% ${params.method === 'bayesian' ? 'credible' : 'confidence'} intervals)`,
    caption:
      (relative ? 'Relative change of each metric against the control mean' : 'Difference of each metric from control, in the metric\'s units') +
      '; dashed line: no effect.' +
      (params.sided === 'two' ? '' : ' One-sided test: the interval is open on one side and drawn from the estimate to its finite end.'),
    marks: [
      { mark: 'ruleX', data: [{ zero: 0 }], options: { x: 'zero', stroke: '#888', strokeDasharray: '4,3' } },
      { mark: 'ruleY', data, options: { y: 'label', x1: 'ci_low', x2: 'ci_high', stroke: 'variant', strokeWidth: 2 } },
      { mark: 'dot', data, options: { y: 'label', x: 'effect', fill: 'variant', r: 4, tip: true } },
    ],
    x: { label: relative ? 'Relative effect vs control' : 'Effect vs control', grid: true, ...(relative ? { tickFormat: '+%' } : {}) },
    y: { label: null },
    // The same variant → colour mapping in every chart of the run, but a legend of the variants
    // drawn here: the control has no effect of its own, so no swatch.
    color: { legend: true, ...variantColors(variants, [...new Set(data.map((d) => d.variant))]) },
    marginLeft: 160,
    height: 60 + 30 * Math.max(1, data.length),
  };
}

// Plot's default categorical scheme (observable10), so explicit ranges match its other charts.
const PALETTE = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];

/**
 * A colour scale over the variants `shown`, each in the colour it has in a scale over all
 * `variants` (so a chart without the control keeps every other variant's colour).
 *
 * @example
 * variantColors(['control', 'b'], ['b']); // → { domain: ['b'], range: ['#efb118'] }
 */
export function variantColors(variants: string[], shown: string[]): { domain: string[]; range: string[] } {
  const domain = variants.filter((v) => shown.includes(v));
  return { domain, range: domain.map((v) => PALETTE[variants.indexOf(v) % PALETTE.length]!) };
}

/**
 * One bar chart per metric of each variant's mean with its (1 − alpha) confidence interval
 * (mean ± z·√(variance/n)); one chart per metric because metrics live on different scales.
 *
 * @example
 * meanCharts(variantRows, params, ['control', 'personalized']).map((c) => c.id); // → ['means-converted', 'means-revenue']
 */
export function meanCharts(rows: VariantRow[], params: LiftParams, variants: string[]): ChartSpec[] {
  const z = phiInv(1 - params.alpha / 2);
  const metrics = [...new Set(rows.map((r) => r.metric))];
  return metrics.map((metric) => {
    const data = rows
      .filter((r) => r.metric === metric && r.mean !== null)
      .map((r) => {
        const half = r.variance === null ? 0 : z * Math.sqrt(r.variance / r.n);
        return { variant: r.variant, mean: r.mean, n: r.n, lo: r.mean! - half, hi: r.mean! + half };
      });
    return {
      id: `means-${metric}`,
      title: `Mean ${metric} per variant`,
      caption: `Bars: mean per unit; lines: ${Math.round((1 - params.alpha) * 1000) / 10}% confidence interval of the mean.`,
      marks: [
        { mark: 'barY', data, options: { x: 'variant', y: 'mean', fill: 'variant', tip: true } },
        { mark: 'ruleX', data, options: { x: 'variant', y1: 'lo', y2: 'hi', stroke: '#333', strokeWidth: 1.5 } },
        { mark: 'ruleY', data: [{ zero: 0 }], options: { y: 'zero' } },
      ],
      x: { label: null, domain: variants },
      y: { label: metric, grid: true },
      color: { domain: variants },
      height: 260,
    };
  });
}
