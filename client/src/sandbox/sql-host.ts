import type { SqlReply, SqlRequest } from '../../../notebook/protocol.js';
import { api, failure } from '../shell/api.js';

const ARROW = 'application/vnd.apache.arrow.stream';

/** A source as `GET /api/sources` lists it (admins also get the URL, its password hidden). */
export interface SourceInfo {
  name: string;
  kind: 'duckdb' | 'clickhouse' | 'postgres';
  url?: string;
  added_by?: string | null;
  created_at?: string;
}

/** Tables and columns of a source, for completion. */
export interface SourceSchema {
  source: string;
  kind: string;
  tables: { name: string; columns: { name: string; type: string }[] }[];
}

/**
 * Answers a SQL cell's query in the page (the sandbox cannot call the API): `POST /api/sql` with
 * the `${…}` values as params, the rows back as Arrow IPC bytes (JSON rows when a column has no
 * Arrow type), with the truncation flag and where it ran. Aborting cancels the query on the server.
 *
 * @example
 * const reply = await runSqlRequest({ source: 'local', sql: 'SELECT * FROM "shop/units"', params: [] }, signal);
 */
export async function runSqlRequest(request: SqlRequest, signal: AbortSignal): Promise<SqlReply> {
  const params = request.params.map((v) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v));
  const response = await fetch('/api/sql', {
    method: 'POST',
    headers: { accept: `${ARROW}, application/json`, 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ source: request.source, sql: request.sql, params }),
    signal,
  });
  if (!response.ok) throw await failure(response);
  if ((response.headers.get('content-type') ?? '').includes(ARROW)) {
    return {
      table: new Uint8Array(await response.arrayBuffer()),
      truncated: response.headers.get('x-truncated') === 'true',
      maxRows: Number(response.headers.get('x-max-rows')) || 0,
      engine: JSON.parse(response.headers.get('x-engine') ?? '{}') as Record<string, unknown>,
    };
  }
  const body = (await response.json()) as { rows: Record<string, unknown>[]; truncated: boolean; maxRows: number; engine: Record<string, unknown> };
  return { table: body.rows, truncated: body.truncated, maxRows: body.maxRows, engine: body.engine };
}

let sourcesCache: Promise<SourceInfo[]> | null = null;
const schemaCache = new Map<string, Promise<SourceSchema>>();

/**
 * The sources SQL cells may pick (cached; `fresh` after the Sources panel changed them).
 *
 * @example
 * (await listSources()).map((s) => s.name); // → ['local', 'wh']
 */
export function listSources(fresh = false): Promise<SourceInfo[]> {
  if (fresh || !sourcesCache) {
    sourcesCache = api<SourceInfo[]>('GET', '/api/sources');
    sourcesCache.catch(() => (sourcesCache = null));
    if (fresh) schemaCache.clear();
  }
  return sourcesCache;
}

/**
 * A source's tables and columns (cached per source for the page's life).
 *
 * @example
 * (await sourceSchema('local')).tables.map((t) => t.name); // → ['shop/customers', …]
 */
export function sourceSchema(source: string): Promise<SourceSchema> {
  let schema = schemaCache.get(source);
  if (!schema) {
    schema = api<SourceSchema>('GET', `/api/sources/${encodeURIComponent(source)}/schema`);
    schemaCache.set(source, schema);
    schema.catch(() => schemaCache.delete(source));
  }
  return schema;
}
