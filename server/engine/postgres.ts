// A Postgres source through `pg`. Parameters are bound ($1…), large results are read through a
// cursor in batches, and a stop sends pg_cancel_backend for the query's backend from a second
// connection, so the server stops working rather than only the client listening.
import pg from 'pg';
import type { ColumnTable } from 'arquero';
import { RecipeCancelledError } from '../../recipes/errors.js';
import { dialects } from '../../recipes/sql/dialects.js';
import type { SqlColumn } from '../../recipes/types.js';
import { sqlValue } from './inline-params.js';
import { postgresKind, postgresKindByName, postgresTypeParsers } from './postgres-types.js';
import { resultTable } from './result-table.js';
import { classifyPostgres, sourceError } from './source-errors.js';
import type { SourceUrl } from './source-url.js';
import type { Engine, QueryOptions, QueryResult } from './types.js';

type Rows = { fields: { name: string; dataTypeID: number }[]; rows: unknown[][] };

const trimStatement = (sql: string) => sql.replace(/[\s;]+$/, '');
const CURSOR = 'liftbook_cursor';

export class PostgresEngine implements Engine {
  readonly kind = 'postgres' as const;
  readonly dialect = dialects.postgres;
  private readonly pool: pg.Pool;
  private readonly config: pg.ClientConfig;

  constructor(
    readonly source: string,
    private readonly url: SourceUrl,
  ) {
    this.config = {
      connectionString: url.url,
      types: postgresTypeParsers,
      // The dialect reads zone-less timestamps as UTC; the session must agree.
      options: '-c TimeZone=UTC',
      connectionTimeoutMillis: 10_000,
    };
    this.pool = new pg.Pool({ ...this.config, max: 4, idleTimeoutMillis: 10_000 });
    // An idle connection the server drops must not crash the process.
    this.pool.on('error', () => undefined);
  }

  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    const text = trimStatement(sql);
    const params = (options.params ?? []).map((v, i) => sqlValue(v, i + 1));
    const result = await this.withClient(options, async (client) => {
      if (options.maxRows === undefined) {
        // Several statements (allowed without parameters) give one result each: the last is the answer.
        const out = (await client.query({ text, values: params, rowMode: 'array' })) as unknown as Rows | Rows[];
        return Array.isArray(out) ? out[out.length - 1]! : out;
      }
      // A cursor reads one row past the cap and no further, whatever the query's size.
      await client.query('BEGIN');
      try {
        await client.query({ text: `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${text}`, values: params });
        const fetched = (await client.query({ text: `FETCH ${Math.floor(options.maxRows) + 1} FROM ${CURSOR}`, rowMode: 'array' })) as unknown as Rows;
        return fetched;
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
      }
    });
    let rows = result.rows;
    const truncated = options.maxRows !== undefined && rows.length > options.maxRows;
    if (truncated) rows = rows.slice(0, options.maxRows);
    return { table: this.table(result.fields, rows), rowsRead: null, truncated };
  }

  async *stream(sql: string, options: QueryOptions & { batchRows?: number } = {}): AsyncIterable<ColumnTable> {
    const text = trimStatement(sql);
    const params = (options.params ?? []).map((v, i) => sqlValue(v, i + 1));
    const batchRows = Math.max(1, Math.floor(options.batchRows ?? 50_000));
    const limit = options.maxRows ?? Infinity;
    if (options.signal?.aborted) throw new RecipeCancelledError();
    const client = await this.connect();
    let seen = 0;
    try {
      await this.guard(client, options, async () => {
        await client.query('BEGIN');
        await client.query({ text: `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${text}`, values: params });
      });
      for (;;) {
        const want = Math.min(batchRows, limit - seen);
        if (want <= 0) break;
        const batch = await this.guard(client, options, async () => (await client.query({ text: `FETCH ${want} FROM ${CURSOR}`, rowMode: 'array' })) as unknown as Rows);
        seen += batch.rows.length;
        if (batch.rows.length > 0 || seen === 0) yield this.table(batch.fields, batch.rows);
        options.onProgress?.({ rowsRead: seen, fraction: null });
        if (batch.rows.length < want) break;
      }
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }

  async columns(from: string): Promise<SqlColumn[]> {
    const result = await this.withClient({}, async (client) => (await client.query({ text: `SELECT * FROM ${from} LIMIT 0`, rowMode: 'array' })) as unknown as Rows);
    return result.fields.map((f) => ({ name: f.name, type: postgresKind(f.dataTypeID) }));
  }

  async tables(): Promise<{ name: string; columns: SqlColumn[] }[]> {
    const { table } = await this.query(
      `SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema = ANY (current_schemas(false))
       ORDER BY table_schema, table_name, ordinal_position`,
    );
    const byTable = new Map<string, SqlColumn[]>();
    for (const row of table.objects() as { table_name: string; column_name: string; data_type: string }[]) {
      if (!byTable.has(row.table_name)) byTable.set(row.table_name, []);
      byTable.get(row.table_name)!.push({ name: row.column_name, type: postgresKindByName(row.data_type) });
    }
    return [...byTable].map(([name, columns]) => ({ name, columns }));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private table(fields: Rows['fields'], rows: unknown[][]): ColumnTable {
    return resultTable(
      fields.map((f) => f.name),
      fields.map((_, c) => rows.map((row) => row[c] ?? null)),
    );
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw sourceError(this.source, this.url, classifyPostgres(error));
    }
  }

  private async withClient<T>(options: QueryOptions, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (options.signal?.aborted) throw new RecipeCancelledError();
    const client = await this.connect();
    try {
      return await this.guard(client, options, () => work(client));
    } finally {
      client.release();
    }
  }

  /** Runs `work` on `client`, cancelling its backend's query when the signal aborts. */
  private async guard<T>(client: pg.PoolClient, options: QueryOptions, work: () => Promise<T>): Promise<T> {
    if (options.signal?.aborted) throw new RecipeCancelledError();
    const pid = (client as unknown as { processID: number }).processID;
    const onAbort = () => void this.cancel(pid);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await work();
    } catch (error) {
      if (options.signal?.aborted) throw new RecipeCancelledError(`The query on source "${this.source}" was cancelled.`);
      throw sourceError(this.source, this.url, classifyPostgres(error));
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** pg_cancel_backend from a separate connection: a role may cancel its own sessions' queries. */
  private async cancel(pid: number): Promise<void> {
    const other = new pg.Client(this.config);
    try {
      await other.connect();
      await other.query('SELECT pg_cancel_backend($1)', [pid]);
    } catch {
      // The query ended or the server is gone: nothing left to stop.
    } finally {
      await other.end().catch(() => undefined);
    }
  }
}
