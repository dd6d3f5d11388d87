import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { isChartSpec, renderChart } from './render-chart.js';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const env = { Plot: Plot as unknown as Record<string, unknown>, document };

describe('renderChart', () => {
  it('draws every mark of a spec into an SVG with title and caption (linkedom)', () => {
    const spec = {
      id: 'effects',
      title: 'Relative lift',
      caption: 'Bars are 95% intervals.',
      x: { label: 'effect' },
      marks: [
        { mark: 'ruleX', data: [0] },
        { mark: 'link', data: [{ lo: -0.1, hi: 0.3, m: 'converted' }], options: { x1: 'lo', x2: 'hi', y1: 'm', y2: 'm' } },
        { mark: 'dot', data: [{ e: 0.1, m: 'converted' }, { e: 0.2, m: 'revenue' }], options: { x: 'e', y: 'm' } },
      ],
    };
    const el = renderChart(spec, env);
    const html = el.outerHTML;
    expect(el.tagName.toLowerCase()).toBe('figure');
    expect(html).toContain('<h2>Relative lift</h2>');
    expect(html).toContain('Bars are 95% intervals.');
    expect(el.querySelectorAll('circle').length).toBe(2);
    expect(html).toContain('aria-label="link"');
    expect(html).toContain('aria-label="rule"');
    expect(html).toContain('>effect');
  });

  it('returns a bare SVG when there is no title or caption', () => {
    const el = renderChart({ marks: [{ mark: 'barY', data: [{ a: 'x', n: 3 }], options: { x: 'a', y: 'n' } }] }, env);
    expect(el.tagName.toLowerCase()).toBe('svg');
    expect(el.querySelectorAll('rect').length).toBe(1);
  });

  it('refuses names that are not marks, naming the chart and the mark', () => {
    expect(() => renderChart({ id: 'c1', marks: [{ mark: 'plot' }] }, env)).toThrow(/Chart "c1": mark 1 is "plot", which is not an Observable Plot mark/);
    expect(() => renderChart({ id: 'c2', marks: [{ mark: 'constructor' }] }, env)).toThrow(/not an Observable Plot mark/);
    expect(() => renderChart({ marks: 'dot' } as never, env)).toThrow(/needs a "marks" array/);
  });

  it('recognizes chart specs', () => {
    expect(isChartSpec({ marks: [{ mark: 'dot' }] })).toBe(true);
    expect(isChartSpec({ marks: [1] })).toBe(false);
    expect(isChartSpec(null)).toBe(false);
  });
});
