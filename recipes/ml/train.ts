import { RecipeCancelledError, throwIfAborted } from '../errors.js';
import type { Progress } from '../types.js';
import { loadTf, type BackendName } from './backend.js';
import { trainLoop, type TrainData, type TrainReport, type TrainSpec } from './train-loop.js';

/**
 * Training a network. Recipes never start threads: they ask their run context for a `Trainer`.
 * The server's runner supplies one that trains on a worker thread (tfjs's WASM backend is
 * single-threaded in Node, so an epoch would otherwise block the server); `runRecipe`'s default,
 * and a direct `run()` call, train in the calling thread with `trainInThread`, yielding between
 * epochs.
 */

export interface TrainOptions {
  progress?: Progress;
  signal?: AbortSignal;
  /** Label prefix of the progress messages, e.g. 'churn model'. */
  label?: string;
  /** Span of the overall progress bar this training covers, e.g. [0.1, 0.8]. */
  span?: [number, number];
  backend?: BackendName;
}

/** Trains a network (see TrainSpec) with progress per epoch; aborting the signal stops it. */
export type Trainer = (data: TrainData, spec: TrainSpec, options?: TrainOptions) => Promise<TrainReport>;

/** Reports one finished epoch on the caller's progress bar, scaled into `options.span`. */
export function reportEpoch(options: TrainOptions, epoch: number, epochs: number): void {
  const [from, to] = options.span ?? [0, 1];
  options.progress?.(from + ((to - from) * epoch) / epochs, `${options.label ?? 'training'}: epoch ${epoch}/${epochs}`);
}

/**
 * Trains in the calling thread: the default trainer where the host supplies none.
 *
 * @example
 * const { network } = await trainInThread({ X, y, n, d }, { hidden: [], loss: 'logistic', epochs: 200, batchSize: 0, learningRate: 0.05, l2: 1e-4, seed: 42 }, { progress, signal });
 */
export async function trainInThread(data: TrainData, spec: TrainSpec, options: TrainOptions = {}): Promise<TrainReport> {
  throwIfAborted(options.signal);
  const { tf } = await loadTf(options.backend ?? 'auto');
  let stopped = false;
  const result = await trainLoop(tf, data, spec, (epoch, epochs) => {
    reportEpoch(options, epoch, epochs);
    stopped = options.signal?.aborted ?? false;
    return stopped;
  });
  if (stopped) throw new RecipeCancelledError();
  return result;
}
