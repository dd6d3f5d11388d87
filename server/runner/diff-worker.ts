// The body of the diff thread (see diff-in-worker.ts): compares two notebook versions off the
// main event loop.
import { parentPort } from 'node:worker_threads';
import { diffNotebooks } from '../../notebook/diff.js';
import { serializeError } from './error-transfer.js';

const port = parentPort!;
port.on('message', ({ id, before, after }: { id: number; before: string; after: string }) => {
  try {
    port.postMessage({ id, changes: diffNotebooks(before, after) });
  } catch (error) {
    port.postMessage({ id, error: serializeError(error) });
  }
});
