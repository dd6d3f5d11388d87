import type { ChartSpec } from '../types.js';

/** One line of a forest plot: an estimate and its interval. */
export interface ForestRow {
  label: string;
  effect: number;
  ci_low: number;
  ci_high: number;
  /** Colour (e.g. the variant when there are several). */
  group?: string;
  /** Whether the interval excludes zero after the multiple-comparison adjustment. */
  significant?: boolean;
}

/**
 * A forest plot: one row per stratum, a dot at the estimate, a bar for the interval and a line at
 * zero, so "which segments gained, and how sure are we" reads at a glance. Infinite interval ends
 * (one-sided tests) are drawn to the edge of the data.
 *
 * @example
 * forestChart({ id: 'segment-lift', title: 'Lift by segment', rows: [{ label: 'students', effect: 0.1, ci_low: 0, ci_high: 0.2 }], relative: true });
 */
export function forestChart(spec: { id: string; title: string; caption?: string; rows: ForestRow[]; relative: boolean; xLabel?: string; pooled?: number }): ChartSpec {
  const finite = spec.rows.flatMap((r) => [r.ci_low, r.ci_high, r.effect]).filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  const data = spec.rows.map((r) => ({
    ...r,
    ci_low: Number.isFinite(r.ci_low) ? r.ci_low : lo,
    ci_high: Number.isFinite(r.ci_high) ? r.ci_high : hi,
    group: r.group ?? 'effect',
    significance: r.significant === undefined ? undefined : r.significant ? 'significant' : 'not significant',
  }));
  const refs = [{ x: 0 }, ...(spec.pooled !== undefined && Number.isFinite(spec.pooled) ? [{ x: spec.pooled }] : [])];
  return {
    id: spec.id,
    title: spec.title,
    caption: spec.caption ?? 'Dots are estimates, bars their intervals; a bar crossing the zero line is not a clear effect.',
    x: { label: spec.xLabel ?? (spec.relative ? 'relative effect vs control' : 'effect vs control'), grid: true, ...(spec.relative ? { tickFormat: '+%' } : {}) },
    y: { label: null, domain: [...new Set(data.map((d) => d.label))] },
    color: { legend: new Set(data.map((d) => d.group)).size > 1 },
    marginLeft: 130,
    height: Math.max(120, 40 + 28 * new Set(data.map((d) => d.label)).size),
    marks: [
      { mark: 'ruleX', data: refs, options: { x: 'x', stroke: 'gray', strokeDasharray: '3,3' } },
      { mark: 'ruleY', data, options: { y: 'label', x1: 'ci_low', x2: 'ci_high', stroke: 'group', strokeWidth: 2 } },
      { mark: 'dot', data, options: { y: 'label', x: 'effect', fill: 'group', r: 4.5, tip: true } },
    ],
  };
}
