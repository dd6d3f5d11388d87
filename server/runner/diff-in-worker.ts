import { Worker } from 'node:worker_threads';
import type { CellChange } from '../../notebook/diff.js';
import { reviveError, type SerializedError } from './error-transfer.js';

const BOOT = new URL('./worker-boot.js', import.meta.url);
const ENTRY = new URL('./diff-worker.ts', import.meta.url).href;
const pending = new Map<number, { resolve(changes: CellChange[]): void; reject(error: Error): void }>();
let thread: Worker | undefined;
let nextId = 1;

/**
 * Diffs two notebook versions in the diff thread, so a large history diff (up to the cell cap,
 * a second or two) never holds up other users' requests. The thread starts on first use and does
 * not keep the process alive.
 *
 * @example
 * const changes = await diffInWorker(before, after);
 */
export function diffInWorker(before: string, after: string): Promise<CellChange[]> {
  const worker = (thread ??= startThread());
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.ref();
    worker.postMessage({ id, before, after });
  });
}

/**
 * Stops the diff thread (the next diff starts a new one).
 *
 * @example
 * await closeDiffThread();
 */
export async function closeDiffThread(): Promise<void> {
  const worker = thread;
  thread = undefined;
  await worker?.terminate();
}

function startThread(): Worker {
  const worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
  worker.unref();
  worker.on('message', (message: { id: number; changes?: CellChange[]; error?: SerializedError }) => {
    const job = pending.get(message.id);
    if (!job) return;
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    if (message.error) job.reject(reviveError(message.error));
    else job.resolve(message.changes!);
  });
  const fail = (why: string) => {
    if (thread === worker) thread = undefined;
    for (const job of pending.values()) job.reject(new Error(`The diff thread ${why}.`));
    pending.clear();
  };
  worker.on('error', (error) => fail(`failed: ${error.message}`));
  worker.on('exit', (code) => fail(`stopped (exit code ${code})`));
  return worker;
}
