import { open } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { RecipeInputError } from '../../recipes/errors.js';
import { sniffDelimiter } from '../io/parse-delimited.js';
import { TABLE_EXTENSIONS } from '../io/read-table.js';

/** How a file is read: DuckDB's own readers, or Arrow IPC through JS (DuckDB has no built-in IPC reader). */
export type FileFormat = 'delimited' | 'json' | 'parquet' | 'arrow';

/**
 * The format of a table file from its name (`.csv`, `.tsv`, `.txt`, `.json`, `.parquet`,
 * `.arrow`/`.feather`/`.ipc`, each optionally `.gz`), as readTableFile decides it.
 *
 * @example
 * fileFormat('units.csv.gz'); // → 'delimited'
 */
export function fileFormat(file: string): FileFormat {
  let name = path.basename(file).toLowerCase();
  if (name.endsWith('.gz')) name = name.slice(0, -3);
  const ext = path.extname(name);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'delimited';
  if (ext === '.json') return 'json';
  if (ext === '.parquet') return 'parquet';
  if (ext === '.arrow' || ext === '.feather' || ext === '.ipc') return 'arrow';
  throw new RecipeInputError(
    `${path.basename(file)}: liftbook cannot tell this file's format from its name. Use one of ${TABLE_EXTENSIONS.join(', ')} (optionally .gz).`,
  );
}

const SNIFF_BYTES = 64 * 1024;

/** The first 64 KiB of a file as text, decompressed when it ends in .gz. */
async function head(file: string): Promise<string> {
  if (!file.toLowerCase().endsWith('.gz')) {
    const handle = await open(file);
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  }
  const handle = await open(file);
  const chunks: Buffer[] = [];
  let size = 0;
  const gunzip = handle.createReadStream().pipe(createGunzip());
  try {
    for await (const chunk of gunzip as Readable) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= SNIFF_BYTES) break;
    }
  } catch {
    throw new RecipeInputError(`${path.basename(file)} ends in .gz but is not gzip data. Decompress it or rename it.`);
  } finally {
    gunzip.destroy();
    await handle.close();
  }
  return Buffer.concat(chunks).toString('utf8');
}

// The cells liftbook's CSV reader reads as missing (see server/io/infer-column.ts).
const NULLS = ['', 'NA', 'N/A', 'NaN', 'null', 'NULL'];
// Types a column may be sniffed as: the ones liftbook's reader gives (numbers, booleans, ISO
// dates and times with or without a zone); anything else stays text.
const TYPES = ['BOOLEAN', 'BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'TIMESTAMPTZ', 'VARCHAR'];

/**
 * The DuckDB table function that reads a file, with the same delimiter sniffing (`,` `;` tab `|`,
 * quoted multi-line fields, a header row) and missing-value cells as liftbook's CSV reader.
 *
 * @example
 * await fileScan('/data/units.csv'); // → "read_csv('/data/units.csv', delim = ';', header = true, …)"
 */
export async function fileScan(file: string): Promise<string> {
  const format = fileFormat(file);
  const quoted = sqlString(file);
  if (format === 'parquet') return `read_parquet(${quoted})`;
  if (format === 'json') return `read_json(${quoted}, format = 'array')`;
  if (format === 'arrow') throw new Error('Arrow IPC files are read through JS; see LocalEngine.register.');
  const base = path.basename(file).toLowerCase().replace(/\.gz$/, '');
  const delimiter = base.endsWith('.tsv') ? '\t' : sniffDelimiter(await head(file));
  return (
    `read_csv(${quoted}, delim = ${sqlString(delimiter)}, header = true, quote = '"', escape = '"', ` +
    `nullstr = [${NULLS.map(sqlString).join(', ')}], auto_type_candidates = [${TYPES.map(sqlString).join(', ')}])`
  );
}

/** A DuckDB string literal. */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
