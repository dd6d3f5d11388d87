import type { ColumnTable } from 'arquero';
import { isBundledDataset, type ShopOptions } from '../datasets/bundled.js';
import { readTableInWorker } from '../runner/read-in-worker.js';
import { checkDatasetName } from '../storage/dataset-names.js';
import type { Storage } from '../storage/storage.js';

// Bundled tables are built in the reader thread (the shop generator takes seconds); paging through
// one, or running several recipes on it, should not rebuild it.
const bundled = new Map<string, Promise<ColumnTable>>();
const CACHE_SIZE = 8;

/**
 * A dataset by name — bundled (`shop/units`, `open/…`) or uploaded — or undefined when there is
 * none. A malformed name throws StorageInputError (→ 400) before anything touches the disk.
 *
 * @example
 * const units = await loadDataset(storage, 'shop/units', { seed: 7 });
 */
export function loadDataset(storage: Storage, name: string, options: ShopOptions = {}): Promise<ColumnTable> | undefined {
  checkDatasetName(name, { allowBundled: true });
  if (!isBundledDataset(name)) return storage.datasets.load(name);
  // Undefined options are the defaults: one cache entry, not one per spelling.
  const key = `${name}:${options.seed ?? ''}:${options.customers ?? ''}`;
  let table = bundled.get(key);
  if (!table) {
    table = readTableInWorker({ bundled: name, options });
    bundled.set(key, table);
    table.catch(() => bundled.delete(key));
    if (bundled.size > CACHE_SIZE) bundled.delete(bundled.keys().next().value as string);
  }
  return table;
}
