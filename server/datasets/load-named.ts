import type { ColumnTable } from 'arquero';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { RecipeInputError } from '../../recipes/errors.js';
import { readTableFile } from '../io/read-table.js';
import { isBundledDataset, loadBundledDataset, type ShopOptions } from './bundled.js';

/**
 * Loads a table named the way users name them on the command line and in notebooks' `load()`:
 * a file path (relative to `baseDir`) when such a file exists, else a bundled dataset
 * (`shop/units`, `open/cdnow_summary`). A name that is neither is an error saying both.
 *
 * @example
 * await loadNamedTable('data/units.csv', { baseDir: '/home/sarah/notebooks' });
 * await loadNamedTable('shop/units', { seed: 7 });
 */
export async function loadNamedTable(name: string, options: ShopOptions & { baseDir?: string } = {}): Promise<ColumnTable> {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new RecipeInputError('load() needs a file path or a bundled dataset name, e.g. load("shop/units") or load("orders.csv").');
  }
  const file = path.resolve(options.baseDir ?? process.cwd(), name);
  if (await exists(file)) return readTableFile(file);
  if (isBundledDataset(name)) return loadBundledDataset(name, { seed: options.seed, customers: options.customers });
  if (/^(shop|open)\//.test(name)) return loadBundledDataset(name);
  throw new RecipeInputError(
    `Cannot find "${name}": there is no file ${file} and no bundled dataset of that name (bundled names look like shop/units or open/cdnow_summary).`,
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
