import type { ChartSpec } from '../types.js';
import type { CurvePoint } from './curves.js';

/**
 * The retention heat map (cohort × period index, coloured by rate) and the retention curves.
 *
 * @example
 * retentionCharts(matrixRows, curvePoints, 'week').map((c) => c.id); // → ['heatmap', 'curves']
 */
export function retentionCharts(matrix: { cohort: string; period_index: number; rate: number | null }[], curves: CurvePoint[], period: string): ChartSpec[] {
  return [
    {
      id: 'heatmap',
      title: 'Retention by cohort',
      caption: `Share of each ${period}'s cohort still active ${period}s later.`,
      marks: [
        { mark: 'cell', data: matrix.filter((r) => r.rate !== null), options: { x: 'period_index', y: 'cohort', fill: 'rate', inset: 0.5 } },
        { mark: 'text', data: matrix.filter((r) => r.rate !== null).map((r) => ({ ...r, label: `${Math.round(100 * (r.rate as number))}%` })), options: { x: 'period_index', y: 'cohort', text: 'label', fontSize: 9 } },
      ],
      x: { label: `${period}s since cohort start`, type: 'band' },
      y: { label: 'cohort', type: 'band' },
      color: { scheme: 'blues', domain: [0, 1], legend: true, label: 'retained' },
      marginLeft: 80,
    },
    {
      id: 'curves',
      title: 'Retention curves',
      caption: 'Pooled over cohorts: retained / cohort size at each period index.',
      marks: [
        { mark: 'line', data: curves.filter((c) => c.rate !== null).map((c) => ({ ...c })), options: { x: 'period_index', y: 'rate', stroke: 'group', marker: 'dot' } },
      ],
      x: { label: `${period}s since cohort start` },
      y: { label: 'retention', domain: [0, 1], grid: true },
      color: { legend: true },
    },
  ];
}
