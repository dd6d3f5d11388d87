import type { ChartSpec } from '../types.js';
import type { ContextRow } from './effects.js';
import { inkOn } from '../segments/charts.js';
import { quantile } from '../stats/quantile.js';
import type { RollingRow } from './rolling.js';
import type { DriftRow } from './drift.js';

const label = (v: number, relative: boolean) => (relative ? `${v >= 0 ? '+' : ''}${(100 * v).toFixed(0)}%` : v.toPrecision(2));

/**
 * Heat map of the lift for each value of one context (columns) and each treatment (rows).
 *
 * @example
 * contextHeatmap(rows, 'weekday', ['monday', 'tuesday'], true, 0.2);
 */
export function contextHeatmap(rows: ContextRow[], context: string, order: string[], relative: boolean, interactionP: number | null): ChartSpec {
  const data = rows.filter((r) => r.context === context).map((r) => ({ value: r.value, variant: r.variant, effect: r.effect, n: r.n + r.n_control, label: `${label(r.effect, relative)}${r.significant ? '*' : ''}` }));
  // Small context values give extreme estimates; clamp the colour scale at the 90th percentile of
  // |effect| so one noisy cell does not wash out the others (labels and tips keep the real values).
  const bound = quantile(data.map((d) => Math.abs(d.effect)), 0.9) || 1;
  const crowded = order.length > 12;
  inkOn(data, bound);
  return {
    id: `context-heatmap-${context}`,
    title: `Lift by ${context}`,
    caption: `Cell colour is the lift vs control in each ${context} (blue up, red down; * = significant after Holm). ${interactionP === null ? '' : `Does the lift depend on ${context}? interaction p = ${interactionP.toPrecision(2)}.`}`,
    x: { label: context, domain: order },
    y: { label: null },
    color: { type: 'diverging', scheme: 'RdBu', pivot: 0, domain: [-bound, bound], clamp: true },
    marginLeft: 100,
    height: 90 + 40 * new Set(data.map((d) => d.variant)).size,
    marks: [
      { mark: 'cell', data, options: { x: 'value', y: 'variant', fill: 'effect', inset: 1, tip: true } },
      // With many columns the labels would overlap; the tips still give every value.
      ...(crowded ? [] : [{ mark: 'text', data, options: { x: 'value', y: 'variant', text: 'label', fontSize: 10, fill: 'ink' } }]),
    ],
  };
}

/**
 * Rolling-window lift over time with its interval as a band.
 *
 * @example
 * rollingChart(rows, 7, true);
 */
export function rollingChart(rows: RollingRow[], window: number, relative: boolean): ChartSpec {
  const data = rows.filter((r) => r.effect !== null).map((r) => ({ date: r.window_end, variant: r.variant, effect: r.effect, ci_low: r.ci_low, ci_high: r.ci_high }));
  return {
    id: 'rolling-lift',
    title: `Lift over time (${window}-day rolling window)`,
    caption: 'Each point is the lift over the window ending that day; the band is its interval. A drifting line means the effect changes over time (novelty, seasonality, a shifting audience).',
    x: { label: 'window end', type: 'utc' },
    y: { label: relative ? 'relative lift' : 'lift', grid: true, ...(relative ? { tickFormat: '+%' } : {}) },
    marginLeft: 55,
    color: { legend: new Set(data.map((d) => d.variant)).size > 1 },
    marks: [
      { mark: 'areaY', data, options: { x: 'date', y1: 'ci_low', y2: 'ci_high', fill: 'variant', fillOpacity: 0.15 } },
      { mark: 'ruleY', data: [{ y: 0 }], options: { y: 'y', stroke: 'gray' } },
      { mark: 'line', data, options: { x: 'date', y: 'effect', stroke: 'variant' } },
    ],
  };
}

/**
 * PSI of each context's mix per window against the first window, with the usual 0.1 / 0.25 lines.
 *
 * @example
 * driftChart(rows);
 */
export function driftChart(rows: DriftRow[]): ChartSpec {
  const data = rows.filter((r) => r.psi !== null).map((r) => ({ window_start: r.window_start, context: r.context, psi: r.psi }));
  return {
    id: 'context-drift',
    title: 'Has the context mix drifted? (PSI vs the first window)',
    caption: 'Population stability index of each context’s distribution per window; below 0.1 is stable, above 0.25 a major shift.',
    x: { label: 'window start', type: 'utc' },
    y: { label: 'PSI', grid: true },
    color: { legend: true },
    marks: [
      { mark: 'ruleY', data: [{ y: 0.1 }, { y: 0.25 }], options: { y: 'y', stroke: 'firebrick', strokeDasharray: '4,3' } },
      { mark: 'line', data, options: { x: 'window_start', y: 'psi', stroke: 'context', marker: 'dot' } },
    ],
  };
}
