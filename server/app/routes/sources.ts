import { z } from 'zod';
import type { Engine } from '../../engine/types.js';
import { redactUrl } from '../../engine/source-url.js';
import { hideUrl } from '../../sql/hide-url.js';
import { LOCAL_SOURCE } from '../../sql/sql-engines.js';
import { localSchema } from '../../sql/server-tables.js';
import { runSql } from '../../sql/run-sql.js';
import { SqlError } from '../../sql/sql-error.js';
import type { SourceRecord } from '../../storage/source-store.js';
import type { ApiRoutes } from '../api-route.js';
import type { SqlDeps } from '../deps.js';
import { HttpError } from '../http-error.js';
import { requireAdmin } from '../require-role.js';
import { ErrorBody } from '../schemas.js';
import { SourceCreate, SourceInfo, SourceParam, SourceSchema, SourceTest } from '../sql-schemas.js';

const forbidden = { description: 'Not an admin', schema: ErrorBody };
const notFound = { description: 'No such source', schema: ErrorBody };

/**
 * Sources: named ClickHouse and Postgres connections, plus `local` (the embedded DuckDB over the
 * datasets). Admins add, test and remove them; everyone signed in sees names and kinds (admins
 * also the URL with its password hidden) and the tables and columns, for completion.
 *
 * @example
 * sourceRoutes(api, deps);
 */
export function sourceRoutes(api: ApiRoutes, deps: SqlDeps): void {
  const { storage } = deps;

  api.add({
    method: 'get',
    path: '/api/sources',
    tag: 'sources',
    summary: 'The sources SQL cells can query: names and kinds (admins also see URLs, passwords hidden)',
    responses: { 200: { description: 'local first, then the stored sources by name', schema: z.array(SourceInfo) } },
    handler: (c) => {
      const admin = c.get('user').role === 'admin';
      const stored = storage.sources.list().map((s) => (admin ? { name: s.name, kind: s.kind, url: redactUrl(s.url), added_by: s.added_by, created_at: s.created_at } : { name: s.name, kind: s.kind }));
      return c.json([{ name: LOCAL_SOURCE, kind: 'duckdb' }, ...stored]);
    },
  });

  api.add({
    method: 'post',
    path: '/api/sources',
    tag: 'sources',
    summary: 'Add a source (admins only); with test: true it must answer SELECT 1 first',
    body: SourceCreate,
    responses: {
      201: { description: 'Stored (the URL comes back with its password hidden)', schema: SourceInfo },
      400: { description: 'Bad name or URL', schema: ErrorBody },
      403: forbidden,
      409: { description: 'The name is taken (send replace: true to replace it)', schema: ErrorBody },
      502: { description: 'test: true and the source could not be reached', schema: ErrorBody },
    },
    handler: async (c, { body }) => {
      requireAdmin(c, 'add sources');
      if (body.test) {
        // The name and URL are checked before connecting anywhere: a bad one is a 400, not a failed test.
        const candidate: SourceRecord = { name: body.name, kind: storage.sources.check(body.name, body.url), url: body.url, added_by: null, created_at: '' };
        const result = await testSource(deps, candidate, c.req.raw.signal);
        if (!result.ok) throw new SqlError(result.error ?? `Source "${body.name}" did not answer.`, 502);
      }
      const record = storage.sources.add({ name: body.name, url: body.url, addedBy: c.get('user').name, replace: body.replace });
      storage.audit.record(c.get('user').name, 'source-add', null, { source: record.name, kind: record.kind });
      return c.json({ name: record.name, kind: record.kind, url: redactUrl(record.url), added_by: record.added_by, created_at: record.created_at }, 201);
    },
  });

  api.add({
    method: 'delete',
    path: '/api/sources/:name',
    tag: 'sources',
    summary: 'Remove a source (admins only); notebooks that query it then fail with its name',
    params: SourceParam,
    responses: { 204: { description: 'Removed' }, 400: { description: '"local" cannot be removed', schema: ErrorBody }, 403: forbidden, 404: notFound },
    handler: (c, { params }) => {
      requireAdmin(c, 'remove sources');
      if (params.name === LOCAL_SOURCE) throw new HttpError(400, '"local" is the embedded engine over the datasets and cannot be removed.');
      if (!storage.sources.remove(params.name)) throw noSource(params.name, storage.sources.list());
      storage.audit.record(c.get('user').name, 'source-remove', null, { source: params.name });
      return c.body(null, 204);
    },
  });

  api.add({
    method: 'post',
    path: '/api/sources/:name/test',
    tag: 'sources',
    summary: 'Connect to a source and run SELECT 1 (admins only)',
    params: SourceParam,
    responses: { 200: { description: 'Whether it answered, and how fast', schema: SourceTest }, 403: forbidden, 404: notFound },
    handler: async (c, { params }) => {
      requireAdmin(c, 'test sources');
      const record = params.name === LOCAL_SOURCE ? null : storage.sources.get(params.name);
      if (record === undefined) throw noSource(params.name, storage.sources.list());
      return c.json(await testSource(deps, record, c.req.raw.signal));
    },
  });

  api.add({
    method: 'get',
    path: '/api/sources/:name/schema',
    tag: 'sources',
    summary: 'Tables and their columns (for completion in the SQL editor); on local, the datasets you may load',
    params: SourceParam,
    responses: { 200: { description: 'Tables and columns', schema: SourceSchema }, 404: notFound, 502: { description: 'The source could not be reached', schema: ErrorBody } },
    handler: async (c, { params }) => {
      if (params.name === LOCAL_SOURCE) return c.json({ source: LOCAL_SOURCE, kind: 'duckdb', tables: await localSchema(storage, c.get('user')) });
      const record = storage.sources.get(params.name);
      if (!record) throw noSource(params.name, storage.sources.list());
      const tables = await withSource(deps, record, (engine) => engine.tables());
      return c.json({ source: record.name, kind: record.kind, tables });
    },
  });
}

