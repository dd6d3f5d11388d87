import type { ColumnTable } from 'arquero';
import { dateColumn, numberColumn, requireRows } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import type { Baseline } from '../stats/power.js';
import type { PowerParams } from './params.js';

const DAY = 86_400_000;

/**
 * The metric's baseline from the parameters or the `history` table, and the traffic a history
 * table with dates shows (rows per calendar day, UTC).
 *
 * @example
 * readBaseline(undefined, powerParams.parse({ baseline: 0.1 })); // → { baseline: { type: 'proportion', rate: 0.1 }, source: 'parameters' }
 */
export function readBaseline(
  history: ColumnTable | undefined,
  p: PowerParams,
): { baseline: Baseline; unitsPerDay?: number; source: string } {
  if (history) {
    requireRows(history, 'history');
    const x = numberColumn(history, 'history', p.metric, 'metric');
    if (x.length < 2)
      throw new RecipeInputError(`history has ${x.length} row; the baseline needs at least 2 units to estimate a variance.`);
    const binary = x.every((v) => v === 0 || v === 1);
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    let unitsPerDay: number | undefined;
    if (history.columnNames().includes(p.timestamp)) {
      const days = new Set(Array.from(dateColumn(history, 'history', p.timestamp, 'timestamp'), (t) => Math.floor(t / DAY)));
      unitsPerDay = x.length / days.size;
    }
    const source = `history.${p.metric} (${x.length} units)`;
    if (binary) {
      if (mean === 0 || mean === 1)
        throw new RecipeInputError(
          `history.${p.metric} is ${mean} for every unit, so a relative effect cannot be planned; use a period with some conversions.`,
        );
      return { baseline: { type: 'proportion', rate: mean }, unitsPerDay, source };
    }
    const sd = Math.sqrt(x.reduce((a, v) => a + (v - mean) ** 2, 0) / (x.length - 1));
    if (mean === 0 || !(sd > 0))
      throw new RecipeInputError(
        `history.${p.metric} has mean ${mean} and standard deviation ${sd}; a relative effect needs a non-zero mean that varies.`,
      );
    return { baseline: { type: 'mean', mean, sd }, unitsPerDay, source };
  }
  if (p.baseline === undefined) {
    throw new RecipeInputError(
      'power needs the metric today: give baseline (a conversion rate, or a mean with sd), or a history table with the metric per unit.',
    );
  }
  if (p.sd !== undefined) {
    if (p.baseline === 0) throw new RecipeInputError('baseline is 0, so a relative effect is undefined; give the mean per unit today.');
    return { baseline: { type: 'mean', mean: p.baseline, sd: p.sd }, source: 'parameters' };
  }
  if (!(p.baseline > 0 && p.baseline < 1)) {
    throw new RecipeInputError(
      `baseline ${p.baseline} is read as a conversion rate (no sd given) and must be between 0 and 1; for a mean metric give sd too.`,
    );
  }
  return { baseline: { type: 'proportion', rate: p.baseline }, source: 'parameters' };
}
