// POST /api/sql and the sources routes on the real embedded DuckDB, and on a real Postgres when
// one is installed: what a member's SQL can reach, what it is told, and the per-request caps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as aq from 'arquero';
import { ErrorBody } from '../../server/app/schemas.js';
import { SourceInfo, SourceSchema, SourceTest, SqlResult } from '../../server/app/sql-schemas.js';
import { postgresInstalled } from '../engines/servers.js';
import { PG_PASSWORD, startPostgres, type PostgresServer } from '../engines/postgres-server.js';
import { expectJson, harness, json } from './harness.js';

const h = harness({ sqlLimits: { maxRows: 1000, timeoutMs: 1500, maxBytes: 200_000 } });
h.user('mia');
afterAll(() => h.close());
const sql = (body: Record<string, unknown>, as = 'mia', headers: Record<string, string> = {}) => h.request('/api/sql', json('POST', body, headers), as);

async function upload(name: string, csv: string): Promise<void> {
  const form = new FormData();
  form.append('file', new File([csv], `${name}.csv`));
  form.append('name', name);
  expect((await h.request('/api/datasets', { method: 'POST', body: form }, 'mia')).status).toBe(201);
}

describe('POST /api/sql on local', () => {
  it('queries a bundled dataset by the name load() takes, with ${…} values bound as $1, $2', async () => {
    const all = await expectJson(await sql({ sql: 'SELECT count(*) AS n FROM "shop/units"' }), 200, SqlResult);
    const total = Number(all.rows[0].n);
    const units = (await h.request('/api/datasets/shop%2Funits/preview?limit=1', {}, 'mia').then((r) => r.json())) as { total: number };
    expect(total).toBe(units.total);
    const body = await expectJson(await sql({ sql: 'SELECT variant, count(*) AS n FROM "shop/units" WHERE variant = $1 GROUP BY 1', params: ['control'] }), 200, SqlResult);
    expect(body.rows).toEqual([{ variant: 'control', n: expect.any(Number) }]);
    expect(body.truncated).toBe(false);
    expect(body.engine).toMatchObject({ source: 'local', kind: 'duckdb', pushdown: true, rows_fetched: 1 });
    // A value that looks like SQL is only a value.
    const injected = await expectJson(await sql({ sql: 'SELECT count(*) AS n FROM "shop/units" WHERE variant = $1', params: ["x' OR '1'='1"] }), 200, SqlResult);
    expect(Number(injected.rows[0].n)).toBe(0);
  });

  it('reads an uploaded dataset, answers Arrow on request, and cuts a large result at the row cap', async () => {
    await upload('visits', 'day,n\n' + Array.from({ length: 1500 }, (_, i) => `2025-01-${String((i % 28) + 1).padStart(2, '0')},${i}`).join('\n') + '\n');
    const capped = await expectJson(await sql({ sql: 'SELECT * FROM visits ORDER BY n' }), 200, SqlResult);
    expect(capped).toMatchObject({ numRows: 1000, truncated: true, maxRows: 1000 });
    expect(capped.rows[999]).toMatchObject({ n: 999 });
    const fewer = await expectJson(await sql({ sql: 'SELECT * FROM visits ORDER BY n', maxRows: 5000 }), 200, SqlResult);
    expect(fewer.numRows).toBe(1000); // the server's cap wins
    const arrow = await sql({ sql: 'SELECT sum(n) AS s FROM visits' }, 'mia', { Accept: 'application/vnd.apache.arrow.stream' });
    expect(arrow.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    expect(arrow.headers.get('x-truncated')).toBe('false');
    expect(JSON.parse(arrow.headers.get('x-engine')!)).toMatchObject({ source: 'local', kind: 'duckdb' });
    const table = aq.fromArrow(new Uint8Array(await arrow.arrayBuffer()));
    expect(Number(table.get('s', 0))).toBe((1499 * 1500) / 2);
  });

  it('cannot read the server\'s files or the network, nor change the engine: 400 with the reason', async () => {
    for (const [query, reason] of [
      ["SELECT * FROM read_csv('/etc/passwd')", /read_csv\(\) is not allowed/],
      ["SELECT * FROM '/etc/passwd'", /would read a file/],
      ["COPY (SELECT 1) TO '/tmp/liftbook-pwned.csv'", /not "COPY"/],
      ["ATTACH '/tmp/liftbook-pwned.db' AS x", /not "ATTACH"/],
      ['INSTALL httpfs', /not "INSTALL"/],
      ['LOAD httpfs', /not "LOAD"/],
      ["SELECT * FROM read_parquet('http://127.0.0.1:1/x.parquet')", /read_parquet\(\) is not allowed/],
    ] as const) {
      const body = await expectJson(await sql({ sql: query }), 400, ErrorBody);
      expect(body.error, query).toMatch(reason);
    }
  });

  it('holds only the datasets the query names, in an engine locked against files and the network', async () => {
    const views = await expectJson(await sql({ sql: 'SELECT DISTINCT table_name FROM information_schema.tables CROSS JOIN (SELECT 1 FROM "shop/units" LIMIT 1)' }), 200, SqlResult);
    expect(views.rows.map((r) => r.table_name)).toEqual(['shop/units']);
    const settings = await expectJson(await sql({ sql: "SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked" }), 200, SqlResult);
    expect(settings.rows).toEqual([{ external: false, locked: true }]);
    const missing = await expectJson(await sql({ sql: 'SELECT * FROM nowhere' }), 400, ErrorBody);
    expect(missing.error).toMatch(/nowhere/);
    expect(missing.error).toMatch(/the tables are the datasets you may load, named in double quotes: "shop\/customers"/);
  });

  it('refuses a parameter that is not one value, and a query over the time cap is cancelled (408)', async () => {
    const bad = await expectJson(await sql({ sql: 'SELECT $1', params: [{ a: 1 }] }), 400, ErrorBody);
    expect(bad.error).toMatch(/params/);
    const slow = await expectJson(await sql({ sql: 'SELECT count(*) FROM range(100000000000) a' }), 408, ErrorBody);
    expect(slow.error).toMatch(/ran past the 1.5 s limit and was cancelled/);
  });

  it('a client that goes away cancels its query on the engine', async () => {
    const controller = new AbortController();
    const start = performance.now();
    const pending = h.request('/api/sql', { ...json('POST', { sql: 'SELECT count(*) FROM range(100000000000) a' }), signal: controller.signal }, 'mia');
    setTimeout(() => controller.abort(), 300);
    const res = await pending;
    // Well before the 1.5 s time cap: the abort, not the cap, ended it.
    expect(performance.now() - start).toBeLessThan(1300);
    expect(res.status).toBe(499);
    expect((await res.json()).error).toMatch(/cancelled/);
  });

  it('refuses a result over the size cap with 413 and what to do', async () => {
    const body = await expectJson(await sql({ sql: "SELECT repeat('x', 1000) AS s FROM range(900)" }), 413, ErrorBody);
    expect(body.error).toMatch(/over the 0 MB limit of one query. Aggregate in SQL/);
  });

  it('needs a signed-in user', async () => {
    expect((await h.request('/api/sql', json('POST', { sql: 'SELECT 1' }), null)).status).toBe(401);
  });
});

describe('sources', () => {
  it('lists local for everyone; only admins add, test or remove', async () => {
    expect(await expectJson(await h.request('/api/sources', {}, 'mia'), 200, z.array(SourceInfo))).toEqual([{ name: 'local', kind: 'duckdb' }]);
    const add = await h.request('/api/sources', json('POST', { name: 'wh', url: 'postgres://reader:pw@127.0.0.1:1/shop' }), 'mia');
    expect((await expectJson(add, 403, ErrorBody)).error).toMatch(/Only an admin can add sources/);
    expect((await h.request('/api/sources/local/test', { method: 'POST' }, 'mia')).status).toBe(403);
    expect(await expectJson(await h.request('/api/sources/local/test', { method: 'POST' }), 200, SourceTest)).toMatchObject({ ok: true, kind: 'duckdb' });
    expect((await expectJson(await h.request('/api/sources', json('POST', { name: 'local', url: 'postgres://h/db' })), 400, ErrorBody)).error).toMatch(/"local" is the embedded engine/);
    expect((await expectJson(await h.request('/api/sources', json('POST', { name: 'x', url: 'mysql://h/db' })), 400, ErrorBody)).error).toMatch(/not a supported source/);
  });

  it('the local schema lists the datasets with their columns, for completion', async () => {
    const schema = await expectJson(await h.request('/api/sources/local/schema', {}, 'mia'), 200, SourceSchema);
    const units = schema.tables.find((t) => t.name === 'shop/units');
    expect(units?.columns.map((c) => c.name)).toContain('variant');
    expect(schema.tables.find((t) => t.name === 'visits')?.columns).toEqual([{ name: 'day', type: 'date' }, { name: 'n', type: 'number' }]);
  });

  it('a source that cannot be reached: 502 naming it, never its URL, host or password', async () => {
    await expectJson(await h.request('/api/sources', json('POST', { name: 'down', url: 'postgres://reader:Sup3r-secret@127.0.0.1:1/shop' })), 201, SourceInfo);
    const listed = await expectJson(await h.request('/api/sources', {}, 'mia'), 200, z.array(SourceInfo));
    expect(listed).toEqual([{ name: 'local', kind: 'duckdb' }, { name: 'down', kind: 'postgres' }]);
    const admin = await expectJson(await h.request('/api/sources'), 200, z.array(SourceInfo));
    expect(admin[1].url).toBe('postgres://reader:***@127.0.0.1:1/shop');
    const res = await sql({ source: 'down', sql: 'SELECT 1' });
    const text = await res.text();
    expect(res.status, text).toBe(502);
    expect(text).toMatch(/Source \\"down\\"/);
    for (const secret of ['Sup3r-secret', '127.0.0.1', 'postgres://', 'reader:']) expect(text).not.toContain(secret);
    const tested = await expectJson(await h.request('/api/sources/down/test', { method: 'POST' }), 200, SourceTest);
    expect(tested.ok).toBe(false);
    expect(tested.error).not.toContain('Sup3r-secret');
    expect((await h.request('/api/sources/down', { method: 'DELETE' }, 'mia')).status).toBe(403);
    expect((await h.request('/api/sources/down', { method: 'DELETE' })).status).toBe(204);
    expect((await expectJson(await sql({ source: 'down', sql: 'SELECT 1' }), 404, ErrorBody)).error).toMatch(/There is no source "down". Sources on this server: "local"/);
    const audit = (await h.request('/api/audit').then((r) => r.json())) as { action: string; detail: Record<string, unknown> }[];
    expect(audit.filter((a) => a.action.startsWith('source-')).map((a) => [a.action, a.detail.source])).toEqual([['source-remove', 'down'], ['source-add', 'down']]);
    expect(JSON.stringify(audit)).not.toContain('Sup3r-secret');
  });

  describe.skipIf(!postgresInstalled)('on a real Postgres', () => {
    let pg: PostgresServer;
    beforeAll(async () => {
      pg = await startPostgres();
      await pg.exec('CREATE TABLE IF NOT EXISTS api_orders (id integer, amount double precision, arm text)');
      await pg.exec("INSERT INTO api_orders VALUES (1, 9.5, 'a'), (2, 3, 'b'), (3, 12.25, 'a')");
      await pg.exec('GRANT SELECT ON api_orders TO liftbook');
    }, 60_000);
    afterAll(() => pg?.close());

    it('admins add and test it; members query it with bound params and see its tables, never its URL', async () => {
      await expectJson(await h.request('/api/sources', json('POST', { name: 'pg', url: pg.url, test: true })), 201, SourceInfo);
      expect(await expectJson(await h.request('/api/sources/pg/test', { method: 'POST' }), 200, SourceTest)).toMatchObject({ ok: true, kind: 'postgres' });
      const result = await expectJson(await sql({ source: 'pg', sql: 'SELECT arm, sum(amount) AS total FROM api_orders WHERE arm = $1 GROUP BY arm', params: ['a'] }), 200, SqlResult);
      expect(result.rows).toEqual([{ arm: 'a', total: 21.75 }]);
      expect(result.engine).toMatchObject({ source: 'pg', kind: 'postgres', rows_fetched: 1 });
      const schema = await expectJson(await h.request('/api/sources/pg/schema', {}, 'mia'), 200, SourceSchema);
      expect(schema.tables.find((t) => t.name.endsWith('api_orders'))?.columns.map((c) => c.name)).toEqual(['id', 'amount', 'arm']);
      const wrong = await sql({ source: 'pg', sql: 'SELECT nope FROM api_orders' });
      const text = await wrong.text();
      expect(wrong.status, text).toBe(400);
      expect(text).toMatch(/nope/);
      for (const secret of [PG_PASSWORD, String(pg.port), 'postgres://']) expect(text).not.toContain(secret);
      expect((await expectJson(await sql({ source: 'pg', sql: 'DELETE FROM api_orders' }), 400, ErrorBody)).error).toMatch(/not "DELETE"/);
    });

    it('a wrong password is a failed test, and nothing is stored', async () => {
      const wrong = new URL(pg.url);
      wrong.password = 'wrong-Passw0rd';
      const url = wrong.toString();
      const res = await h.request('/api/sources', json('POST', { name: 'pgbad', url, test: true }));
      const text = await res.text();
      expect(res.status, text).toBe(502);
      expect(text).not.toContain('wrong-Passw0rd');
      expect((await h.request('/api/sources/pgbad/test', { method: 'POST' })).status).toBe(404);
    });
  });
});
