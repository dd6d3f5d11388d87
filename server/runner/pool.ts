import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ColumnTable } from 'arquero';
import { RecipeCancelledError } from '../../recipes/errors.js';
import type { EngineReport, Progress, RecipeResult } from '../../recipes/types.js';
import { reviveError } from './error-transfer.js';
import type { FromWorker, ToWorker } from './messages.js';
import { packTables, unpackTables } from './table-transfer.js';
import type { InputRef } from '../engine/input-ref.js';

export interface PoolOptions {
  /** Worker threads; default max(2, cores − 1): the event loop keeps a core where there are 3 or more, and there are always 2 so one user's long fit cannot hold everyone up. */
  size?: number;
  /** Module (URL or path) whose `recipes` export the workers run; default recipes/registry.ts. */
  registry?: string | URL;
  /** How long a cancelled job may take to notice its signal before its worker is terminated. */
  cancelGraceMs?: number;
  /**
   * Load each job's recipe when it comes (recipes/catalog.ts) instead of the whole registry at
   * start-up: what a one-run process (the CLI) wants. Needs the default registry.
   */
  lazy?: boolean;
}

export interface WorkerRunOptions {
  progress?: Progress;
  signal?: AbortSignal;
  /** Who asked for the run: the pool shares its workers fairly between users. */
  user?: string;
  /** Source URLs by name, for inputs that are a table or query of a source. */
  sources?: Record<string, string>;
}

/** A recipe input for a worker: rows in memory, or a reference the worker reads (file, dataset, source). */
export type WorkerInput = ColumnTable | InputRef;

export interface WorkerRunOutput {
  params: Record<string, unknown>;
  result: RecipeResult;
  /** Where the data was read and aggregated (null: the tables went to `run` as they were). */
  engine: EngineReport | null;
}

interface Job {
  id: number;
  recipe: string;
  inputs: Record<string, WorkerInput>;
  params: unknown;
  options: WorkerRunOptions;
  resolve(output: WorkerRunOutput): void;
  reject(error: Error): void;
  onAbort(): void;
  slot?: Slot;
  killTimer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  job?: Job;
  dead?: boolean;
}

const BOOT = new URL('./worker-boot.js', import.meta.url);
const ENTRY = new URL('./worker.ts', import.meta.url).href;
const DEFAULT_REGISTRY = new URL('../../recipes/registry.ts', import.meta.url).href;

/**
 * The default pool size: one worker per core but one, and at least two (on a 2-core machine a
 * second worker shares a core, but a short run no longer waits behind someone's long fit).
 *
 * @example
 * defaultPoolSize(); // → 2 on a 2-core machine
 */
export function defaultPoolSize(): number {
  return Math.max(2, os.availableParallelism() - 1);
}

/**
 * A fixed pool of worker threads that run recipes off the event loop. Jobs beyond the pool size
 * wait in a fair queue: the next job goes to the user with the fewest runs going (first come
 * first served between equals), and no named user holds more than all workers but one, so
 * another user's short run always finds a worker (jobs without a user are not capped). A cancelled job is aborted through its signal in the worker and, if the
 * recipe does not stop within the grace period (a long synchronous fit), its worker is terminated
 * and replaced.
 *
 * @example
 * const pool = new RecipePool({ size: 2 });
 * const { params, result } = await pool.run('lift', { units }, { variant: 'variant', metrics: ['converted'] });
 * await pool.close();
 */
