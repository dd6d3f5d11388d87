import { Worker } from 'node:worker_threads';
import { RecipeCancelledError, throwIfAborted } from '../../recipes/errors.js';
import type { TrainData, TrainReport, TrainSpec } from '../../recipes/ml/train-loop.js';
import { reportEpoch, type Trainer, type TrainOptions } from '../../recipes/ml/train.js';

/**
 * The runner's trainer: recipes ask for it through their run context (`train`). Training goes to
 * one long-lived worker thread, started on first use, so that cancelling can terminate TensorFlow.js
 * mid-epoch (an in-thread loop only stops between epochs) and a long fit never holds the thread the
 * recipe runs on. Jobs run one at a time.
 */

const BOOT = new URL('./worker-boot.js', import.meta.url);
const ENTRY = new URL('./train-worker.ts', import.meta.url).href;

type Message =
  | { id: number; type: 'epoch'; epoch: number; epochs: number; loss: number }
  | { id: number; type: 'done'; report: TrainReport }
  | { id: number; type: 'error'; message: string };

let worker: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
    // An idle trainer must not keep a CLI run or a test process alive.
    worker.unref();
  }
  return worker;
}

function inWorker(data: TrainData, spec: TrainSpec, options: TrainOptions): Promise<TrainReport> {
  throwIfAborted(options.signal);
  const w = getWorker();
  const id = nextId++;
  return new Promise<TrainReport>((resolve, reject) => {
    const cleanup = () => {
      w.off('message', onMessage);
      w.off('error', onError);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onMessage = (m: Message) => {
      if (m.id !== id) return;
      if (m.type === 'epoch') reportEpoch(options, m.epoch, m.epochs);
      else {
        cleanup();
        if (m.type === 'done') resolve(m.report);
        else reject(new Error(`Model training failed: ${m.message}`));
      }
    };
    const onError = (e: Error) => {
      cleanup();
      worker = undefined;
      reject(e);
    };
    const onAbort = () => {
      cleanup();
      worker = undefined;
      void w.terminate();
      reject(new RecipeCancelledError());
    };
    w.on('message', onMessage);
    w.on('error', onError);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    w.postMessage({ id, data, spec, backend: options.backend ?? 'auto' });
  });
}

/**
 * Trains on the runner's training thread, with progress per epoch; aborting the signal terminates it.
 *
 * @example
 * await runRecipe(churn, { inputs, params, train: trainOnThread });
 */
export const trainOnThread: Trainer = (data, spec, options = {}) => {
  throwIfAborted(options.signal);
  const run = () => inWorker(data, spec, options);
  const job = queue.then(run, run);
  queue = job.catch(() => undefined);
  return job;
};
