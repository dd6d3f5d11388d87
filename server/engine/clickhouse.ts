// A ClickHouse source over its HTTP interface (@clickhouse/client). It works with ClickHouse
// 18.16 (Debian's) as with current releases, so it sends no settings and no server-side
// parameters: `$1…` become quoted literals, progress comes from system.processes, and a stop
// kills the query on the server by its query_id rather than only dropping the connection.
import { randomUUID } from 'node:crypto';
import { createClient, ClickHouseLogLevel, type ClickHouseClient } from '@clickhouse/client';
import type { ColumnTable } from 'arquero';
import { RecipeCancelledError } from '../../recipes/errors.js';
import { dialects } from '../../recipes/sql/dialects.js';
import type { SqlColumn } from '../../recipes/types.js';
import { clickhouseKind, clickhouseValue, unescapeTsv } from './clickhouse-types.js';
import { inlineParams } from './inline-params.js';
import { resultTable } from './result-table.js';
import { classifyClickHouse, sourceError } from './source-errors.js';
import type { SourceUrl } from './source-url.js';
import type { Engine, QueryOptions, QueryResult } from './types.js';

interface JsonCompact {
  meta: { name: string; type: string }[];
  data: unknown[][];
  statistics?: { rows_read?: number };
}

const PROGRESS_MS = 250;
/** How long a stop waits for ClickHouse to confirm the query is gone. */
const KILL_WAIT_MS = 5000;

/** Drops trailing semicolons and space, which a subquery or a FORMAT clause cannot follow. */
const trimStatement = (sql: string) => sql.replace(/[\s;]+$/, '');

export class ClickHouseEngine implements Engine {
  readonly kind = 'clickhouse' as const;
  readonly dialect = dialects.clickhouse;
  private readonly client: ClickHouseClient;

