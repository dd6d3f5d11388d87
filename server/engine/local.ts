import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { DuckDBInstance, DuckDBTimestampValue, type DuckDBConnection, type DuckDBResult, type DuckDBValue } from './duckdb-api.js';
import { RecipeCancelledError, RecipeInputError } from '../../recipes/errors.js';
import { dialects } from '../../recipes/sql/dialects.js';
import type { SqlColumn, SqlRelation } from '../../recipes/types.js';
import { ResultColumns } from './duckdb-chunk.js';
import { sqlColumnType } from './duckdb-values.js';
import { appendTable } from './inline-table.js';
import { readTableFile } from '../io/read-table.js';
import { fileFormat, fileScan, sqlString } from './local-files.js';
import type { Engine, QueryOptions, QueryResult } from './types.js';

/** What a table of the embedded engine is made from: a file path, an Arquero table, or Arrow IPC bytes. */
export type LocalTableSource = string | ColumnTable | Uint8Array;

export interface LocalEngineOptions {
  /** Tables by the name SQL uses (`"shop/units"`, `"orders.csv"`, `units`): each becomes a view or table. */
  tables?: Record<string, LocalTableSource>;
  /**
   * The server's setting: SQL may read the registered files and nothing else — no other file, no
   * network, no COPY … TO, ATTACH, INSTALL or LOAD — and cannot change that setting back.
   */
  confine?: boolean;
  /** The source name results report (default `local`). */
  source?: string;
  /** Folder relative file paths are read from (default: the working directory). */
  baseDir?: string;
  /** DuckDB worker threads (default: DuckDB's, one per core). */
  threads?: number;
}

const PROGRESS_POLL_MS = 100;
const CONFINED_CONNECTIONS = 4;

/**
 * Opens the embedded DuckDB with `tables` registered under the names SQL uses.
 *
 * @example
 * const engine = await openLocalEngine({ tables: { 'shop/units': unitsTable, 'orders.csv': '/data/orders.csv' }, confine: true });
 * const { table } = await engine.query('SELECT variant, count(*) AS n FROM "shop/units" GROUP BY 1');
 * await engine.close();
 */
export async function openLocalEngine(options: LocalEngineOptions = {}): Promise<LocalEngine> {
  const instance = await DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : {});
  const engine = new LocalEngine(instance, options.source ?? 'local', options.baseDir ?? process.cwd());
  try {
    const files: string[] = [];
    for (const [name, table] of Object.entries(options.tables ?? {})) {
      const file = await engine.register(name, table);
      if (file) files.push(file);
    }
    if (options.confine) await engine.confine(files);
  } catch (error) {
    await engine.close();
    throw error;
  }
  return engine;
}

/**
 * The embedded DuckDB as an `Engine`. Each query runs on its own connection, so aborting one
 * (`signal`) interrupts that query only.
 */
export class LocalEngine implements Engine {
  readonly kind = 'duckdb' as const;
  readonly dialect = dialects.duckdb;
  #confined = false;
  #closed = false;
  #setup: Promise<DuckDBConnection>;
  // Connections are reused: a confined engine's settings are locked, so its connections are all
  // made (with progress tracking on) before the lock, and queries wait for a free one.
  #idle: DuckDBConnection[] = [];
  #all: DuckDBConnection[] = [];
  #waiting: ((c: DuckDBConnection) => void)[] = [];
  // What `register` made of each name: the columns of a copied table are known without asking.
  #registered = new Map<string, { kind: 'TABLE' | 'VIEW'; columns?: SqlColumn[] }>();
  // Where each profiled connection writes its last query's profile (see #scannedRows).
  #profiles = new Map<DuckDBConnection, string>();
  #profileDir: string | undefined;
  #profileFiles = 0;

  constructor(
    readonly instance: DuckDBInstance,
    readonly source: string,
    readonly baseDir: string,
  ) {
    this.#setup = instance.connect();
  }

