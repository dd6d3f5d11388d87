import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { effectChart, meanCharts, variantColors } from './charts.js';
import type { ComparisonRow, VariantRow } from './comparisons.js';
import { liftParams } from './params.js';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const plot = Plot as unknown as Record<string, (data: unknown, options?: unknown) => unknown>;

/** Draws a spec the way the notebook and report renderers do: Plot[mark](data, options) into Plot.plot. */
function draw(spec: ReturnType<typeof effectChart>): Element {
  const { id: _id, marks, ...options } = spec;
  const built = marks.map((m) => plot[m.mark]!(m.data, m.options));
  return (Plot.plot as (o: unknown) => Element)({ ...options, marks: built, document });
}

const row = (variant: string, metric: string, effect: number | null, lo: number | null, hi: number | null): ComparisonRow => ({
  variant, metric, control_mean: 0.1, mean: 0.11, effect, se: 0.05, ci_low: lo, ci_high: hi, p_value: 0.04, p_value_holm: 0.08, p_value_adjusted: 0.08, dof: 1000,
  significant: false, chance_to_win: 0.97, risk_control: 0.1, risk_treatment: 0.01,
});

describe('lift charts', () => {
  const params = liftParams.parse({});

  it('effect chart: a dot and an interval per comparison, a zero line, percent axis', () => {
    const spec = effectChart([row('b', 'converted', 0.1, -0.02, 0.22), row('c', 'converted', -0.05, null, 0.01), row('c', 'revenue', null, null, null)], params, ['a', 'b', 'c']);
    expect(spec.marks.map((m) => m.mark)).toEqual(['ruleX', 'ruleY', 'dot']);
    expect(spec.marks[2]!.data).toHaveLength(2); // the uncomparable pair is left out
    expect(spec.marks[1]!.data![1]).toMatchObject({ ci_low: -0.05, ci_high: 0.01 }); // open end drawn from the effect
    const svg = draw(spec).outerHTML;
    expect((svg.match(/<circle/g) ?? []).length).toBe(2);
    expect(svg).toContain('aria-label="rule"');
    expect(svg).toMatch(/\+10%|\+20%/);
  });

  it('mean charts: one per metric with bars and interval rules', () => {
    const variants: VariantRow[] = [
      { variant: 'control', metric: 'revenue', n: 100, mean: 20, variance: 25 },
      { variant: 'b', metric: 'revenue', n: 100, mean: 22, variance: 36 },
      { variant: 'control', metric: 'converted', n: 100, mean: 0.1, variance: 0.09 },
      { variant: 'b', metric: 'converted', n: 100, mean: 0.12, variance: 0.1056 },
    ];
    const charts = meanCharts(variants, params, ['control', 'b']);
    expect(charts.map((c) => c.id)).toEqual(['means-revenue', 'means-converted']);
    expect(charts[0]!.marks[1]!.data![0]).toMatchObject({ lo: 20 - 1.959963984540054 * 0.5, hi: 20 + 1.959963984540054 * 0.5 });
    const svg = draw(charts[0]!).outerHTML;
    expect((svg.match(/<rect/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('effect chart legend: only the variants it draws, each in its colour of the whole run', () => {
    const spec = effectChart([row('b', 'converted', 0.1, -0.02, 0.22), row('c', 'converted', -0.05, -0.1, 0.01)], params, ['a', 'b', 'c']);
    expect(spec.color).toEqual({ legend: true, domain: ['b', 'c'], range: ['#efb118', '#ff725c'] });
    // The mean charts' default scheme gives b and c the same colours as a scale over a, b and c.
    expect(variantColors(['a', 'b', 'c'], ['c', 'a'])).toEqual({ domain: ['a', 'c'], range: ['#4269d0', '#ff725c'] });
  });
});
