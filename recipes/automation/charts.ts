import type { ChartSpec } from '../types.js';
import type { Run } from './runs.js';

/** A readable bin width (1, 2 or 5 × 10^k) giving about `target` bins over `span`. */
function niceStep(span: number, target: number): number {
  const raw = span / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

/**
 * Histogram of hours from creation to launch with the median and p90 marked.
 *
 * @example
 * deploymentChart([3, 5, 20, 41], 12.5, 35.3);
 */
export function deploymentChart(hours: number[], median: number | null, p90: number | null): ChartSpec {
  const max = Math.max(...hours, 1);
  const step = niceStep(max, Math.min(30, Math.ceil(2 * Math.sqrt(hours.length))));
  const bins = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => ({ x1: i * step, x2: (i + 1) * step, runs: 0 }));
  for (const h of hours) bins[Math.min(bins.length - 1, Math.floor(h / step))]!.runs++;
  const markers = [
    ...(median === null ? [] : [{ hours: median, label: `median ${median.toFixed(1)} h` }]),
    ...(p90 === null ? [] : [{ hours: p90, label: `p90 ${p90.toFixed(1)} h` }]),
  ];
  return {
    id: 'deployment-time',
    title: 'How long campaigns take from creation to launch',
    caption: 'Runs by hours from created_at to launched_at; lines mark the median and the 90th percentile.',
    x: { label: 'hours to launch' },
    y: { label: 'runs', grid: true },
    marks: [
      { mark: 'rectY', data: bins, options: { x1: 'x1', x2: 'x2', y: 'runs', fill: 'steelblue', inset: 0.5 } },
      { mark: 'ruleX', data: markers, options: { x: 'hours', stroke: 'firebrick', strokeDasharray: '4,3' } },
      { mark: 'text', data: markers, options: { x: 'hours', text: 'label', frameAnchor: 'top', dy: 4, dx: 4, textAnchor: 'start', fill: 'firebrick' } },
    ],
  };
}

/**
 * Cost against messages per run with the least-squares line: the slope is the marginal cost.
 *
 * @example
 * scalingChart(runs, 0.9, 15);
 */
export function scalingChart(runs: Run[], slopePer1k: number, intercept: number): ChartSpec {
  const xs = runs.map((r) => r.records);
  const line = [Math.min(...xs), Math.max(...xs)].map((records) => ({ records, cost: intercept + (slopePer1k * records) / 1000 }));
  return {
    id: 'cost-scaling',
    title: 'How cost grows with volume',
    caption: `Each dot is a run; the line is the least-squares fit (${slopePer1k.toFixed(3)} per extra 1,000 messages, ${intercept.toFixed(2)} fixed per run).`,
    x: { label: 'messages (records) per run', grid: true },
    y: { label: 'cost per run', grid: true },
    color: { legend: true },
    marks: [
      { mark: 'dot', data: runs.map((r) => ({ records: r.records, cost: r.cost, status: r.status })), options: { x: 'records', y: 'cost', stroke: 'status' } },
      { mark: 'line', data: line, options: { x: 'records', y: 'cost', stroke: 'black' } },
    ],
  };
}

/**
 * Runs per period stacked by status.
 *
 * @example
 * throughputChart([{ period: '2025-01-06', status: 'launched', runs: 4 }], 'week');
 */
export function throughputChart(rows: { period: string; status: string; runs: number }[], period: string): ChartSpec {
  return {
    id: 'throughput',
    title: `Runs per ${period}`,
    caption: `Campaign runs created in each ${period}, by status.`,
    x: { label: period, tickRotate: -45, type: 'band' },
    y: { label: 'runs', grid: true },
    color: { legend: true },
    marks: [{ mark: 'barY', data: rows, options: { x: 'period', y: 'runs', fill: 'status' } }],
  };
}