  /**
   * Adds a table under `name`: a file becomes a view over DuckDB's reader (read when queried,
   * never loaded whole), an Arquero table or Arrow IPC bytes are copied in. Returns the file's
   * absolute path when it was a file. A confined engine takes no new files.
   *
   * @example
   * await engine.register('units', 'units.csv');
   */
  async register(name: string, table: LocalTableSource): Promise<string | undefined> {
    const quoted = this.dialect.ident(name);
    const connection = await this.#setup;
    if (typeof table === 'string') {
      const file = path.resolve(this.baseDir, table);
      if (this.#confined) throw new Error(`The engine is confined to its datasets; "${table}" cannot be added now.`);
      await checkFile(file, table);
      if (fileFormat(file) === 'arrow') {
        this.#registered.set(name, { kind: 'TABLE', columns: await appendTable(connection, quoted, arrowTable(await readFile(file), table)) });
        return undefined;
      }
      try {
        await connection.run(`CREATE VIEW ${quoted} AS SELECT * FROM ${await fileScan(file)}`);
      } catch (error) {
        // DuckDB's sniffer gave up (a ragged row, an odd quote): liftbook's own reader either
        // names the problem the way it always has, or reads the file, which is then copied in.
        const rows = await readTableFile(file).catch((jsError: unknown) => {
          throw jsError instanceof RecipeInputError ? jsError : new RecipeInputError(`${path.basename(file)}: ${cleanMessage(error)}`);
        });
        this.#registered.set(name, { kind: 'TABLE', columns: await appendTable(connection, quoted, rows) });
        return undefined;
      }
      this.#registered.set(name, { kind: 'VIEW' });
      return file;
    }
    const rows = table instanceof Uint8Array ? arrowTable(table, name) : table;
    this.#registered.set(name, { kind: 'TABLE', columns: await appendTable(connection, quoted, rows) });
    return undefined;
  }

  /**
   * Removes a table or view added with `register`.
   *
   * @example
   * await engine.drop('units');
   */
  async drop(name: string): Promise<void> {
    const registered = this.#registered.get(name);
    if (!registered) return;
    this.#registered.delete(name);
    await (await this.#setup).run(`DROP ${registered.kind} IF EXISTS ${this.dialect.ident(name)}`);
  }

  /**
   * Turns a file registered as a view into a table of `columns`, so a plan that scans it several
   * times parses the text once (CSV parsing is most of a scan), and returns the rows copied: an
   * exact count, where DuckDB's progress only estimates a text file's rows from its bytes. Null
   * (and nothing done) when `name` is not a file view.
   *
   * @example
   * await engine.register('events', 'events.csv');
   * await engine.materialize('events', ['customer', 'timestamp']); // → 5000000
   */
  async materialize(name: string, columns: string[]): Promise<number | null> {
    const registered = this.#registered.get(name);
    if (registered?.kind !== 'VIEW' || columns.length === 0) return null;
    const connection = await this.#setup;
    const quoted = this.dialect.ident(name);
    const file = this.dialect.ident(`${name} (file)`);
    await this.#guard(() => connection.run(`ALTER VIEW ${quoted} RENAME TO ${file}`));
    const copied = await this.#guard(() => connection.runAndReadAll(`CREATE TABLE ${quoted} AS SELECT ${columns.map((c) => this.dialect.ident(c)).join(', ')} FROM ${file}`));
    await connection.run(`DROP VIEW ${file}`);
    this.#registered.set(name, { kind: 'TABLE' });
    return Number(copied.getRows()[0]?.[0] ?? 0);
  }

  /** Only `files` stay readable from SQL, and the setting is locked (see LocalEngineOptions.confine). */
  async confine(files: string[]): Promise<void> {
    const connection = await this.#setup;
    this.#confined = true;
    // A confined engine writes no files, profiles included: its rows read stay DuckDB's estimate.
    for (const c of this.#profiles.keys()) await c.run('PRAGMA disable_profiling');
    this.#profiles.clear();
    for (let i = 0; i < CONFINED_CONNECTIONS; i++) this.#release(await this.#newConnection());
    await connection.run(`SET allowed_paths = [${files.map(sqlString).join(', ')}]`);
    await connection.run(`SET allowed_directories = []`);
    await connection.run('SET enable_external_access = false');
    await connection.run('SET lock_configuration = true');
  }

  /**
   * A registered table as the aggregation phase sees it.
   *
   * @example
   * const units = await engine.relation('units'); // → { from: '"units"', columns: [{ name: 'variant', type: 'string' }, …] }
   */
  async relation(name: string): Promise<SqlRelation> {
    const from = this.dialect.ident(name);
    return { from, columns: this.#registered.get(name)?.columns ?? (await this.columns(from)) };
  }

  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const max = options.maxRows ?? Infinity;
    const columns = new Map<string, unknown[]>();
    let rows = 0;
    let truncated = false;
    const rowsRead = await this.#run(sql, options, async (result) => {
      const names = result.deduplicatedColumnNames();
      const collected = new ResultColumns(names.length);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const take = Math.min(chunk.rowCount, max - rows);
        collected.append(chunk, take);
        rows += take;
        if (take < chunk.rowCount) {
          truncated = true;
          break;
        }
      }
      collected.arrays().forEach((values, c) => columns.set(names[c]!, values));
    });
    return { table: aq.table(Object.fromEntries(columns)), rowsRead, truncated };
  }

