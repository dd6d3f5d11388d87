import type { ChartSpec } from '../types.js';
import type { Roi } from './economics.js';

/**
 * ROI waterfall: incremental revenue, minus the cost of goods (1 − margin), minus the fixed and the
 * per-unit cost, ending at net profit with its interval.
 *
 * @example
 * roiWaterfall(roiOf(inputs), 200, 150);
 */
export function roiWaterfall(r: Roi, costFixed: number, costVariable: number): ChartSpec {
  const steps: { step: string; from: number; to: number }[] = [];
  let level = 0;
  const add = (step: string, delta: number) => {
    steps.push({ step, from: level, to: level + delta });
    level += delta;
  };
  add('incremental revenue', r.incremental_revenue);
  add('cost of goods', r.incremental_profit - r.incremental_revenue);
  add('fixed cost', -costFixed);
  add('per-unit cost', -costVariable);
  steps.push({ step: 'net profit', from: 0, to: level });
  const data = steps.map((s) => ({ ...s, kind: s.step === 'net profit' ? 'result' : s.to >= s.from ? 'gain' : 'loss', amount: s.to - s.from }));
  return {
    id: 'roi-waterfall',
    title: 'From incremental revenue to net profit',
    caption: 'Each bar adds or removes money; the last is the net profit of the personalization, with its interval as a black line.',
    x: { label: null, domain: ['incremental revenue', 'cost of goods', 'fixed cost', 'per-unit cost', 'net profit'] },
    y: { label: 'money', grid: true },
    marginLeft: 60,
    color: { domain: ['gain', 'loss', 'result'], range: ['#4e9a5a', '#c0504d', '#4a6fa5'], legend: true },
    marks: [
      { mark: 'barY', data, options: { x: 'step', y1: 'from', y2: 'to', fill: 'kind', tip: true } },
      { mark: 'ruleY', data: [{ y: 0 }], options: { y: 'y' } },
      { mark: 'ruleX', data: [{ step: 'net profit', low: r.net_profit_ci_low, high: r.net_profit_ci_high }], options: { x: 'step', y1: 'low', y2: 'high', stroke: 'black', strokeWidth: 2 } },
    ],
  };
}

/**
 * Net profit as a function of the true lift, with the measured lift's interval shaded and the
 * break-even lift marked: how much lift the investment needs and whether we have it.
 *
 * @example
 * breakEvenChart({ lift: 0.1, low: 0.02, high: 0.18 }, 0.05, (l) => 1000 * l - 50);
 */
export function breakEvenChart(lift: { lift: number; low: number; high: number }, breakEvenLift: number, netAt: (lift: number) => number): ChartSpec {
  const lo = Math.min(0, lift.low, breakEvenLift) * 1.2 - 0.01;
  const hi = Math.max(lift.high, breakEvenLift) * 1.2 + 0.01;
  const line = Array.from({ length: 41 }, (_, i) => lo + ((hi - lo) * i) / 40).map((l) => ({ lift: l, net_profit: netAt(l) }));
  return {
    id: 'break-even',
    title: 'How much lift the investment needs',
    caption: 'Net profit for each possible lift in revenue per unit; the shaded band is the measured lift’s interval, the dashed line the break-even lift.',
    x: { label: 'lift in revenue per unit', tickFormat: '+%', grid: true },
    y: { label: 'net profit', grid: true },
    marginLeft: 60,
    marks: [
      { mark: 'rect', data: [{ x1: lift.low, x2: lift.high }], options: { x1: 'x1', x2: 'x2', fill: 'steelblue', fillOpacity: 0.15 } },
      { mark: 'ruleY', data: [{ y: 0 }], options: { y: 'y' } },
      { mark: 'ruleX', data: [{ x: breakEvenLift }], options: { x: 'x', stroke: 'firebrick', strokeDasharray: '4,3' } },
      { mark: 'line', data: line, options: { x: 'lift', y: 'net_profit' } },
      { mark: 'dot', data: [{ lift: lift.lift, net_profit: netAt(lift.lift) }], options: { x: 'lift', y: 'net_profit', fill: 'black', r: 4 } },
    ],
  };
}
