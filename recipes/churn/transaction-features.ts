/**
 * Customer features from a transaction log as of a cutoff date, and what each customer did
 * after it. Only transactions before the cutoff feed the features, so a model trained on them
 * never sees its own outcome. Shared by `churn` (label: no purchase within the window) and
 * `next-purchase` (days to and value of the next order).
 */

export const DAY_MS = 86_400_000;

export interface TransactionLog {
  customer: string[];
  /** Epoch ms. */
  time: Float64Array;
  amount?: Float64Array;
  category?: string[];
}

/** The log grouped by customer, each customer's rows in time order. */
export interface IndexedLog {
  log: TransactionLog;
  ids: string[];
  rows: Int32Array[];
}

export interface Snapshot {
  cutoff: number;
  customers: string[];
  /** Feature columns (NaN = missing, e.g. the gap of a one-order customer). */
  columns: Record<string, Float64Array>;
  features: string[];
  /** Days from the cutoff to the first order in [cutoff, until), NaN when none. */
  nextDays: Float64Array;
  /** Amount of that order, NaN when none (or no amount column). */
  nextValue: Float64Array;
}

/**
 * Groups a log by customer.
 *
 * @example
 * const indexed = indexLog({ customer: ['a', 'b', 'a'], time: Float64Array.of(3, 1, 2) });
 */
export function indexLog(log: TransactionLog): IndexedLog {
  const byCustomer = new Map<string, number[]>();
  for (let i = 0; i < log.customer.length; i++) {
    const rows = byCustomer.get(log.customer[i]);
    if (rows) rows.push(i);
    else byCustomer.set(log.customer[i], [i]);
  }
  const ids = [...byCustomer.keys()];
  const rows = ids.map((id) => Int32Array.from(byCustomer.get(id)!).sort((a, b) => log.time[a] - log.time[b] || a - b));
  return { log, ids, rows };
}

/**
 * The most frequent categories of orders before the cutoff (their shares become features).
 *
 * @example
 * topCategories(indexed, Date.UTC(2025, 0, 1), 8); // → ['fiction', 'children', …]
 */
export function topCategories(indexed: IndexedLog, cutoff: number, k = 8): string[] {
  const { category, time } = indexed.log;
  if (!category) return [];
  const counts = new Map<string, number>();
  for (let i = 0; i < category.length; i++) if (time[i] < cutoff) counts.set(category[i], (counts.get(category[i]) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k).map(([c]) => c);
}

function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The feature names a snapshot produces for these options.
 *
 * @example
 * snapshotFeatures(true, ['poetry']).slice(-2); // → ['last_order_value', 'share_poetry']
 */
export function snapshotFeatures(hasAmount: boolean, categories: string[]): string[] {
  const base = ['recency_days', 'tenure_days', 'orders', 'orders_last_window', 'orders_prev_window', 'trend', 'mean_gap_days', 'median_gap_days', 'overdue'];
  const money = hasAmount ? ['total_spend', 'avg_order_value', 'last_order_value'] : [];
  return [...base, ...money, ...categories.map((c) => `share_${c}`)];
}

/**
 * Features of every customer with an order before `cutoff`, and their first order in
 * [cutoff, until). `window` (days) sets the recent-activity periods: orders in the last window,
 * in the window before it, and their difference (trend).
 *
 * @example
 * const snap = snapshotAt(indexed, Date.UTC(2025, 0, 1), { window: 90, until: Date.UTC(2025, 3, 1), categories: [] });
 * snap.columns.recency_days[0]; // → days since that customer's last order
 */
export function snapshotAt(indexed: IndexedLog, cutoff: number, options: { window: number; until: number; categories: string[] }): Snapshot {
  const { time, amount, category } = indexed.log;
  const features = snapshotFeatures(!!amount, options.categories);
  const kept: number[] = [];
  indexed.rows.forEach((rows, c) => {
    if (rows.length && time[rows[0]] < cutoff) kept.push(c);
  });
  const n = kept.length;
  const columns = Object.fromEntries(features.map((f) => [f, new Float64Array(n)])) as Record<string, Float64Array>;
  const nextDays = new Float64Array(n).fill(NaN);
  const nextValue = new Float64Array(n).fill(NaN);
  const windowMs = options.window * DAY_MS;
  kept.forEach((c, k) => {
    const rows = indexed.rows[c];
    let before = 0;
    while (before < rows.length && time[rows[before]] < cutoff) before++;
    const first = time[rows[0]];
    const last = time[rows[before - 1]];
    const gaps: number[] = [];
    let recent = 0;
    let previous = 0;
    let spend = 0;
    const perCategory = new Map<string, number>();
    for (let j = 0; j < before; j++) {
      const t = time[rows[j]];
      if (j > 0) gaps.push((t - time[rows[j - 1]]) / DAY_MS);
      if (t >= cutoff - windowMs) recent++;
      else if (t >= cutoff - 2 * windowMs) previous++;
      if (amount) spend += amount[rows[j]];
      if (category) perCategory.set(category[rows[j]], (perCategory.get(category[rows[j]]) ?? 0) + 1);
    }
    const recency = (cutoff - last) / DAY_MS;
    const medianGap = median(gaps);
    columns.recency_days[k] = recency;
    columns.tenure_days[k] = (cutoff - first) / DAY_MS;
    columns.orders[k] = before;
    columns.orders_last_window[k] = recent;
    columns.orders_prev_window[k] = previous;
    columns.trend[k] = recent - previous;
    columns.mean_gap_days[k] = gaps.length ? gaps.reduce((s, g) => s + g, 0) / gaps.length : NaN;
    columns.median_gap_days[k] = medianGap;
    columns.overdue[k] = medianGap > 0 ? recency / medianGap : NaN;
    if (amount) {
      columns.total_spend[k] = spend;
      columns.avg_order_value[k] = spend / before;
      columns.last_order_value[k] = amount[rows[before - 1]];
    }
    for (const c of options.categories) columns[`share_${c}`][k] = (perCategory.get(c) ?? 0) / before;
    if (before < rows.length && time[rows[before]] < options.until) {
      nextDays[k] = (time[rows[before]] - cutoff) / DAY_MS;
      if (amount) nextValue[k] = amount[rows[before]];
    }
  });
  return { cutoff, customers: kept.map((c) => indexed.ids[c]), columns, features, nextDays, nextValue };
}