  async *stream(sql: string, options: QueryOptions & { batchRows?: number } = {}): AsyncIterable<ColumnTable> {
    const batchRows = options.batchRows ?? 50_000;
    const connection = await this.#connect(options.signal);
    const onAbort = () => connection.interrupt();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await this.#guard(() => connection.stream(sql, bindValues(options.params)), options.signal);
      // A batch is handed out only when full, so the streaming result must stay this connection's.
      const names = result.deduplicatedColumnNames();
      const batch = new ResultColumns(names.length);
      let total = 0;
      for (;;) {
        const chunk = await this.#guard(() => result.fetchChunk(), options.signal);
        const done = !chunk || chunk.rowCount === 0;
        if (!done) batch.append(chunk, chunk.rowCount);
        const count = batch.rows;
        if ((done && count > 0) || count >= batchRows || (options.maxRows !== undefined && total + count >= options.maxRows)) {
          const columns = batch.arrays();
          let table = aq.table(Object.fromEntries(names.map((n, c) => [n, columns[c]!])));
          if (options.maxRows !== undefined && total + count > options.maxRows) table = table.slice(0, options.maxRows - total);
          total += table.numRows();
          options.onProgress?.({ rowsRead: total, fraction: null });
          yield table;
          if (options.maxRows !== undefined && total >= options.maxRows) return;
        }
        if (done) return;
      }
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      this.#release(connection);
    }
  }

  async columns(from: string): Promise<SqlColumn[]> {
    const connection = await this.#connect();
    try {
      const statement = await this.#guard(() => connection.prepare(`SELECT * FROM ${from} LIMIT 0`));
      const out: SqlColumn[] = [];
      for (let i = 0; i < statement.columnCount; i++) out.push({ name: statement.columnName(i), type: sqlColumnType(statement.columnType(i)) });
      statement.destroySync();
      return out;
    } finally {
      this.#release(connection);
    }
  }

  async tables(): Promise<{ name: string; columns: SqlColumn[] }[]> {
    const { table } = await this.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1`);
    const names = table.array('name') as string[];
    return Promise.all(names.map(async (name) => ({ name, columns: await this.columns(this.dialect.ident(name)) })));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    (await this.#setup.catch(() => undefined))?.closeSync();
    for (const c of this.#all) c.closeSync();
    this.instance.closeSync();
    if (this.#profileDir) await rm(this.#profileDir, { recursive: true, force: true });
  }

  async #newConnection(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    // Progress is tracked, not printed; a per-connection setting.
    await connection.run('SET enable_progress_bar = true');
    await connection.run('SET enable_progress_bar_print = false');
    if (!this.#confined) {
      // Progress counts a text file's rows from its bytes read (6.1M for a 5M-row CSV); the
      // profile's table scans give the rows read exactly, for the cost of a small JSON file.
      this.#profileDir ??= mkdtempSync(path.join(os.tmpdir(), 'liftbook-duckdb-'));
      // Named before any await: connections opened at once must not share a profile.
      const file = path.join(this.#profileDir, `${this.#profileFiles++}.json`);
      await connection.run("SET enable_profiling = 'json'");
      await connection.run(`SET profiling_output = ${sqlString(file)}`);
      await connection.run(`SET custom_profiling_settings = '{"OPERATOR_TYPE": "true", "OPERATOR_CARDINALITY": "true"}'`);
      this.#profiles.set(connection, file);
    }
    this.#all.push(connection);
    return connection;
  }

  /** The most rows any table scan of the connection's last query read, from its profile; null without one. */
  async #scannedRows(connection: DuckDBConnection): Promise<number | null> {
    const file = this.#profiles.get(connection);
    if (!file) return null;
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) return null;
    rmSync(file, { force: true });
    let most: number | null = null;
    const visit = (node: { operator_type?: string; operator_cardinality?: number; children?: unknown[] }) => {
      if (node.operator_type === 'TABLE_SCAN' && typeof node.operator_cardinality === 'number') most = Math.max(most ?? 0, node.operator_cardinality);
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(JSON.parse(text) as Parameters<typeof visit>[0]);
    return most;
  }

  async #connect(signal?: AbortSignal): Promise<DuckDBConnection> {
    if (this.#closed) throw new Error(`The ${this.source} engine is closed.`);
    if (signal?.aborted) throw new RecipeCancelledError();
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (!this.#confined) return this.#newConnection();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(connection: DuckDBConnection): void {
    if (this.#closed) return;
    const next = this.#waiting.shift();
    if (next) next(connection);
    else this.#idle.push(connection);
  }

  /** Runs `sql` on a fresh connection with cancel and progress, handing the streaming result to `read`. */
  async #run(sql: string, options: QueryOptions, read: (result: DuckDBResult) => Promise<void>): Promise<number | null> {
    const connection = await this.#connect(options.signal);
    const onAbort = () => connection.interrupt();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let rowsRead: number | null = null;
    let timer: NodeJS.Timeout | undefined;
    if (options.onProgress) {
      timer = setInterval(() => {
        const p = connection.progress;
        if (p.percentage < 0) return;
        rowsRead = Number(p.rows_processed);
        options.onProgress!({ rowsRead, fraction: Math.min(1, p.percentage / 100) });
      }, PROGRESS_POLL_MS);
    }
    try {
      // A profile left by a stream on this connection must not pass for this query's.
      const profile = this.#profiles.get(connection);
      if (profile) rmSync(profile, { force: true });
      const result = await this.#guard(() => connection.stream(sql, bindValues(options.params)), options.signal);
      await this.#guard(() => read(result), options.signal);
      return (await this.#scannedRows(connection)) ?? rowsRead;
    } finally {
      clearInterval(timer);
      options.signal?.removeEventListener('abort', onAbort);
      this.#release(connection);
    }
  }

  /** DuckDB's errors as liftbook's: an interrupt is a cancel, anything else names the source. */
  async #guard<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (signal?.aborted || /^INTERRUPT Error/.test((error as Error).message)) throw new RecipeCancelledError();
      throw new RecipeInputError(`SQL on ${this.source} (DuckDB) failed: ${cleanMessage(error)}`);
    }
  }
}

function cleanMessage(error: unknown): string {
  return (error as Error).message.trim();
}

async function checkFile(file: string, shown: string): Promise<void> {
  try {
    if ((await stat(file)).isFile()) return;
    throw new RecipeInputError(`Cannot read ${shown}: it is a folder.`);
  } catch (error) {
    if (error instanceof RecipeInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new RecipeInputError(`Cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}.`);
  }
}

function arrowTable(bytes: Uint8Array, name: string): ColumnTable {
  try {
    return aq.fromArrow(bytes, { useBigInt: false, useDate: true } as never);
  } catch (error) {
    throw new RecipeInputError(`${path.basename(name)} is not an Arrow IPC file liftbook can read (${(error as Error).message}).`);
  }
}

/** `$1 … $n` values: Dates as timestamps, everything else as the node API binds it. */
function bindValues(params: unknown[] | undefined): DuckDBValue[] | undefined {
  if (!params) return undefined;
  return params.map((v) => (v instanceof Date ? new DuckDBTimestampValue(BigInt(v.getTime()) * 1000n) : (v as DuckDBValue)));
}
