import { isoDay } from '../churn/read-log.js';
import { DAY_MS } from '../churn/transaction-features.js';
import { fixed } from '../format.js';

/**
 * How well the predictions did on the orders after the cutoff (against the naive baseline and
 * BG/NBD), whether the data covers the whole horizon, and how to read the columns.
 *
 * @example
 * nextPurchaseNotes({ metrics, cutoff, observed: 90 * DAY_MS, horizonMs: 90 * DAY_MS, window: 30 });
 */
export function nextPurchaseNotes(x: { metrics: Record<string, unknown>; cutoff: number; observed: number; horizonMs: number; window: number }): string[] {
  const m = x.metrics as Record<string, number | null>;
  const evaluated = m.n_evaluated!;
  const notes: string[] = [];
  if (evaluated && m.mae_days !== null && m.baseline_mae_days !== null && m.mae_value !== null && m.baseline_mae_value !== null) {
    notes.push(
      `For the ${evaluated} customers who ordered within ${Math.round(x.observed / DAY_MS)} days after ${isoDay(x.cutoff)}, the model's days-to-next-order are off by ${fixed(m.mae_days, 1)} days on average ` +
        `(naive baseline ${fixed(m.baseline_mae_days, 1)}), and its order values by ${fixed(m.mae_value, 2)} (baseline ${fixed(m.baseline_mae_value, 2)}).`,
    );
    if (m.mae_days >= m.baseline_mae_days || m.mae_value >= m.baseline_mae_value) notes.push('The model does not beat the naive baseline on every target: prefer the baseline there.');
  } else notes.push(`No orders after the cutoff ${isoDay(x.cutoff)} in the data, so the predictions cannot be checked yet.`);
  if (x.observed < x.horizonMs) notes.push(`The data ends ${Math.round((x.horizonMs - x.observed) / DAY_MS)} days before cutoff + horizon; errors cover the orders seen so far.`);
  const bgAuc = m[`bgnbd_auc_within_${x.window}`];
  const ownAuc = m[`auc_within_${x.window}`];
  if (typeof bgAuc === 'number' && typeof ownAuc === 'number') {
    notes.push(`Who orders within ${x.window} days: the model ranks them with AUC ${fixed(ownAuc, 3)}, BG/NBD's expected orders with ${fixed(bgAuc, 3)}.`);
  }
  notes.push('Days and value are medians among customers who order again within the horizon; p_purchase_within gives the chance that they do within the window.');
  return notes;
}
