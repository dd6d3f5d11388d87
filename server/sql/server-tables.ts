import type { ColumnTable } from 'arquero';
import path from 'node:path';
import type { SqlColumn } from '../../recipes/types.js';
import { loadDataset } from '../app/load-dataset.js';
import type { LocalTableSource } from '../engine/local.js';
import { listBundledDatasets } from '../datasets/bundled.js';
import type { Storage } from '../storage/storage.js';
import type { User } from '../storage/user-store.js';
import { mentionedTables } from './table-names.js';

/**
 * The datasets a user may load, by the names `load()` takes: every bundled one and every upload
 * (a team's uploads are shared with the whole team). The local SQL engine of a request holds
 * these and nothing else, so this is the one place that decides what a member's SQL can reach.
 *
 * @example
 * loadableDatasets(storage, user); // → ['shop/customers', …, 'open/cdnow_summary', …, 'orders']
 */
export function loadableDatasets(storage: Storage, _user: User): string[] {
  return [...listBundledDatasets().map((d) => d.name), ...storage.datasets.list().map((d) => d.name)];
}

/**
 * The loadable datasets a query mentions, keyed by name — what the request's embedded engine is
 * given: an upload as its stored file (DuckDB reads it as a view, never whole into memory), a
 * bundled dataset as its table (generated or read once, then cached).
 *
 * @example
 * await tablesForSql(storage, user, 'SELECT * FROM "shop/units" JOIN orders USING (customer_id)');
 * // → { 'shop/units': ColumnTable, orders: '/srv/liftbook/datasets/orders.csv' }
 */
export async function tablesForSql(storage: Storage, user: User, sql: string): Promise<Record<string, LocalTableSource>> {
  const names = mentionedTables(sql, loadableDatasets(storage, user));
  const tables = await Promise.all(
    names.map(async (name): Promise<LocalTableSource> => {
      const upload = storage.datasets.get(name);
      return upload ? path.join(storage.datasets.dir, upload.filename) : await loadDataset(storage, name)!;
    }),
  );
  return Object.fromEntries(names.map((name, i) => [name, tables[i]]));
}

// Bundled datasets never change while the server runs: their columns are found once.
const bundledColumns = new Map<string, Promise<SqlColumn[]>>();
/** A tiny generated shop has the same tables and columns as the full one, in a fraction of the time. */
const SCHEMA_SHOP = { customers: 50 };

/**
 * Every loadable dataset with its columns, for completion in the SQL editor. Uploads are described
 * from their stored metadata; bundled datasets are read once (the generated shop at a small size:
 * same columns) and remembered.
 *
 * @example
 * (await localSchema(storage, user)).find((t) => t.name === 'shop/units')?.columns;
 */
export async function localSchema(storage: Storage, user: User): Promise<{ name: string; columns: SqlColumn[] }[]> {
  const uploads = new Map(storage.datasets.list().map((d) => [d.name, d]));
  const names = loadableDatasets(storage, user);
  return Promise.all(
    names.map(async (name) => {
      const stored = uploads.get(name);
      if (stored) return { name, columns: stored.columns.map((c) => ({ name: c.name, type: sqlType(c.type) })) };
      let columns = bundledColumns.get(name);
      if (!columns) {
        columns = loadDataset(storage, name, name.startsWith('shop/') ? SCHEMA_SHOP : {})!.then((table) =>
          table.columnNames().map((c) => ({ name: c, type: sqlType(valueType(table, c)) })),
        );
        bundledColumns.set(name, columns);
        columns.catch(() => bundledColumns.delete(name));
      }
      return { name, columns: await columns };
    }),
  );
}

function valueType(table: ColumnTable, column: string): string {
  const values = table.array(column) as ArrayLike<unknown>;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    return v instanceof Date ? 'date' : typeof v === 'bigint' ? 'number' : typeof v;
  }
  return 'other';
}

function sqlType(type: string): SqlColumn['type'] {
  return type === 'number' || type === 'string' || type === 'boolean' || type === 'date' ? type : 'other';
}