export class RecipePool {
  readonly size: number;
  readonly #registry: string;
  readonly #grace: number;
  readonly #lazy: boolean;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.#registry = toUrl(options.registry ?? DEFAULT_REGISTRY);
    this.#grace = options.cancelGraceMs ?? 1000;
    this.#lazy = options.lazy === true && options.registry === undefined;
  }

  /** Jobs waiting for a free worker. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Starts every worker now, so the first run does not pay their start-up (~0.5 s each). */
  warm(workers = this.size): void {
    while (!this.#closed && this.#slots.length < Math.min(workers, this.size)) this.#spawn();
  }

  /** Runs a recipe by id in a worker; rejects with RecipeInputError / RecipeCancelledError as in-process runs do. */
  run(recipe: string, inputs: Record<string, WorkerInput>, params: unknown, options: WorkerRunOptions = {}): Promise<WorkerRunOutput> {
    if (this.#closed) return Promise.reject(new Error('The recipe pool is closed.'));
    if (options.signal?.aborted) return Promise.reject(new RecipeCancelledError());
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.#nextId++, recipe, inputs, params, options, resolve, reject, onAbort: () => this.#cancel(job) };
      options.signal?.addEventListener('abort', job.onAbort, { once: true });
      this.#queue.push(job);
      this.#dispatch();
      // Tell the caller why nothing happens yet (a progress bar can say so).
      if (this.#queue.includes(job)) options.progress?.(0, 'waiting for a free worker');
    });
  }

  /** Rejects queued jobs and terminates every worker. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) this.#settle(job, new Error('The recipe pool was closed.'));
    const slots = this.#slots.splice(0);
    for (const slot of slots) {
      slot.dead = true;
      if (slot.job) this.#settle(slot.job, new RecipeCancelledError('The run was stopped because the server is shutting down.'));
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      const job = this.#next();
      if (!job) return;
      const slot = this.#slots.find((s) => !s.job) ?? (this.#slots.length < this.size ? this.#spawn() : undefined);
      if (!slot) return;
      this.#queue.splice(this.#queue.indexOf(job), 1);
      this.#start(slot, job);
    }
  }

  #spawn(): Slot {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY, registry: this.#registry, lazy: this.#lazy } });
    const slot: Slot = { worker };
    worker.on('message', (message: FromWorker) => this.#onMessage(slot, message));
    worker.on('error', (error) => this.#onDeath(slot, `failed: ${error.message}`));
    worker.on('exit', (code) => this.#onDeath(slot, `exited with code ${code}`));
    // An idle worker must not keep a CLI process alive.
    worker.unref();
    this.#slots.push(slot);
    return slot;
  }

  /** The next job to start: FIFO within a user; between users, the fewest running first; none over its cap. */
  #next(): Job | undefined {
    const running = new Map<string, number>();
    for (const slot of this.#slots) if (slot.job?.options.user !== undefined) running.set(slot.job.options.user, (running.get(slot.job.options.user) ?? 0) + 1);
    const cap = Math.max(1, this.size - 1);
    let best: Job | undefined;
    let bestLoad = Infinity;
    for (const job of this.#queue) {
      const user = job.options.user;
      const load = user === undefined ? 0 : (running.get(user) ?? 0);
      if (user !== undefined && load >= cap) continue;
      if (load < bestLoad) [best, bestLoad] = [job, load];
    }
    return best;
  }

  #start(slot: Slot, job: Job): void {
    slot.job = job;
    job.slot = slot;
    slot.worker.ref();
    try {
      const tables: Record<string, ColumnTable> = {};
      const refs: Record<string, Exclude<InputRef, { table: ColumnTable }>> = {};
      for (const [name, input] of Object.entries(job.inputs)) {
        if (isTable(input)) tables[name] = input;
        else if ('table' in input && typeof input.table !== 'string') tables[name] = input.table;
        else refs[name] = input as Exclude<InputRef, { table: ColumnTable }>;
      }
      const { packed, transfer } = packTables(tables);
      const message: ToWorker = { type: 'run', jobId: job.id, recipe: job.recipe, inputs: packed, refs, sources: job.options.sources ?? {}, params: job.params };
      slot.worker.postMessage(message, transfer);
    } catch (error) {
      this.#settle(job, new Error(`Could not send the run to a worker: ${(error as Error).message}`));
    }
  }

  #onMessage(slot: Slot, message: FromWorker): void {
    const job = slot.job;
    if (!job || job.id !== message.jobId) return;
    if (message.type === 'progress') job.options.progress?.(message.fraction, message.label);
    else if (message.type === 'error') this.#settle(job, reviveError(message.error));
    else this.#settle(job, { params: message.params, result: { ...message.result, tables: unpackTables(message.result.tables) }, engine: message.engine });
  }

  #cancel(job: Job): void {
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      this.#settle(job, new RecipeCancelledError());
      return;
    }
    const slot = job.slot;
    if (!slot || slot.job !== job || job.killTimer) return;
    slot.worker.postMessage({ type: 'abort', jobId: job.id } satisfies ToWorker);
    job.killTimer = setTimeout(() => {
      if (slot.job !== job) return;
      this.#retire(slot);
      void slot.worker.terminate();
      this.#settle(job, new RecipeCancelledError());
    }, this.#grace);
  }

  #onDeath(slot: Slot, why: string): void {
    if (slot.dead) return;
    this.#retire(slot);
    const job = slot.job;
    if (job) {
      this.#settle(job, job.killTimer ? new RecipeCancelledError() : new Error(`The recipe worker running ${job.recipe} ${why}.`));
    }
  }

  #retire(slot: Slot): void {
    slot.dead = true;
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots.splice(index, 1);
  }

  #settle(job: Job, outcome: WorkerRunOutput | Error): void {
    clearTimeout(job.killTimer);
    job.options.signal?.removeEventListener('abort', job.onAbort);
    const slot = job.slot;
    if (slot && slot.job === job) {
      slot.job = undefined;
      if (!slot.dead) slot.worker.unref();
    }
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
    queueMicrotask(() => this.#dispatch());
  }
}

function isTable(input: WorkerInput): input is ColumnTable {
  return typeof (input as ColumnTable).numRows === 'function';
}

function toUrl(module: string | URL): string {
  if (module instanceof URL) return module.href;
  return /^(file|data):/i.test(module) ? module : pathToFileURL(path.resolve(module)).href;
}
