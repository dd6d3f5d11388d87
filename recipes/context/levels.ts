import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import { requireColumn } from '../columns.js';
import { quantiles } from '../stats/quantile.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** A context column as one label per row, with its labels in a sensible display order. */
export interface ContextLevels {
  context: string;
  labels: string[];
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
 * Reads a context column. Categorical columns (device, weekday, hour 0–23) keep their values;
 * a numeric column with more than `maxLevels` distinct values is cut into `bins` quantile bins
 * labelled "lo–hi", since an effect per distinct value would be noise. Missing values are an error
 * naming the row (a context must be known to place the unit).
 *
 * @example
 * contextLevels(units, 'device', 24, 5).order; // → ['desktop', 'mobile', 'tablet']
 */
export function contextLevels(table: ColumnTable, context: string, maxLevels: number, bins: number): ContextLevels {
  requireColumn(table, 'units', context, 'contexts');
  const raw = Array.from(table.array(context) as ArrayLike<unknown>);
  raw.forEach((v, i) => {
    if (v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v))) {
      throw new RecipeInputError(`units.${context} (a context column) is empty in row ${i + 1}; fill it (e.g. "unknown") or drop the row, since every unit needs a context value.`);
    }
  });
  const labels = raw.map((v) => (v instanceof Date ? v.toISOString() : String(v)));
  const numeric = raw.every((v) => typeof v === 'number');
  if (numeric && new Set(labels).size > maxLevels) {
    const values = raw as number[];
    const cuts = quantiles(values, Array.from({ length: bins - 1 }, (_, i) => (i + 1) / bins));
    const [lo, hi] = quantiles(values, [0, 1]);
    const edges = [lo!, ...new Set(cuts), hi!];
    const binOf = (v: number) => {
      let b = 0;
      while (b < edges.length - 2 && v > edges[b + 1]!) b++;
      return b;
    };
    const name = (b: number) => `${edges[b]!.toPrecision(3)}–${edges[b + 1]!.toPrecision(3)}`;
    const binned = values.map((v) => name(binOf(v)));
    return { context, labels: binned, order: edges.slice(0, -1).map((_, b) => name(b)).filter((n) => binned.includes(n)), binned: true };
  }
  return { context, labels, order: sortLabels(labels), binned: false };
}
