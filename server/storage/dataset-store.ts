import type { ColumnTable } from 'arquero';
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TableLimits } from '../io/table-limits.js';
import { describeTableInWorker, readTableInWorker } from '../runner/read-in-worker.js';
import type { ColumnInfo } from './column-types.js';
import { checkDatasetName, datasetFormat } from './dataset-names.js';
import { StorageInputError } from './errors.js';

/** An uploaded dataset's metadata (its file lives in `<data>/datasets/<filename>`). */
export interface DatasetRecord {
  name: string;
  filename: string;
  format: string;
  size: number;
  rows: number;
  columns: ColumnInfo[];
  owner: string | null;
  created_at: string;
}

// Parsed tables are kept for paging and repeated runs; a few keep memory bounded.
const CACHE_SIZE = 4;

/**
 * Uploaded datasets: metadata rows in SQLite, files in `<data>/datasets/`. Names are checked
 * (checkDatasetName) and files are written under a fixed extension, so nothing lands outside that
 * folder. Files are parsed on upload (in a worker thread, off the event loop), so a bad file is
 * refused with the reader's message.
 *
 * @example
 * const datasets = new DatasetStore(db, './.liftbook');
 * await datasets.add({ name: 'orders', filename: 'orders.csv', bytes });
 * const orders = await datasets.load('orders');
 */
export class DatasetStore {
  readonly dir: string;
  readonly #cache = new Map<string, Promise<ColumnTable>>();
  /** Names with an upload in flight (parsing, writing): a second upload of one waits for nobody, it is refused. */
  readonly #reserved = new Set<string>();

  constructor(
    private readonly db: Database,
    dataDir: string,
  ) {
    this.dir = path.resolve(dataDir, 'datasets');
    mkdirSync(this.dir, { recursive: true });
  }

  list(): DatasetRecord[] {
    return (this.db.prepare('SELECT * FROM datasets ORDER BY name').all() as RawRecord[]).map(fromRow);
  }

  get(name: string): DatasetRecord | undefined {
    const row = this.db.prepare('SELECT * FROM datasets WHERE name = ?').get(name) as RawRecord | undefined;
    return row && fromRow(row);
  }

  /**
   * Parses and stores an upload; a taken name is a 409 unless `replace`. The name is reserved for
   * the whole upload, so of two simultaneous uploads of one name exactly one is stored and the
   * other gets 409 (never the later silently replacing an acknowledged one); the final write
   * checks again in the same transaction as the row it writes.
   */
  async add(input: { name: string; filename: string; bytes: Uint8Array; owner?: string | null; replace?: boolean; limits?: TableLimits }): Promise<DatasetRecord> {
    checkDatasetName(input.name);
    const { format, extension } = datasetFormat(input.filename);
    const taken = () => new StorageInputError(`A dataset named "${input.name}" already exists. Choose another name or replace it.`, 409);
    if (this.#reserved.has(input.name)) {
      throw new StorageInputError(`A dataset named "${input.name}" is being uploaded by someone else right now. Choose another name, or try again in a moment.`, 409);
    }
    if (!input.replace && this.get(input.name)) throw taken();
    this.#reserved.add(input.name);
    try {
      const filename = input.name + extension;
      const file = this.#path(filename);
      // On disk first, then read there by the reader thread: the upload's bytes are neither copied
      // nor handed across threads by the event loop. The temporary name keeps the extension the
      // reader goes by.
      const temp = path.join(path.dirname(file), `.part-${process.pid}-${Date.now()}-${filename}`);
      await writeFile(temp, input.bytes, { flush: true });
      let summary: Awaited<ReturnType<typeof describeTableInWorker>>;
      try {
        summary = await describeTableInWorker({ file: temp, filename: input.filename, limits: input.limits });
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      const record: DatasetRecord = {
        name: input.name,
        filename,
        format,
        size: input.bytes.byteLength,
        rows: summary.rows,
        columns: summary.columns,
        owner: input.owner ?? null,
        created_at: new Date().toISOString(),
      };
      let previous: DatasetRecord | undefined;
      try {
        previous = this.db.transaction(() => {
          const before = this.get(input.name);
          if (before && !input.replace) throw taken();
          this.db
            .prepare('INSERT OR REPLACE INTO datasets (name, filename, format, size, rows, columns, owner, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(record.name, filename, format, record.size, record.rows, JSON.stringify(record.columns), record.owner, record.created_at);
          return before;
        })();
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      if (previous && previous.filename !== filename) await rm(this.#path(previous.filename), { force: true });
      return record;
    } finally {
      this.#reserved.delete(input.name);
    }
  }

  /** The dataset as a table (parsed once, then cached); undefined when there is none. */
  load(name: string): Promise<ColumnTable> | undefined {
    const record = this.get(name);
    if (!record) return undefined;
    const key = `${name}@${record.created_at}`;
    let table = this.#cache.get(key);
    if (!table) {
      table = readTableInWorker({ file: this.#path(record.filename) });
      this.#cache.set(key, table);
      table.catch(() => this.#cache.delete(key));
      this.#trim();
    }
    return table;
  }

  /** The dataset's file, for a reader that takes it in place (the embedded DuckDB); undefined when there is none. */
  file(name: string): string | undefined {
    const record = this.get(name);
    return record ? this.#path(record.filename) : undefined;
  }

  /** Deletes a dataset's file and metadata; false when there was none. */
  async remove(name: string): Promise<boolean> {
    const record = this.get(name);
    if (!record) return false;
    this.db.prepare('DELETE FROM datasets WHERE name = ?').run(name);
    for (const key of [...this.#cache.keys()]) if (key.startsWith(`${name}@`)) this.#cache.delete(key);
    await rm(this.#path(record.filename), { force: true });
    return true;
  }

  #path(filename: string): string {
    const file = path.resolve(this.dir, filename);
    // Names are checked already; this guards the invariant itself.
    if (path.dirname(file) !== this.dir) throw new StorageInputError(`Refusing to touch "${filename}" outside the datasets folder.`);
    return file;
  }

  #trim(): void {
    while (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value as string);
  }
}

type RawRecord = Omit<DatasetRecord, 'columns'> & { columns: string };

function fromRow(row: RawRecord): DatasetRecord {
  return { ...row, columns: JSON.parse(row.columns) as ColumnInfo[] };
}
