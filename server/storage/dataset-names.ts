import path from 'node:path';
import { isBundledDataset } from '../datasets/bundled.js';
import { TABLE_EXTENSIONS } from '../io/read-table.js';
import { StorageInputError } from './errors.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const FORMATS: Record<string, string> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.txt': 'csv',
  '.json': 'json',
  '.parquet': 'parquet',
  '.arrow': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
};

/**
 * Checks a dataset name. Uploaded datasets are one plain segment (letters, digits, `_`, `-`, `.`,
 * no `..`); a name with a slash must be a bundled dataset (`shop/units`). Anything else — paths,
 * `..`, absolute names — is refused before it reaches the file system.
 *
 * @example
 * checkDatasetName('orders_2024'); // ok
 * checkDatasetName('../etc/passwd'); // throws StorageInputError
 */
export function checkDatasetName(name: string, options: { allowBundled?: boolean } = {}): void {
  if (options.allowBundled && isBundledDataset(name)) return;
  if (!NAME.test(name) || name.includes('..')) {
    throw new StorageInputError(
      `"${name}" is not a valid dataset name: use letters, digits, "_", "-" and "." (no "..", no slashes), at most 100 characters` +
        (options.allowBundled ? ', or a bundled name such as shop/units.' : '.'),
    );
  }
}

/**
 * The format of an uploaded file from its name (`.gz` allowed), or a StorageInputError listing the formats.
 *
 * @example
 * datasetFormat('Orders.CSV.gz'); // → { format: 'csv', extension: '.csv.gz' }
 */
export function datasetFormat(filename: string): { format: string; extension: string } {
  const lower = path.basename(filename).toLowerCase();
  const gz = lower.endsWith('.gz') ? '.gz' : '';
  const ext = path.extname(gz ? lower.slice(0, -3) : lower);
  const format = FORMATS[ext];
  if (!format) {
    throw new StorageInputError(`Cannot tell the format of "${path.basename(filename)}": name it with one of ${TABLE_EXTENSIONS.join(', ')} (optionally .gz).`);
  }
  return { format, extension: ext + gz };
}

/**
 * A dataset name derived from an uploaded file's name: its stem with other characters as `_`.
 *
 * @example
 * nameFromFilename('My Orders (2024).csv.gz'); // → 'My_Orders_2024'
 */
export function nameFromFilename(filename: string): string {
  const base = path.basename(filename).replace(/\.gz$/i, '');
  const stem = base.slice(0, base.length - path.extname(base).length);
  return stem.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/\.{2,}/g, '.').replace(/^[^A-Za-z0-9]+|_+$/g, '').slice(0, 100) || 'dataset';
}
