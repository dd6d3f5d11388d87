import type { ColumnTable } from 'arquero';
import type { z } from 'zod';
import { RecipeInputError } from '../../recipes/errors.js';
import { listBundledDatasets } from '../datasets/bundled.js';
import { rowsToTable } from '../io/read-json.js';
import type { InputRef } from '../engine/input-ref.js';
import type { Storage } from '../storage/storage.js';
import { loadDataset } from './load-dataset.js';
import type { RunRequest } from './schemas.js';

/**
 * Turns a run request's inputs into what the recipe worker takes: inline rows as tables (ISO date
 * strings become Dates, as in JSON files), named datasets as tables — or, for a recipe that
 * aggregates in SQL (`byFile`), an uploaded dataset as its file, which the embedded DuckDB reads
 * in place instead of the server holding its rows. An unknown dataset is a RecipeInputError
 * naming what exists.
 *
 * @example
 * await runInputs(storage, { units: [{ variant: 'a', converted: 1 }], orders: { dataset: 'shop/orders' } });
 */
export async function runInputs(
  storage: Storage,
  inputs: z.output<typeof RunRequest>['inputs'],
  options: { byFile?: boolean } = {},
): Promise<Record<string, ColumnTable | InputRef>> {
  const tables: Record<string, ColumnTable | InputRef> = {};
  for (const [name, input] of Object.entries(inputs)) {
    if (Array.isArray(input)) {
      tables[name] = rowsToTable(input, `input "${name}"`);
      continue;
    }
    const file = options.byFile ? storage.datasets.file(input.dataset) : undefined;
    if (file) {
      tables[name] = { file };
      continue;
    }
    const table = loadDataset(storage, input.dataset, input.options);
    if (!table) {
      const known = [...storage.datasets.list().map((d) => d.name), ...listBundledDatasets().map((d) => d.name)];
      throw new RecipeInputError(`Input "${name}": there is no dataset "${input.dataset}". Upload it, or use one of: ${known.join(', ')}.`);
    }
    tables[name] = await table;
  }
  return tables;
}
