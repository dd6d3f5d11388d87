import type { ColumnTable } from 'arquero';
import { Worker } from 'node:worker_threads';
import { reviveError, type SerializedError } from './error-transfer.js';
import { unpackTables, type PackedTable } from './table-transfer.js';

const BOOT = new URL('./worker-boot.js', import.meta.url);
const ENTRY = new URL('./read-worker.ts', import.meta.url).href;

/**
 * Parses a table file (bytes + file name, or a path) in a worker thread, so reading a 100 MB CSV
 * does not stall the server for everyone else. Errors keep their class (RecipeInputError → 400).
 *
 * @example
 * const table = await readTableInWorker({ bytes, filename: 'orders.csv' });
 * const again = await readTableInWorker({ file: '/data/datasets/orders.csv' });
 */
export function readTableInWorker(source: { bytes: Uint8Array; filename: string } | { file: string }): Promise<ColumnTable> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
    let settled = false;
    const settle = (outcome: ColumnTable | Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    worker.once('message', (message: { table?: PackedTable; error?: SerializedError }) => {
      settle(message.error ? reviveError(message.error) : unpackTables({ table: message.table! }).table);
    });
    worker.once('error', (error) => settle(new Error(`The table reader failed: ${error.message}`)));
    worker.once('exit', (code) => settle(new Error(`The table reader stopped (exit code ${code}).`)));
    if ('file' in source) worker.postMessage({ file: source.file });
    else {
      // A copy is transferred, so the caller keeps its bytes (to write them to disk).
      const bytes = source.bytes.slice();
      worker.postMessage({ bytes, filename: source.filename }, [bytes.buffer as ArrayBuffer]);
    }
  });
}