/**
 * A 404 that lists the sources there are and says who adds them.
 *
 * @example
 * throw noSource('wh', storage.sources.list());
 */
export function noSource(name: string, stored: SourceRecord[]): SqlError {
  const names = [LOCAL_SOURCE, ...stored.map((s) => s.name)].map((n) => `"${n}"`).join(', ');
  return new SqlError(`There is no source "${name}". Sources on this server: ${names}. An admin adds one in the Sources panel or with "liftbook source add ${name} URL".`, 404);
}

/**
 * Opens a stored source, runs `work` on it and closes it; connection errors name the source and
 * never its password.
 */
export async function withSource<T>(deps: SqlDeps, record: SourceRecord, work: (engine: Engine) => Promise<T>): Promise<T> {
  let engine: Engine;
  try {
    engine = await deps.sqlEngines.source(record.name, record.url);
  } catch (error) {
    throw unreachable(record, error);
  }
  try {
    return await work(engine);
  } catch (error) {
    if (error instanceof SqlError) throw error;
    throw unreachable(record, error);
  } finally {
    await engine.close().catch(() => {});
  }
}

async function testSource(deps: SqlDeps, record: SourceRecord | null, signal: AbortSignal): Promise<z.infer<typeof SourceTest>> {
  const start = performance.now();
  const kind = record?.kind ?? 'duckdb';
  try {
    if (!record) {
      const engine = await deps.sqlEngines.local({});
      try {
        await runSql(engine, 'SELECT 1 AS ok', [], { signal, limits: deps.sqlLimits });
      } finally {
        await engine.close();
      }
    } else await withSource(deps, record, (engine) => runSql(engine, 'SELECT 1 AS ok', [], { signal, limits: deps.sqlLimits, url: record.url }));
    return { ok: true, kind, ms: performance.now() - start };
  } catch (error) {
    return { ok: false, kind, ms: performance.now() - start, error: (error as Error).message };
  }
}

function unreachable(record: SourceRecord, error: unknown): SqlError {
  const message = hideUrl(String((error as Error)?.message ?? error), record.url).replace(/\.$/, '');
  return new SqlError(
    `Cannot reach source "${record.name}" (${record.kind}): ${message}. Check that the database runs and that the source's URL, user and password are right; an admin can test it in the Sources panel.`,
    502,
  );
}
