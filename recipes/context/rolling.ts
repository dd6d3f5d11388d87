import type { CompareOptions } from '../stats/compare.js';
import type { MeanStats } from '../stats/moments.js';
import { tryCompare } from '../stats/versus-control.js';
import { throwIfAborted } from '../errors.js';

const DAY = 86_400_000;

export interface RollingRow {
  window_start: Date;
  window_end: Date;
  variant: string;
  n_control: number;
  n: number;
  effect: number | null;
  ci_low: number | null;
  ci_high: number | null;
  p_value: number | null;
}

/** n, Σy and Σy² of one arm on one UTC day (days since 1970-01-01). */
export type DailyArms = Map<string, Map<number, { n: number; sum: number; sumSquares: number }>>;

/**
 * Lift in a window of `window` days that slides one day at a time. The aggregation is per day and
 * arm (n, Σ, Σ²), so each window is a sum of daily sufficient statistics rather than a rescan of
 * the units. Windows where an arm has too few units report a null effect.
 *
 * @example
 * rollingLift(daily, 'proportion', 'control', ['personalized'], 7, { alpha: 0.05 }, signal);
 */
export function rollingLift(
  dailyArms: DailyArms, kind: 'proportion' | 'mean', control: string, treatments: string[], window: number, options: CompareOptions, signal?: AbortSignal,
): RollingRow[] {
  let day0 = Infinity;
  let lastDay = -Infinity;
  for (const byDay of dailyArms.values()) {
    for (const d of byDay.keys()) {
      day0 = Math.min(day0, d);
      lastDay = Math.max(lastDay, d);
    }
  }
  const days = lastDay - day0 + 1;
  const arms = [control, ...treatments];
  const daily = new Map(arms.map((a) => [a, Array.from({ length: days }, (_, d) => dailyArms.get(a)?.get(day0 + d) ?? { n: 0, sum: 0, sumSquares: 0 })]));
  const width = Math.min(window, days);
  const rows: RollingRow[] = [];
  for (let end = width - 1; end < days; end++) {
    throwIfAborted(signal);
    const sum = (arm: string): MeanStats => {
      const s: MeanStats = { kind, n: 0, sum: 0, sumSquares: 0 };
      for (const d of daily.get(arm)!.slice(end - width + 1, end + 1)) {
        s.n += d.n;
        s.sum += d.sum;
        s.sumSquares += d.sumSquares;
      }
      return s;
    };
    const c = sum(control);
    for (const t of treatments) {
      const s = sum(t);
      const attempt = tryCompare(c, s, options);
      rows.push({
        window_start: new Date((day0 + end - width + 1) * DAY), window_end: new Date((day0 + end + 1) * DAY), variant: t, n_control: c.n, n: s.n,
        effect: attempt.ok ? attempt.value.effect : null, ci_low: attempt.ok ? attempt.value.ciLow : null, ci_high: attempt.ok ? attempt.value.ciHigh : null, p_value: attempt.ok ? attempt.value.pValue : null,
      });
    }
  }
  return rows;
}