  constructor(
    readonly source: string,
    private readonly url: SourceUrl,
  ) {
    this.client = createClient({
      url: `${url.secure ? 'https' : 'http'}://${url.host.includes(':') ? `[${url.host}]` : url.host}:${url.port}`,
      username: url.user,
      password: url.password,
      database: url.database,
      request_timeout: 24 * 3600 * 1000,
      log: { level: ClickHouseLogLevel.OFF },
    });
  }

  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    let text = trimStatement(inlineParams(sql, options.params ?? [], this.dialect));
    // A LIMIT around the query, not max_result_rows: that setting also cuts the partial results
    // the shards send for a distributed aggregation, which would give wrong numbers.
    // The newline ends a trailing `-- comment` before the closing parenthesis.
    if (options.maxRows !== undefined) text = `SELECT * FROM (${text}\n) LIMIT ${Math.max(0, Math.floor(options.maxRows)) + 1}`;
    const json = await this.run(options, async (queryId, abort) => {
      const rs = await this.client.query({ query: text, format: 'JSONCompact', query_id: queryId, abort_signal: abort });
      return (await rs.json()) as JsonCompact;
    });
    const kinds = json.meta.map((m) => clickhouseKind(m.type));
    let rows = json.data;
    const truncated = options.maxRows !== undefined && rows.length > options.maxRows;
    if (truncated) rows = rows.slice(0, options.maxRows);
    const columns = kinds.map((kind, c) => rows.map((row) => clickhouseValue(kind, row[c])));
    return {
      table: resultTable(json.meta.map((m) => m.name), columns),
      rowsRead: json.statistics?.rows_read ?? null,
      truncated,
    };
  }

  async *stream(sql: string, options: QueryOptions & { batchRows?: number } = {}): AsyncIterable<ColumnTable> {
    const text = trimStatement(inlineParams(sql, options.params ?? [], this.dialect));
    const batchRows = Math.max(1, options.batchRows ?? 50_000);
    const limit = options.maxRows ?? Infinity;
    const queryId = randomUUID();
    const abort = new AbortController();
    const onAbort = () => abort.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let finished = false;
    let names: string[] | null = null;
    let kinds: SqlColumn['type'][] = [];
    let batch: unknown[][] = [];
    let seen = 0;
    const flush = () => {
      const columns = kinds.map((kind, c) => batch.map((row) => clickhouseValue(kind, row[c])));
      batch = [];
      return resultTable(names!, columns);
    };
    try {
      if (options.signal?.aborted) throw new RecipeCancelledError();
      const rs = await this.client.query({ query: text, format: 'TabSeparatedWithNamesAndTypes', query_id: queryId, abort_signal: abort.signal });
      const header: string[][] = [];
      for await (const rows of rs.stream()) {
        for (const row of rows as { text: string }[]) {
          const fields = row.text.split('\t');
          if (header.length < 2) {
            header.push(fields.map((f) => unescapeTsv(f) ?? ''));
            if (header.length === 2) {
              names = header[0]!;
              kinds = header[1]!.map(clickhouseKind);
            }
            continue;
          }
          if (seen >= limit) break;
          batch.push(fields.map(unescapeTsv));
          seen++;
          if (batch.length >= batchRows) {
            options.onProgress?.({ rowsRead: seen, fraction: null });
            yield flush();
          }
        }
        if (seen >= limit || options.signal?.aborted) break;
      }
      if (options.signal?.aborted) throw new RecipeCancelledError();
      if (names && (batch.length > 0 || seen === 0)) yield flush();
      finished = seen < limit;
    } catch (error) {
      if (options.signal?.aborted) throw new RecipeCancelledError();
      throw sourceError(this.source, this.url, classifyClickHouse(error));
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      if (!finished) {
        abort.abort();
        await this.kill(queryId);
      }
    }
  }

  async columns(from: string): Promise<SqlColumn[]> {
    const text = `SELECT * FROM ${from} LIMIT 0`;
    const json = await this.run({}, async (queryId, abort) => {
      const rs = await this.client.query({ query: text, format: 'JSONCompact', query_id: queryId, abort_signal: abort });
      return (await rs.json()) as JsonCompact;
    });
    return json.meta.map((m) => ({ name: m.name, type: clickhouseKind(m.type) }));
  }

  async tables(): Promise<{ name: string; columns: SqlColumn[] }[]> {
    const { table } = await this.query('SELECT table, name, type FROM system.columns WHERE database = currentDatabase() ORDER BY table');
    const byTable = new Map<string, SqlColumn[]>();
    for (const row of table.objects() as { table: string; name: string; type: string }[]) {
      if (!byTable.has(row.table)) byTable.set(row.table, []);
      byTable.get(row.table)!.push({ name: row.name, type: clickhouseKind(row.type) });
    }
    return [...byTable].map(([name, columns]) => ({ name, columns }));
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /**
   * Runs one request under a fresh query_id with progress polling and cancellation: on abort the
   * HTTP request is dropped and the query is killed on the server (ClickHouse 18.16 keeps running
   * a query whose client went away until it tries to send a result).
   */
  private async run<T>(options: QueryOptions, request: (queryId: string, abort: AbortSignal) => Promise<T>): Promise<T> {
    if (options.signal?.aborted) throw new RecipeCancelledError();
    const queryId = randomUUID();
    const abort = new AbortController();
    const onAbort = () => abort.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const poll = options.onProgress ? setInterval(() => void this.progress(queryId, options.onProgress!), PROGRESS_MS) : undefined;
    try {
      return await request(queryId, abort.signal);
    } catch (error) {
      if (options.signal?.aborted) {
        await this.kill(queryId);
        throw new RecipeCancelledError(`The query on source "${this.source}" was cancelled.`);
      }
      throw sourceError(this.source, this.url, classifyClickHouse(error));
    } finally {
      clearInterval(poll);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  private async progress(queryId: string, onProgress: NonNullable<QueryOptions['onProgress']>): Promise<void> {
    try {
      const rs = await this.client.query({
        query: `SELECT read_rows, total_rows_approx FROM system.processes WHERE query_id = ${this.dialect.literal(queryId)}`,
        format: 'JSONCompact',
      });
      const row = ((await rs.json()) as JsonCompact).data[0];
      if (!row) return;
      const read = Number(row[0]);
      const total = Number(row[1]);
      onProgress({ rowsRead: read, fraction: total > 0 ? Math.min(1, read / total) : null });
    } catch {
      // Progress is a courtesy; a failed poll must not fail the query.
    }
  }

  /** Stops the query on the server and waits until it is gone (a few seconds at most). */
  private async kill(queryId: string): Promise<void> {
    const gaveUp = new AbortController();
    const timer = setTimeout(() => gaveUp.abort(), KILL_WAIT_MS);
    try {
      await this.client.command({ query: `KILL QUERY WHERE query_id = ${this.dialect.literal(queryId)} SYNC`, abort_signal: gaveUp.signal });
    } catch {
      // Already finished, the server is gone, or it is still stopping: the run ends either way.
    } finally {
      clearTimeout(timer);
    }
  }
}
