import type { ChartSpec } from '../types.js';

/**
 * Histogram of compound scores (bins of 0.1 from −1 to 1), one facet row per group, with the
 * ±0.05 label thresholds marked.
 *
 * @example
 * compoundChart([{ group: 'all', compound: 0.44 }]);
 */
export function compoundChart(rows: { group: string; compound: number }[]): ChartSpec {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const bin = Math.min(19, Math.floor((r.compound + 1) * 10));
    const key = `${r.group}\u0000${bin}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const bins = [...counts].map(([key, texts]) => {
    const [group, bin] = key.split('\u0000') as [string, string];
    const x1 = Number(bin) / 10 - 1;
    return { group, x1, x2: x1 + 0.1, texts };
  });
  const groups = new Set(rows.map((r) => r.group)).size;
  return {
    id: 'compound-distribution',
    title: 'How positive are the texts?',
    caption: 'Texts by VADER compound score (−1 most negative, +1 most positive), by group; dashed lines mark the neutral band −0.05…0.05.',
    x: { label: 'compound score', domain: [-1, 1] },
    y: { label: 'texts', grid: true },
    ...(groups > 1 ? { fy: { label: 'group' }, height: Math.max(200, 120 * groups) } : {}),
    marks: [
      { mark: 'rectY', data: bins, options: { x1: 'x1', x2: 'x2', y: 'texts', fill: 'steelblue', inset: 0.5, ...(groups > 1 ? { fy: 'group' } : {}) } },
      { mark: 'ruleX', data: [{ x: -0.05 }, { x: 0.05 }], options: { x: 'x', stroke: 'firebrick', strokeDasharray: '4,3' } },
    ],
  };
}
