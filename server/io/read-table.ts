import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parquetReadObjects } from 'hyparquet';
import { RecipeInputError } from '../../recipes/errors.js';
import { readDelimited } from './read-delimited.js';
import { readJsonRows } from './read-json.js';

/** File name endings liftbook reads, for help texts and errors. */
export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.txt', '.json', '.parquet', '.arrow', '.feather', '.ipc'];

/**
 * Reads a table from a file's bytes; the format comes from the file name (`.csv`, `.tsv`, `.txt`,
 * `.json`, `.parquet`, `.arrow`/`.feather`/`.ipc`, each optionally `.gz`). Errors are
 * RecipeInputErrors naming the file.
 *
 * @example
 * const units = await readTableBytes(new TextEncoder().encode('variant,converted\nA,1\n'), 'units.csv');
 */
export async function readTableBytes(bytes: Uint8Array, filename: string): Promise<ColumnTable> {
  const file = path.basename(filename);
  let name = file.toLowerCase();
  if (name.endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new RecipeInputError(`${file} ends in .gz but is not gzip data. Decompress it or rename it.`);
    }
    name = name.slice(0, -3);
  }
  const ext = path.extname(name);
  if (bytes.length === 0) throw new RecipeInputError(`${file} is empty (0 bytes).`);
  let table: ColumnTable;
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
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
  return table;
}

/**
 * Reads a table file from disk (see readTableBytes for the formats).
 *
 * @example
 * const units = await readTableFile('units.csv.gz');
 */
export async function readTableFile(file: string): Promise<ColumnTable> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new RecipeInputError(`Cannot read ${file}: ${why}.`);
  }
  return readTableBytes(bytes, file);
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
