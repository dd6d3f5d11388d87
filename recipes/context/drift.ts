import { psi, psiLevel } from '../stats/psi.js';
import type { ContextLevels } from './levels.js';

const DAY = 86_400_000;

export interface DriftRow {
  context: string;
  window_start: Date;
  window_end: Date;
  units: number;
  psi: number | null;
  level: string | null;
}

/**
 * Drift of each context's mix over time: the data is cut into consecutive windows of `window`
 * days and each window's distribution of the context is compared with the first window's by the
 * population stability index. A drifting mix means the overall lift of one period may not carry
 * over to the next when the lift depends on the context.
 *
 * @example
 * contextDrift([levels], times, 7);
 */
export function contextDrift(levels: ContextLevels[], time: Float64Array, window: number): DriftRow[] {
  let min = Infinity;
  let max = -Infinity;
  for (const t of time) {
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  const start = Math.floor(min / DAY) * DAY;
  const slot = (t: number) => Math.floor((t - start) / (window * DAY));
  const slots = slot(max) + 1;
  const rows: DriftRow[] = [];
  for (const l of levels) {
    const counts = Array.from({ length: slots }, () => ({} as Record<string, number>));
    const units = new Array<number>(slots).fill(0);
    time.forEach((t, i) => {
      const s = slot(t);
      counts[s]![l.labels[i]!] = (counts[s]![l.labels[i]!] ?? 0) + 1;
      units[s]!++;
    });
    counts.forEach((c, s) => {
      const value = units[s]! > 0 && units[0]! > 0 ? psi(counts[0]!, c) : NaN;
      rows.push({
        context: l.context, window_start: new Date(start + s * window * DAY), window_end: new Date(start + (s + 1) * window * DAY), units: units[s]!,
        psi: Number.isFinite(value) ? value : null, level: Number.isFinite(value) ? psiLevel(value) : null,
      });
    });
  }
  return rows;
}
