import { psi, psiLevel } from '../stats/psi.js';
import type { ContextLevels } from './levels.js';
import { finiteOrNull } from '../format.js';

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
 * days (from the first day with data, UTC) and each window's distribution of the context is
 * compared with the first window's by the population stability index. Counts come per value and
 * day, so a window is a sum of its days. A drifting mix means the overall lift of one period may
 * not carry over to the next when the lift depends on the context.
 *
 * @example
 * contextDrift([{ levels, mix }], 7);
 */
export function contextDrift(contexts: { levels: ContextLevels; mix: readonly { key: string; day: number; n: number }[] }[], window: number): DriftRow[] {
  let day0 = Infinity;
  let lastDay = -Infinity;
  for (const { mix } of contexts) {
    for (const m of mix) {
      day0 = Math.min(day0, m.day);
      lastDay = Math.max(lastDay, m.day);
    }
  }
  const slot = (day: number) => Math.floor((day - day0) / window);
  const slots = slot(lastDay) + 1;
  const rows: DriftRow[] = [];
  for (const { levels: l, mix } of contexts) {
    const counts = Array.from({ length: slots }, () => ({}) as Record<string, number>);
    const units = new Array<number>(slots).fill(0);
    for (const m of mix) {
      const s = slot(m.day);
      const label = l.labelOf.get(m.key)!;
      counts[s]![label] = (counts[s]![label] ?? 0) + m.n;
      units[s]! += m.n;
    }
    counts.forEach((c, s) => {
      const value = units[s]! > 0 && units[0]! > 0 ? psi(counts[0]!, c) : NaN;
      rows.push({
        context: l.context, window_start: new Date((day0 + s * window) * DAY), window_end: new Date((day0 + (s + 1) * window) * DAY), units: units[s]!,
        psi: finiteOrNull(value), level: Number.isFinite(value) ? psiLevel(value) : null,
      });
    });
  }
  return rows;
}
