// The body of a one-off worker thread that parses a table file (see read-in-worker.ts).
import { parentPort } from 'node:worker_threads';
import { readTableBytes, readTableFile } from '../io/read-table.js';
import { serializeError } from './error-transfer.js';
import { packTables } from './table-transfer.js';

const port = parentPort!;
port.once('message', async (message: { bytes?: Uint8Array; filename?: string; file?: string }) => {
  try {
    const table = message.file ? await readTableFile(message.file) : await readTableBytes(message.bytes!, message.filename!);
    const { packed, transfer } = packTables({ table });
    port.postMessage({ table: packed.table }, transfer);
  } catch (error) {
    port.postMessage({ error: serializeError(error) });
  }
});
