// The body of the table-reader thread (see read-in-worker.ts): parses files and builds bundled
// datasets off the main event loop. It lives on, so the generated shop is cached between requests.
import { parentPort } from 'node:worker_threads';
import { loadBundledDataset } from '../datasets/bundled.js';
import { readTableBytes, readTableFile } from '../io/read-table.js';
import { serializeError } from './error-transfer.js';
import type { ReadRequest } from './read-in-worker.js';
import { packTables } from './table-transfer.js';

const port = parentPort!;
port.on('message', async ({ id, source }: { id: number; source: ReadRequest }) => {
  try {
    const table =
      'bundled' in source
        ? await loadBundledDataset(source.bundled, source.options)
        : 'file' in source
          ? await readTableFile(source.file, source.limits)
          : await readTableBytes(source.bytes, source.filename, source.limits);
    const { packed, transfer } = packTables({ table });
    port.postMessage({ id, table: packed.table }, transfer);
  } catch (error) {
    port.postMessage({ id, error: serializeError(error) });
  }
});
