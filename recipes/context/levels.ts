import { weightedQuantiles } from '../stats/quantile.js';
import type { ValueCell } from './aggregate.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** A context column's values mapped to labels (a value, or its quantile bin), in a sensible display order. */
export interface ContextLevels {
  context: string;
  /** The label of each value, by the value's key (its text). */
  labelOf: Map<string, string>;
  order: string[];
  /** True when a many-valued numeric column was cut into quantile bins. */
  binned: boolean;
}

function sortLabels(labels: string[]): string[] {
  const distinct = [...new Set(labels)];
  if (distinct.every((l) => l !== '' && Number.isFinite(Number(l)))) return distinct.sort((a, b) => Number(a) - Number(b));
  const day = (l: string) => WEEKDAYS.findIndex((w) => l.toLowerCase().startsWith(w.slice(0, 3)));
  if (distinct.every((l) => day(l) >= 0)) return distinct.sort((a, b) => day(a) - day(b));
  return distinct.sort();
}

/**
 * Labels a context's values, from its per-value cells. Categorical columns (device, weekday, hour
 * 0–23) keep their values; a numeric column with more than `maxLevels` distinct values is cut into
 * `bins` quantile bins labelled "lo–hi" (quantiles over all units, from the per-value counts), since
 * an effect per distinct value would be noise.
 *
 * @example
 * contextLevels('device', cells, 24, 5).order; // → ['desktop', 'mobile', 'tablet']
 */
export function contextLevels(context: string, cells: readonly ValueCell[], maxLevels: number, bins: number): ContextLevels {
  const distinct = new Map<string, { value: unknown; n: number }>();
  for (const c of cells) {
    const d = distinct.get(c.key);
    if (d) d.n += c.stats.n;
    else distinct.set(c.key, { value: c.value, n: c.stats.n });
  }
  const labels = [...distinct.keys()];
  const numeric = [...distinct.values()].every((d) => typeof d.value === 'number' || typeof d.value === 'bigint');
  if (numeric && distinct.size > maxLevels) {
    const values = [...distinct.values()].map((d) => Number(d.value));
    const counts = [...distinct.values()].map((d) => d.n);
    const cuts = weightedQuantiles(values, counts, Array.from({ length: bins - 1 }, (_, i) => (i + 1) / bins));
    const [lo, hi] = weightedQuantiles(values, counts, [0, 1]);
    const edges = [lo!, ...new Set(cuts), hi!];
    const binOf = (v: number) => {
      let b = 0;
      while (b < edges.length - 2 && v > edges[b + 1]!) b++;
      return b;
    };
    const name = (b: number) => `${edges[b]!.toPrecision(3)}–${edges[b + 1]!.toPrecision(3)}`;
    const labelOf = new Map(labels.map((key, i) => [key, name(binOf(values[i]!))]));
    const used = new Set(labelOf.values());
    return { context, labelOf, order: edges.slice(0, -1).map((_, b) => name(b)).filter((n) => used.has(n)), binned: true };
  }
  return { context, labelOf: new Map(labels.map((l) => [l, l])), order: sortLabels(labels), binned: false };
}
