import { RecipeCancelledError, throwIfAborted } from '../errors.js';
import type { Progress } from '../types.js';
import { loadTf, type BackendName } from './backend.js';
import { trainLoop, type TrainData, type TrainReport, type TrainSpec } from './train-loop.js';

/**
 * Trains a network off the caller's thread when the host allows it. tfjs's WASM backend is
 * single-threaded in Node, so an epoch would block the event loop (and every other user of the
 * server); in Node the work goes to one long-lived worker thread, started on first use. This is
 * the one place recipe code starts anything: the worker is spawned, never given file or network
 * access. Other hosts (browser, Deno) train in-thread, yielding between epochs.
 */

export interface TrainOptions {
  progress?: Progress;
  signal?: AbortSignal;
  /** Label prefix of the progress messages, e.g. 'churn model'. */
  label?: string;
  /** Span of the overall progress bar this training covers, e.g. [0.1, 0.8]. */
  span?: [number, number];
  backend?: BackendName;
  /** Train in the calling thread even where workers exist. */
  inThread?: boolean;
}

type Message =
  | { id: number; type: 'epoch'; epoch: number; epochs: number; loss: number }
  | { id: number; type: 'done'; report: TrainReport }
  | { id: number; type: 'error'; message: string };

interface WorkerLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (m: Message) => void): void;
  on(event: 'error', listener: (e: Error) => void): void;
  off(event: string, listener: (...args: never[]) => void): void;
  terminate(): Promise<number>;
  unref(): void;
}

let worker: Promise<WorkerLike> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function canUseWorker(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

async function getWorker(): Promise<WorkerLike> {
  worker ??= import('node:worker_threads').then(({ Worker }) => {
    const w = new Worker(new URL('./train-worker.js', import.meta.url)) as unknown as WorkerLike;
    // An idle trainer must not keep a CLI run or a test process alive.
    w.unref();
    return w;
  });
  return worker;
}

function report(options: TrainOptions, epoch: number, epochs: number): void {
  const [from, to] = options.span ?? [0, 1];
  options.progress?.(from + ((to - from) * epoch) / epochs, `${options.label ?? 'training'}: epoch ${epoch}/${epochs}`);
}

async function inWorker(data: TrainData, spec: TrainSpec, options: TrainOptions): Promise<TrainReport> {
  const w = await getWorker();
  const id = nextId++;
  return new Promise<TrainReport>((resolve, reject) => {
    const cleanup = () => {
      w.off('message', onMessage);
      w.off('error', onError);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onMessage = (m: Message) => {
      if (m.id !== id) return;
      if (m.type === 'epoch') report(options, m.epoch, m.epochs);
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

async function inThread(data: TrainData, spec: TrainSpec, options: TrainOptions): Promise<TrainReport> {
  const { tf } = await loadTf(options.backend ?? 'auto');
  let stopped = false;
  const result = await trainLoop(tf, data, spec, (epoch, epochs) => {
    report(options, epoch, epochs);
    stopped = options.signal?.aborted ?? false;
    return stopped;
  });
  if (stopped) throw new RecipeCancelledError();
  return result;
}

/**
 * Trains a network (see TrainSpec) with progress per epoch; aborting the signal stops it.
 * Jobs run one at a time.
 *
 * @example
 * const { network } = await trainNetwork({ X, y, n, d }, { hidden: [], loss: 'logistic', epochs: 200, batchSize: 0, learningRate: 0.05, l2: 1e-4, seed: 42 }, { progress, signal });
 */
export function trainNetwork(data: TrainData, spec: TrainSpec, options: TrainOptions = {}): Promise<TrainReport> {
  throwIfAborted(options.signal);
  const run = () => {
    throwIfAborted(options.signal);
    return canUseWorker() && !options.inThread ? inWorker(data, spec, options) : inThread(data, spec, options);
  };
  const job = queue.then(run, run);
  queue = job.catch(() => undefined);
  return job;
}
