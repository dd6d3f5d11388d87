import type { ChartSpec } from '../types.js';
import type { Handoff } from './handoffs.js';

/**
 * Heat map of the hand-off matrix: row = channel of a touch, column = channel of the next touch,
 * colour = share of the row's hand-offs.
 *
 * @example
 * handoffChart([{ from: 'email', to: 'search', count: 12, share: 0.4 }]);
 */
export function handoffChart(rows: Handoff[]): ChartSpec {
  return {
    id: 'handoffs',
    title: 'Where journeys go next: channel hand-offs',
    caption: 'Each cell is the share of touches on the row channel followed by a touch on the column channel (rows sum to 100%).',
    x: { label: 'next channel', tickRotate: -30 },
    y: { label: 'channel' },
    // No colour legend: a continuous ramp needs a canvas, which the server-side (linkedom) report lacks; the cells carry their counts.
    color: { scheme: 'blues', label: 'share of hand-offs' },
    marginLeft: 100,
    marginBottom: 60,
    marks: [
      { mark: 'cell', data: rows, options: { x: 'to', y: 'from', fill: 'share', inset: 0.5, tip: true } },
      { mark: 'text', data: rows, options: { x: 'to', y: 'from', text: 'count', fill: 'black' } },
    ],
  };
}

/**
 * Conversion rate by the number of distinct channels a journey touched.
 *
 * @example
 * depthChart([{ channels: 1, journeys: 40, converted: 3, completion_rate: 0.075 }]);
 */
export function depthChart(rows: { channels: number; journeys: number; completion_rate: number }[]): ChartSpec {
  return {
    id: 'completion-by-channels',
    title: 'Do journeys across more channels convert more?',
    caption: 'Share of journeys that converted, by the number of distinct channels they touched.',
    x: { label: 'distinct channels in the journey' },
    y: { label: 'converted', grid: true, tickFormat: '%' },
    marks: [{ mark: 'barY', data: rows, options: { x: 'channels', y: 'completion_rate', fill: 'steelblue', tip: true } }],
  };
}
