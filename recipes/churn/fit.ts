import { RecipeInputError } from '../errors.js';
import { encode, fitEncoder } from '../ml/encoder.js';
import { createRng } from '../ml/rng.js';
import type { SavedModel } from '../ml/saved-model.js';
import { stratifiedSplit, timeSplit, type Split } from '../ml/split.js';
import { trainInThread, type Trainer } from '../ml/train.js';
import type { TrainSpec } from '../ml/train-loop.js';
import type { Progress } from '../types.js';
import type { ChurnData } from './dataset.js';
import { requireBothClasses } from './label.js';
import type { ChurnParams } from './params.js';

/**
 * Splits, encodes (on the training rows only) and trains the churn model; returns it as a
 * saved model so training and scoring share one path from here on.
 */

function splitRows(data: ChurnData, y: Float64Array, params: ChurnParams): Split {
  const n = data.ids.length;
  if (data.fixedTrain !== undefined) {
    return { train: Int32Array.from({ length: data.fixedTrain }, (_, i) => i), test: Int32Array.from({ length: n - data.fixedTrain }, (_, i) => data.fixedTrain! + i) };
  }
  if (params.split === 'time') {
    if (!data.time) throw new RecipeInputError('split "time" on a customers table needs the "time" parameter: the date column that orders customers (e.g. signup_date).');
    return timeSplit(data.time, params.test_fraction);
  }
  return stratifiedSplit(y, params.test_fraction, createRng(params.seed));
}

function trainSpec(params: ChurnParams, n: number): TrainSpec {
  const mlp = params.model === 'mlp';
  return {
    hidden: mlp ? [params.hidden] : [],
    loss: 'logistic',
    epochs: params.epochs ?? (mlp ? 30 : 300),
    // Larger batches on large tables: per-step overhead, not arithmetic, bounds tfjs speed here.
    batchSize: mlp ? Math.min(n, Math.max(256, Math.ceil(n / 100))) : 0,
    learningRate: params.learning_rate ?? (mlp ? 0.003 : 0.05),
    l2: params.l2,
    seed: params.seed,
  };
}

export interface FittedChurn {
  saved: SavedModel;
  split: Split;
  backend: string;
  losses: number[];
}

/**
 * Trains on the training rows of `data` and returns the saved model and the split.
 *
 * @example
 * const { saved, split } = await fitChurn(data, params, { progress, signal });
 */
export async function fitChurn(data: ChurnData, params: ChurnParams, context: { progress: Progress; signal: AbortSignal; train?: Trainer }): Promise<FittedChurn> {
  const train = context.train ?? trainInThread;
  const y = data.y!;
  const split = splitRows(data, y, params);
  if (split.train.length < 10 || split.test.length < 2) {
    throw new RecipeInputError(`Too few customers to train and test (${split.train.length} train, ${split.test.length} test); give at least 20 customers or change "test_fraction".`);
  }
  const trainY = Float64Array.from(split.train, (i) => y[i]);
  requireBothClasses(trainY, data.source === 'customers' ? `The label "${params.label}" in the training rows` : 'The derived churn label in the training rows');
  context.progress(0.02, 'encoding features');
  const encoder = fitEncoder(data.features, data.columns, split.train);
  const trainColumns = Object.fromEntries(data.features.map((f) => [f, Array.from(split.train, (i) => data.columns[f][i])]));
  const X = encode(encoder, trainColumns);
  const spec = trainSpec(params, split.train.length);
  const report = await train(
    { X, y: Float32Array.from(trainY), n: split.train.length, d: encoder.columns.length },
    spec,
    { progress: context.progress, signal: context.signal, label: `training ${params.model}`, span: [0.05, 0.75] },
  );
  const saved: SavedModel = {
    format: 'liftbook-model',
    version: 1,
    recipe: 'churn',
    model: params.model,
    encoder,
    network: report.network,
    meta: {
      source: data.source,
      customer: params.customer,
      label: params.label,
      window: params.window,
      cutoff: data.cutoff === undefined ? null : new Date(data.cutoff).toISOString().slice(0, 10),
      categories: data.categories ?? [],
      attributes: data.source === 'transactions' ? params.attributes : [],
      seed: params.seed,
      trained_rows: split.train.length,
      epochs: report.losses.length,
      final_loss: report.losses[report.losses.length - 1],
      backend: report.backend,
    },
  };
  return { saved, split, backend: report.backend, losses: report.losses };
}
