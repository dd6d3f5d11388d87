import type { ColumnTable } from 'arquero';
import { Worker } from 'node:worker_threads';
import type { ShopOptions } from '../datasets/bundled.js';
import type { TableLimits } from '../io/table-limits.js';
import type { ColumnInfo } from '../storage/column-types.js';
import { reviveError, type SerializedError } from './error-transfer.js';
import { unpackTables, type PackedTable } from './table-transfer.js';

/** What to read: a file on disk (named in messages, and read by format, as `filename` when given), or a bundled dataset. */
export type ReadRequest = { file: string; filename?: string; limits?: TableLimits } | { bundled: string; options?: ShopOptions };

const BOOT = new URL('./worker-boot.js', import.meta.url);
const ENTRY = new URL('./read-worker.ts', import.meta.url).href;
const pending = new Map<number, { resolve(result: ColumnTable | TableSummary): void; reject(error: Error): void }>();
let reader: Worker | undefined;
let nextId = 1;

/**
 * Reads a table in the table-reader thread, so parsing a 100 MB CSV or generating the sample
 * shop does not stall the server for everyone else. Errors keep their class (RecipeInputError →
 * 400). The thread starts on first use and does not keep the process alive.
 *
 * @example
 * const orders = await readTableInWorker({ file: '/data/orders.csv' });
 * const units = await readTableInWorker({ bundled: 'shop/units', options: { seed: 7 } });
 */
export function readTableInWorker(source: ReadRequest): Promise<ColumnTable> {
  return request(source, false) as Promise<ColumnTable>;
}

/** How many rows a table has and its columns' types, as an upload is described. */
export interface TableSummary {
  rows: number;
  columns: ColumnInfo[];
}

/**
 * Reads a table in the table-reader thread and returns only its size and column types: what an
 * upload needs to be checked and listed, without bringing a million rows back to the main thread.
 *
 * @example
 * const { rows, columns } = await describeTableInWorker({ file: upload, filename: 'orders.csv' });
 */
export function describeTableInWorker(source: ReadRequest): Promise<TableSummary> {
  return request(source, true) as Promise<TableSummary>;
}

function request(source: ReadRequest, describe: boolean): Promise<ColumnTable | TableSummary> {
  const worker = (reader ??= startReader());
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.ref();
    worker.postMessage({ id, describe, source });
  });
}

/**
 * Stops the table-reader thread (the next read starts a new one).
 *
 * @example
 * await closeTableReader();
 */
export async function closeTableReader(): Promise<void> {
  const worker = reader;
  reader = undefined;
  await worker?.terminate();
}

function startReader(): Worker {
  const worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
  worker.unref();
  worker.on('message', (message: { id: number; table?: PackedTable; summary?: TableSummary; error?: SerializedError }) => {
    const job = pending.get(message.id);
    if (!job) return;
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    if (message.error) job.reject(reviveError(message.error));
    else job.resolve(message.summary ?? unpackTables({ table: message.table! }).table);
  });
  const fail = (why: string) => {
    if (reader === worker) reader = undefined;
    for (const job of pending.values()) job.reject(new Error(`The table reader ${why}.`));
    pending.clear();
  };
  worker.on('error', (error) => fail(`failed: ${error.message}`));
  worker.on('exit', (code) => fail(`stopped (exit code ${code})`));
  return worker;
}
