import type { FittedPurchaseModel } from './models.js';

/**
 * The weekly tracking chart of the BG/NBD paper (FHL 2005, figure 2): cumulative repeat purchases
 * of the calibration customers, actual against the model's Σᵢ E[X(t − first purchaseᵢ)].
 */

/** Repeat purchases per UTC day number (aligned arrays, any order). */
export interface RepeatDays {
  day: ArrayLike<number>;
  count: ArrayLike<number>;
}

export interface TrackingRow {
  week: number;
  /** UTC day number of the week's last day. */
  day: number;
  actual: number;
  predicted: number;
}

/**
 * Weekly cumulative actual and expected repeat purchases from the first first-purchase day to the
 * observation end. Customers are grouped by first-purchase day, so the model is evaluated once per
 * distinct day and week.
 *
 * @example
 * trackingCurve(model, firstDays, { day: [3, 10], count: [1, 2] }, endDay, 7);
 */
export function trackingCurve(
  model: FittedPurchaseModel,
  firstDays: ArrayLike<number>,
  repeatDays: RepeatDays,
  endDay: number,
  unitDays: number,
): TrackingRow[] {
  const cohorts = new Map<number, number>();
  let start = Infinity;
  for (let i = 0; i < firstDays.length; i++) {
    cohorts.set(firstDays[i], (cohorts.get(firstDays[i]) ?? 0) + 1);
    start = Math.min(start, firstDays[i]);
  }
  const byDay = Array.from(repeatDays.day, (day, i) => ({ day, count: repeatDays.count[i]! })).sort((a, b) => a.day - b.day);
  const rows: TrackingRow[] = [];
  let cursor = 0;
  let actual = 0;
  for (let week = 1; start + 7 * week - 1 <= endDay + 6; week++) {
    const day = Math.min(start + 7 * week - 1, endDay);
    while (cursor < byDay.length && byDay[cursor]!.day <= day) actual += byDay[cursor++]!.count;
    let predicted = 0;
    // A purchase on the first day is not a repeat; days after it up to `day` inclusive are exposure.
    for (const [first, count] of cohorts) if (day > first) predicted += count * model.expected((day - first) / unitDays);
    rows.push({ week, day, actual, predicted });
    if (day === endDay) break;
  }
  return rows;
}
