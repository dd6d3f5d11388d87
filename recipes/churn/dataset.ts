import type { ColumnTable } from 'arquero';
import { dateColumn, numberColumn, requireColumn, requireRows, stringColumn } from '../columns.js';
import { dataEnd, isoDay, parseCutoff, readLog } from './read-log.js';
import { RecipeInputError } from '../errors.js';
import type { RawColumns } from '../ml/encoder.js';
import { bgnbdScores } from './bgnbd-baseline.js';
import { readLabel } from './label.js';
import type { ChurnParams } from './params.js';
import { DAY_MS, snapshotAt, topCategories } from './transaction-features.js';

/**
 * The modelling table of a churn run, whichever input it came from: one row per customer (per
 * snapshot, for a time split on transactions), raw feature columns, the label when it is known,
 * and the baseline score (higher = more likely to churn).
 */
export interface ChurnData {
  source: 'customers' | 'transactions';
  ids: string[];
  columns: RawColumns;
  features: string[];
  y?: Float64Array;
  baseline?: Float64Array;
  /** transactions input: BG/NBD P(alive) at the cutoff (NaN on the earlier snapshot's rows). */
  pAlive?: Float64Array;
  /** customers input, time split: the ordering dates. */
  time?: Float64Array;
  /** transactions input, time split: rows of the earlier snapshot train, the later test. */
  fixedTrain?: number;
  /** transactions input: the cutoff used (epoch ms) and derived settings kept with the model. */
  cutoff?: number;
  categories?: string[];
  notes: string[];
}

/**
 * Builds the modelling table from a customers table.
 *
 * @example
 * fromCustomers(customers, { ...params, customer: 'customerID', label: 'Churn' }, true);
 */
export function fromCustomers(table: ColumnTable, params: ChurnParams, needLabel: boolean, features?: string[]): ChurnData {
  requireRows(table, 'customers');
  const ids = stringColumn(table, 'customers', params.customer, 'customer');
  const hasLabel = table.columnNames().includes(params.label);
  if (needLabel) requireColumn(table, 'customers', params.label, 'label');
  const reserved = new Set([params.customer, params.label, params.time, params.baseline].filter(Boolean) as string[]);
  const chosen = features ?? params.features ?? table.columnNames().filter((c) => !reserved.has(c));
  if (!chosen.length) throw new RecipeInputError('customers has no feature columns besides the customer and label. Add feature columns.');
  for (const f of chosen) requireColumn(table, 'customers', f, 'features');
  const columns = Object.fromEntries(chosen.map((f) => [f, table.array(f) as ArrayLike<unknown>]));
  return {
    source: 'customers',
    ids,
    columns,
    features: chosen,
    y: hasLabel ? readLabel(table, 'customers', params.label) : undefined,
    baseline: params.baseline ? numberColumn(table, 'customers', params.baseline, 'baseline', { missing: 'nan' }) : undefined,
    time: params.time ? dateColumn(table, 'customers', params.time, 'time') : undefined,
    notes: [],
  };
}

/**
 * Builds the modelling table from a transaction log: features at the cutoff, label "no order in
 * the `window` days after it". A time split adds an earlier snapshot (cutoff − window) to train on.
 * When scoring with a saved model, `saved` gives its categories and the label is optional.
 *
 * @example
 * fromTransactions(orders, { ...params, window: 90 }, { needLabel: true });
 */
export function fromTransactions(
  table: ColumnTable,
  params: ChurnParams,
  options: { needLabel: boolean; categories?: string[]; features?: string[]; signal?: AbortSignal },
): ChurnData {
  const log = readLog(table, { customer: params.customer, timestamp: params.timestamp, amount: params.amount, category: params.category });
  const end = dataEnd(log);
  const windowMs = params.window * DAY_MS;
  const cutoff = params.cutoff ? parseCutoff(params.cutoff) : options.needLabel ? end - windowMs : end;
  const labelKnown = cutoff + windowMs <= end;
  if (options.needLabel && !labelKnown) {
    throw new RecipeInputError(
      `cutoff ${isoDay(cutoff)} leaves ${Math.max(0, Math.round((end - cutoff) / DAY_MS))} days of transactions after it, fewer than the ${params.window}-day window, so churn cannot be observed. ` +
        `Use cutoff ≤ ${isoDay(end - windowMs)} or a shorter "window".`,
    );
  }
  const categories = options.categories ?? topCategories(log, cutoff);
  const snap = (at: number) => snapshotAt(log, at, { window: params.window, until: at + windowMs, categories });
  const snapshots = options.needLabel && params.split === 'time' ? [snap(cutoff - windowMs), snap(cutoff)] : [snap(cutoff)];
  if (snapshots.some((s) => s.customers.length === 0)) {
    throw new RecipeInputError(`No customer has a transaction before ${isoDay(snapshots[0].cutoff)}; move "cutoff" later.`);
  }
  const available = snapshots[0].features;
  const features = options.features ?? params.features ?? available;
  for (const f of features) {
    if (!available.includes(f)) {
      throw new RecipeInputError(`"${f}" is not a feature derived from transactions. Available: ${available.join(', ')}.`);
    }
  }
  const concat = (pick: (s: (typeof snapshots)[number]) => Float64Array) => {
    const out = new Float64Array(snapshots.reduce((n, s) => n + s.customers.length, 0));
    let at = 0;
    for (const s of snapshots) {
      out.set(pick(s), at);
      at += s.customers.length;
    }
    return out;
  };
  const y = concat((s) => s.nextDays.map((d) => (Number.isNaN(d) ? 1 : 0)));
  const notes = labelKnown ? [] : [`No label: the data ends ${isoDay(end)}, before cutoff + window (${isoDay(cutoff + windowMs)}); customers are scored only.`];
  const current = snapshots[snapshots.length - 1];
  let pAlive: Float64Array | undefined;
  try {
    const bg = bgnbdScores(log, cutoff, current.customers, options.signal);
    pAlive = new Float64Array(y.length).fill(NaN);
    pAlive.set(bg.pAlive, y.length - current.customers.length);
    if (!bg.converged) notes.push('The BG/NBD fit behind the P(alive) baseline did not fully converge; read that baseline with care.');
  } catch (error) {
    if (error instanceof Error && error.name === 'RecipeCancelledError') throw error;
    notes.push(`No BG/NBD P(alive) baseline: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    source: 'transactions',
    ids: snapshots.flatMap((s) => s.customers),
    columns: Object.fromEntries(features.map((f) => [f, concat((s) => s.columns[f])])),
    features,
    y: labelKnown ? y : undefined,
    baseline: concat((s) => s.columns.recency_days),
    pAlive,
    fixedTrain: snapshots.length === 2 ? snapshots[0].customers.length : undefined,
    cutoff,
    categories,
    notes,
  };
}
