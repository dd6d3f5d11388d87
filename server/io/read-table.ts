import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parquetReadObjects } from 'hyparquet';
import { RecipeInputError } from '../../recipes/errors.js';
import { readDelimited } from './read-delimited.js';
import { readJsonRows } from './read-json.js';
import { DEFAULT_MAX_DECOMPRESSED, TABLE_LIMITS, TableTooLargeError, type TableLimits } from './table-limits.js';

export { TABLE_LIMITS, TableTooLargeError, type TableLimits } from './table-limits.js';

/** File name endings liftbook reads, for help texts and errors. */
export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.txt', '.json', '.parquet', '.arrow', '.feather', '.ipc'];

/**
 * Reads a table from a file's bytes; the format comes from the file name (`.csv`, `.tsv`, `.txt`,
 * `.json`, `.parquet`, `.arrow`/`.feather`/`.ipc`, each optionally `.gz`). Errors are
 * RecipeInputErrors naming the file; a .gz that expands past `maxBytes` or a table over the row or
 * cell maximum (TABLE_LIMITS) is a TableTooLargeError, found before the table is built.
 *
 * @example
 * const units = await readTableBytes(new TextEncoder().encode('variant,converted\nA,1\n'), 'units.csv');
 */
export async function readTableBytes(bytes: Uint8Array, filename: string, limits: TableLimits = {}): Promise<ColumnTable> {
  const file = path.basename(filename);
  const maxRows = limits.maxRows ?? TABLE_LIMITS.maxRows;
  const maxCells = limits.maxCells ?? TABLE_LIMITS.maxCells;
  let name = file.toLowerCase();
  if (name.endsWith('.gz')) {
    const maxBytes = limits.maxBytes ?? DEFAULT_MAX_DECOMPRESSED;
    try {
      // zlib stops as soon as the output would pass the limit: a gzip bomb costs no more than that.
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw new TableTooLargeError(`${file} expands to more than ${megabytes(maxBytes)} when decompressed, over the limit for one file. Send a smaller file, or split it.`);
      }
      throw new RecipeInputError(`${file} ends in .gz but is not gzip data. Decompress it or rename it.`);
    }
    name = name.slice(0, -3);
  }
  const ext = path.extname(name);
  if (bytes.length === 0) throw new RecipeInputError(`${file} is empty (0 bytes).`);
  let table: ColumnTable;
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    checkDelimitedSize(bytes, file, maxRows, maxCells);
    table = readDelimited(decodeText(bytes, file), file, ext === '.tsv' ? '\t' : undefined);
  } else if (ext === '.json') {
    table = readJsonRows(decodeText(bytes, file), file);
  } else if (ext === '.parquet') {
    table = await readParquet(bytes, file);
  } else if (ext === '.arrow' || ext === '.feather' || ext === '.ipc') {
    table = readArrow(bytes, file);
  } else {
    throw new RecipeInputError(
      `${file}: liftbook cannot tell this file's format from its name. Use one of ${TABLE_EXTENSIONS.join(', ')} (optionally .gz).`,
    );
  }
  if (table.numRows() === 0) throw new RecipeInputError(`${file} has no rows.`);
  checkTableSize(table.numRows(), table.numCols(), file, maxRows, maxCells);
  return table;
}

function megabytes(bytes: number): string {
  return `${+(bytes / 2 ** 20).toFixed(1)} MB`;
}

function checkTableSize(rows: number, columns: number, file: string, maxRows: number, maxCells: number): void {
  if (rows > maxRows) throw new TableTooLargeError(`${file} has more than ${maxRows.toLocaleString('en-US')} rows, liftbook's maximum for one table. Aggregate or sample it first.`);
  if (rows * columns > maxCells) {
    throw new TableTooLargeError(`${file} has more than ${maxCells.toLocaleString('en-US')} cells (rows × columns), liftbook's maximum for one table. Drop columns, or aggregate or sample it first.`);
  }
}

// Before parsing (which takes several times the text's size in memory): lines and the header's
// fields bound the rows and cells from above.
function checkDelimitedSize(bytes: Uint8Array, file: string, maxRows: number, maxCells: number): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let lines = 0;
  for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines++;
  if (buffer.length > 0 && buffer[buffer.length - 1] !== 10) lines++;
  const headerEnd = buffer.indexOf(10);
  const header = buffer.subarray(0, headerEnd === -1 ? Math.min(buffer.length, 65_536) : headerEnd).toString('utf8');
  const columns = 1 + Math.max(...[',', ';', '\t', '|'].map((d) => header.split(d).length - 1));
  checkTableSize(Math.max(0, lines - 1), columns, file, maxRows, maxCells);
}

/**
 * Reads a table file from disk (see readTableBytes for the formats).
 *
 * @example
 * const units = await readTableFile('units.csv.gz');
 */
export async function readTableFile(file: string, limits: TableLimits = {}): Promise<ColumnTable> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new RecipeInputError(`Cannot read ${file}: ${why}.`);
  }
  return readTableBytes(bytes, file, limits);
}

function decodeText(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RecipeInputError(`${file} is not UTF-8 text. Save it as UTF-8 (most spreadsheet apps offer "CSV UTF-8").`);
  }
}

async function readParquet(bytes: Uint8Array, file: string): Promise<ColumnTable> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let rows: Record<string, unknown>[];
  try {
    rows = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
  } catch (error) {
    throw new RecipeInputError(`${file} is not a Parquet file liftbook can read (${(error as Error).message}).`);
  }
  if (rows.length === 0) throw new RecipeInputError(`${file} has no rows.`);
  // Parquet INT64 arrives as bigint; tables hold numbers (exact up to 2^53, plenty for counts and ids).
  const names = Object.keys(rows[0]);
  return aq.table(Object.fromEntries(names.map((n) => [n, rows.map((r) => (typeof r[n] === 'bigint' ? Number(r[n]) : r[n]))])));
}

function readArrow(bytes: Uint8Array, file: string): ColumnTable {
  try {
    return aq.fromArrow(bytes, { useBigInt: false, useDate: true } as never);
  } catch (error) {
    throw new RecipeInputError(`${file} is not an Arrow IPC file liftbook can read (${(error as Error).message}).`);
  }
}
