/**
 * The per-customer summary the purchase models read (frequency, recency, T, mean repeat spend at
 * a calibration date, plus the repeat purchases after it for holdout validation), and the same
 * summary of an in-memory log for `churn`'s BG/NBD baseline. The `clv` recipe builds it in SQL
 * (aggregate.ts); the tests check that both agree.
 */

export const DAY_MS = 86_400_000;

/** Length of each time unit in days; time is continuous (a month is a twelfth of 365.25 days). */
export const UNIT_DAYS = { day: 1, week: 7, month: 365.25 / 12 } as const;
export type TimeUnit = keyof typeof UNIT_DAYS;

/** Per-customer summary, in the chosen unit; arrays are aligned with `customers`. */
export interface CustomerSummary {
  customers: string[];
  /** Repeat purchases (purchase days after the first) up to the calibration end. */
  frequency: Float64Array;
  /** First to last purchase day in calibration. */
  recency: Float64Array;
  /** First purchase day to the calibration end. */
  T: Float64Array;
  /** Mean value of the repeat purchases in calibration (0 when there is none); NaN without amounts. */
  monetary: Float64Array;
  /** UTC day number (days since 1970-01-01) of each customer's first purchase. */
  firstDay: Float64Array;
  /** Repeat purchases after the calibration end, up to the observation end. */
  holdoutFrequency: Float64Array;
}

export interface TransactionLog {
  customers: ArrayLike<string>;
  /** Epoch milliseconds (UTC). */
  times: ArrayLike<number>;
  amounts?: ArrayLike<number>;
}

export interface SummaryOptions {
  /** Last day (UTC) of the calibration period, epoch ms; purchases on that day count. */
  calibrationEnd: number;
  /** Last day (UTC) of the holdout, epoch ms; equal to calibrationEnd when there is no holdout. */
  observationEnd: number;
  unit: TimeUnit;
}

/**
 * Summarises a transaction log. Purchases on the same UTC day merge into one (their amounts add),
 * customers whose first purchase is after the calibration end are left out, and repeat purchases
 * in the holdout are counted per customer.
 *
 * @example
 * const s = summarizeTransactions(
 *   { customers: ['a', 'a', 'a'], times: [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 8), Date.UTC(2024, 0, 20)], amounts: [10, 20, 30] },
 *   { calibrationEnd: Date.UTC(2024, 0, 15), observationEnd: Date.UTC(2024, 0, 31), unit: 'week' },
 * );
 * // s.frequency[0] = 1, s.recency[0] = 1, s.T[0] = 2, s.monetary[0] = 20, s.holdoutFrequency[0] = 1
 */
export function summarizeTransactions(log: TransactionLog, options: SummaryOptions): CustomerSummary {
  const calDay = Math.floor(options.calibrationEnd / DAY_MS);
  const obsDay = Math.floor(options.observationEnd / DAY_MS);
  const unit = UNIT_DAYS[options.unit];
  const days = new Map<string, Map<number, number>>();
  for (let i = 0; i < log.times.length; i++) {
    const day = Math.floor(log.times[i] / DAY_MS);
    if (day > obsDay) continue;
    const id = log.customers[i];
    let perDay = days.get(id);
    if (!perDay) days.set(id, (perDay = new Map()));
    perDay.set(day, (perDay.get(day) ?? 0) + (log.amounts ? log.amounts[i] : 0));
  }
  const rows: { id: string; first: number; last: number; repeats: number; repeatValue: number; holdout: number }[] = [];
  for (const [id, perDay] of days) {
    const sorted = [...perDay.keys()].sort((a, b) => a - b);
    const first = sorted[0];
    if (first > calDay) continue;
    let last = first;
    let repeats = 0;
    let repeatValue = 0;
    let holdout = 0;
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k] <= calDay) {
        last = sorted[k];
        repeats++;
        repeatValue += perDay.get(sorted[k])!;
      } else holdout++;
    }
    rows.push({ id, first, last, repeats, repeatValue, holdout });
  }
  const n = rows.length;
  const out: CustomerSummary = {
    customers: new Array(n),
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    monetary: new Float64Array(n),
    firstDay: new Float64Array(n),
    holdoutFrequency: new Float64Array(n),
  };
  rows.forEach((row, i) => {
    out.customers[i] = row.id;
    out.frequency[i] = row.repeats;
    out.recency[i] = (row.last - row.first) / unit;
    out.T[i] = (calDay - row.first) / unit;
    out.monetary[i] = !log.amounts ? NaN : row.repeats > 0 ? row.repeatValue / row.repeats : 0;
    out.firstDay[i] = row.first;
    out.holdoutFrequency[i] = row.holdout;
  });
  return out;
}
