import { RecipeInputError } from '../errors.js';
import { dataEnd, isoDay, parseCutoff } from '../churn/read-log.js';
import { DAY_MS, snapshotAt, topCategories, type IndexedLog, type Snapshot } from '../churn/transaction-features.js';

/** Refuses a window longer than the horizon: the models learn from one horizon of data. */
export function checkWindow(p: { window: number; horizon: number }): void {
  if (p.window > p.horizon) {
    throw new RecipeInputError(`"window" (${p.window} days) must not exceed "horizon" (${p.horizon} days): the models learn from one horizon of data.`);
  }
}

/** The cutoff and the two snapshots around it: one horizon before to learn from, the cutoff to predict at. */
export interface NextPurchaseSnapshots {
  /** The end of the data (ms). */
  end: number;
  cutoff: number;
  horizonMs: number;
  /** Features one horizon before the cutoff, labelled with the orders up to the cutoff. */
  train: Snapshot;
  /** Features at the cutoff, labelled with the orders in the horizon after it (as far as the data goes). */
  now: Snapshot;
}

/**
 * The training and scoring snapshots: the cutoff is the given one, else one horizon before the
 * end of the data; throws when nobody ordered before the training snapshot.
 *
 * @example
 * nextPurchaseSnapshots(log, { horizon: 90 }).now.customers;
 */
export function nextPurchaseSnapshots(log: IndexedLog, p: { horizon: number; cutoff?: string | undefined }): NextPurchaseSnapshots {
  const end = dataEnd(log);
  const horizonMs = p.horizon * DAY_MS;
  const cutoff = p.cutoff ? parseCutoff(p.cutoff) : end - horizonMs;
  const categories = topCategories(log, cutoff);
  const options = (until: number) => ({ window: p.horizon, until, categories });
  const train = snapshotAt(log, cutoff - horizonMs, options(cutoff));
  if (!train.customers.length) {
    throw new RecipeInputError(
      `No customer ordered before ${isoDay(cutoff - horizonMs)} (cutoff − horizon), so there is nothing to learn from. Use a later "cutoff" or a shorter "horizon".`,
    );
  }
  return { end, cutoff, horizonMs, train, now: snapshotAt(log, cutoff, options(cutoff + horizonMs)) };
}
