import { RecipeInputError } from '../errors.js';
import type { IndexedLog, Snapshot } from '../churn/transaction-features.js';
import { VALUE_FEATURES, valueExamples, valueFeaturesAt } from './value-examples.js';
import { encode, fitEncoder, type EncoderState } from '../ml/encoder.js';
import { forward, type Network } from '../ml/network.js';
import { trainInThread, type Trainer } from '../ml/train.js';
import type { TrainSpec } from '../ml/train-loop.js';
import type { Progress } from '../types.js';
import type { NextPurchaseParams } from './params.js';

/**
 * The three next-purchase models, all trained on the snapshot one horizon before the cutoff and
 * what those customers did in the following horizon — the same question the evaluation asks at
 * the cutoff. Days and value are fitted with absolute error (so they predict the conditional
 * median, the number that minimizes MAE, among customers who order within the horizon); the
 * purchase-within-window probability with log loss over all customers.
 */

export interface NextPurchaseModels {
  encoder: EncoderState;
  valueEncoder: EncoderState;
  days: Network;
  value: Network;
  within: Network;
  valueScale: { mean: number; sd: number };
  backend: string;
}

function rowsWhere(test: (i: number) => boolean, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (test(i)) out.push(i);
  return out;
}

function pick(X: Float32Array, d: number, rows: number[]): Float32Array {
  const out = new Float32Array(rows.length * d);
  rows.forEach((r, k) => out.set(X.subarray(r * d, r * d + d), k * d));
  return out;
}

/**
 * Trains the days, value and within-window models on a training snapshot.
 *
 * @example
 * const models = await fitNextPurchase(log, cutoff, trainSnapshot, params, { progress, signal });
 */
export async function fitNextPurchase(
  log: IndexedLog,
  cutoff: number,
  train: Snapshot,
  params: NextPurchaseParams,
  context: { progress: Progress; signal: AbortSignal; train?: Trainer },
): Promise<NextPurchaseModels> {
  const n = train.customers.length;
  const buyers = rowsWhere((i) => Number.isFinite(train.nextDays[i]), n);
  if (buyers.length < 10) {
    throw new RecipeInputError(
      `Only ${buyers.length} customers ordered again in the ${params.horizon} days before the cutoff, too few to learn from (need 10). Use a longer "horizon" or a later "cutoff".`,
    );
  }
  const all = Array.from({ length: n }, (_, i) => i);
  const encoder = fitEncoder(train.features, train.columns, all);
  const d = encoder.columns.length;
  const X = encode(encoder, train.columns);
  const spec = (loss: TrainSpec['loss']): TrainSpec => ({
    hidden: params.model === 'mlp' ? [params.hidden] : [],
    loss,
    epochs: params.epochs ?? 400,
    batchSize: 0,
    learningRate: params.learning_rate,
    l2: params.l2,
    seed: params.seed,
  });
  const trainer = context.train ?? trainInThread;
  const options = (label: string, span: [number, number]) => ({ progress: context.progress, signal: context.signal, label, span });

  const Xb = pick(X, d, buyers);
  const days = await trainer(
    { X: Xb, y: Float32Array.from(buyers, (i) => train.nextDays[i] / params.horizon), n: buyers.length, d },
    spec('l1'),
    options('days to next order', [0.05, 0.35]),
  );
  const examples = valueExamples(log, cutoff);
  if (examples.target.length < 10) {
    throw new RecipeInputError(`Only ${examples.target.length} repeat orders before the cutoff, too few to learn order values from (need 10). Use a later "cutoff".`);
  }
  const values = Array.from(examples.target);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length) || 1;
  const valueRows = Array.from({ length: values.length }, (_, i) => i);
  const valueEncoder = fitEncoder(VALUE_FEATURES, examples.columns, valueRows);
  const value = await trainer(
    { X: encode(valueEncoder, examples.columns), y: Float32Array.from(values, (v) => (v - mean) / sd), n: values.length, d: valueEncoder.columns.length },
    spec('l1'),
    options('next order value', [0.35, 0.65]),
  );
  const within = await trainer(
    { X, y: Float32Array.from(all, (i) => (train.nextDays[i] < params.window ? 1 : 0)), n, d },
    spec('logistic'),
    options(`purchase within ${params.window} days`, [0.65, 0.9]),
  );
  return { encoder, valueEncoder, days: days.network, value: value.network, within: within.network, valueScale: { mean, sd }, backend: days.backend };
}

/**
 * Predictions of the fitted models for a snapshot's customers.
 *
 * @example
 * const { days, value, within } = predictNextPurchase(models, log, snapshot, params.horizon);
 */
export function predictNextPurchase(models: NextPurchaseModels, log: IndexedLog, snapshot: Snapshot, horizon: number) {
  const n = snapshot.customers.length;
  const X = encode(models.encoder, snapshot.columns);
  const V = encode(models.valueEncoder, valueFeaturesAt(log, snapshot.cutoff, snapshot.customers));
  const days = forward(models.days, X, n).map((v) => Math.min(horizon, Math.max(0, v * horizon)));
  const value = forward(models.value, V, n).map((v) => Math.max(0, models.valueScale.mean + v * models.valueScale.sd));
  const within = forward(models.within, X, n);
  return { days, value, within };
}
