// The body of the table-reader thread (see read-in-worker.ts): parses files and builds bundled
// datasets off the main event loop. It lives on, so the generated shop is cached between requests.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { loadBundledDataset } from '../datasets/bundled.js';
import { readTableBytes, readTableFile } from '../io/read-table.js';
import { serializeError } from './error-transfer.js';
import type { ReadRequest } from './read-in-worker.js';
import { packTables } from './table-transfer.js';
import { describeColumns } from '../storage/column-types.js';

const port = parentPort!;
port.on('message', async ({ id, source, describe }: { id: number; source: ReadRequest; describe?: boolean }) => {
  try {
    const table =
      'bundled' in source
        ? await loadBundledDataset(source.bundled, source.options)
        : source.filename
          ? await readTableBytes(await readFile(source.file), source.filename, source.limits)
          : await readTableFile(source.file, source.limits);
    // An upload only needs its shape checked and described: sending a million-row table back
    // would cost the main thread seconds of unpacking.
    if (describe) {
      port.postMessage({ id, summary: { rows: table.numRows(), columns: describeColumns(table) } });
      return;
    }
    const { packed, transfer } = packTables({ table });
    port.postMessage({ id, table: packed.table }, transfer);
  } catch (error) {
    port.postMessage({ id, error: serializeError(error) });
  }
});
