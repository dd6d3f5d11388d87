import { parseHTML } from 'linkedom';
import * as RealPlot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { CHART_SPEC, renderChart } from '../../../notebook/render-chart.js';
import { summarizeValue } from '../../../notebook/summarize.js';
import { recordingPlot } from './plot-recorder.js';

// As in the sandbox: Plot draws into a DOM that is not the page's.
const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
const Plot = recordingPlot(RealPlot as unknown as Record<string, unknown>) as unknown as typeof RealPlot;
const rows = [{ a: 'north', b: 1 }, { a: 'south', b: 3 }, { a: 'east', b: 2 }];
const specOf = (figure: unknown) => (figure as Record<string, unknown>)[CHART_SPEC] as { marks: { mark: string; data?: unknown; options?: unknown; transform?: string }[] } | undefined;

describe('the sandbox Plot', () => {
  it('still draws the figure, and keeps the marks as a chart spec the page can redraw', () => {
    const figure = Plot.plot({ document, marks: [Plot.barY(rows, { x: 'a', y: 'b', tip: true }), Plot.ruleY([0])] });
    expect((figure as unknown as Element).outerHTML).toContain('<svg');
    expect(specOf(figure)?.marks).toEqual([
      { mark: 'barY', data: rows, options: { x: 'a', y: 'b', tip: true } },
      { mark: 'ruleY', data: [0] },
    ]);
    expect(summarizeValue(figure).kind).toBe('chart');
  });

  it('keeps the pointer transform and composite marks such as crosshair by name', () => {
    const figure = Plot.plot({ document, marks: [Plot.dot(rows, { x: 'a', y: 'b' }), Plot.tip(rows, Plot.pointer({ x: 'a', y: 'b' })), Plot.crosshair(rows, { x: 'a', y: 'b' })] });
    const marks = specOf(figure)!.marks;
    expect(marks.map((m) => m.mark)).toEqual(['dot', 'tip', 'crosshair']);
    expect(marks[1]).toMatchObject({ transform: 'pointer', options: { x: 'a', y: 'b' } });
    // The page redraws it with the real Plot.
    expect(renderChart(specOf(figure) as never, { Plot: RealPlot as unknown as Record<string, unknown>, document }).outerHTML).toContain('aria-label="dot"');
  });

  it('sends dates as ISO text, which the redraw turns back into dates', () => {
    const figure = Plot.plot({ document, marks: [Plot.line([{ t: new Date('2025-01-01T00:00:00Z'), v: 1 }, { t: new Date('2025-02-01T00:00:00Z'), v: 2 }], { x: 't', y: 'v' })] });
    expect((specOf(figure)!.marks[0]!.data as { t: unknown }[])[0]!.t).toBe('2025-01-01T00:00:00.000Z');
    const svg = renderChart(specOf(figure) as never, { Plot: RealPlot as unknown as Record<string, unknown>, document }).outerHTML;
    // A time axis (weekly day ticks), not an ordinal one listing the ISO strings.
    expect(svg).toContain('>26</text>');
    expect(svg).not.toContain('2025-01-01T');
  });

  it('leaves a figure static when its marks use accessor functions (they cannot cross to the page)', () => {
    const figure = Plot.plot({ document, marks: [Plot.dot(rows, { x: (d: { a: string }) => d.a, y: 'b' })] });
    expect(specOf(figure)).toBeUndefined();
    expect(summarizeValue(figure).kind).toBe('html');
  });
});
