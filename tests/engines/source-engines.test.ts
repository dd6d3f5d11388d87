// The ClickHouse (2-shard cluster) and Postgres engines against real servers on loopback: types,
// parameters, row caps, batches, introspection, where a query runs and that it stops when told.
import * as aq from 'arquero';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openLocalEngine } from '../../server/engine/local.js';
import { openSource } from '../../server/engine/open-source.js';
import type { Engine } from '../../server/engine/types.js';
import { startClickHouseCluster, type ClickHouseCluster } from './clickhouse-cluster.js';
import { loadClickHouse, loadPostgres } from './load-table.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';
import { clickhouseInstalled, postgresInstalled } from './servers.js';
import { toNumber } from '../../recipes/columns.js';
import { ROOT, SPAWN_TIMEOUT } from '../cli/spawn-cli.js';

const BIN = fileURLToPath(new URL('../../bin/liftbook.js', import.meta.url));

const units = aq.table({
  id: [1, 2, 3, 4, 5, 6],
  arm: ['control', 'treatment', 'control', 'treatment', 'control', "o'brien"],
  revenue: [10.5, 20.25, null, 3, 0, 1e-7],
  converted: [true, false, true, true, false, false],
  day: ['2025-01-05T10:00:00Z', '2025-01-06T00:00:00Z', '2025-01-06T23:59:59Z', '2025-01-12T12:00:00Z', '2025-02-01T00:00:00Z', '2025-02-28T08:30:00Z'].map((s) => new Date(s)),
});

let cluster: ClickHouseCluster | undefined;
let postgres: PostgresServer | undefined;
const engines: Record<string, Engine> = {};

beforeAll(async () => {
  const [ch, pgs] = await Promise.all([
    clickhouseInstalled ? startClickHouseCluster() : undefined,
    postgresInstalled ? startPostgres() : undefined,
  ]);
  cluster = ch;
  postgres = pgs;
  if (cluster) {
    await loadClickHouse(cluster, 'units', units);
    // An endless distributed scan, for the cancel test: every shard reads system.numbers.
    for (const shard of cluster.shards) {
      await shard.exec(`CREATE TABLE numbers_everywhere AS system.numbers ENGINE = Distributed(liftbook_test, system, numbers)`);
    }
    engines.clickhouse = openSource('wh', cluster.url);
  }
  if (postgres) {
    await loadPostgres(postgres, 'units', units);
    engines.postgres = openSource('pg', postgres.url);
  }
});

afterAll(async () => {
  await Promise.all(Object.values(engines).map((e) => e.close()));
  await Promise.all([cluster?.close(), postgres?.close()]);
});

const kinds = [
  ...(clickhouseInstalled ? ['clickhouse'] : []),
  ...(postgresInstalled ? ['postgres'] : []),
];

describe.skipIf(kinds.length === 0).each(kinds)('the %s engine', (kind) => {
  const engine = () => engines[kind]!;
  const q = (name: string) => engine().dialect.ident(name);

  test('returns numbers, text, booleans and UTC dates as JS values, in the order of the query', async () => {
    const { table, truncated } = await engine().query(
      `SELECT ${q('id')}, ${q('arm')}, ${q('revenue')}, ${q('converted')}, ${q('day')} FROM ${q('units')} ORDER BY ${q('id')}`,
    );
    expect(truncated).toBe(false);
    expect(table.columnNames()).toEqual(['id', 'arm', 'revenue', 'converted', 'day']);
    const rows = table.objects() as Record<string, unknown>[];
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.revenue)).toEqual([10.5, 20.25, null, 3, 0, 1e-7]);
    expect(rows[5]!.arm).toBe("o'brien");
    expect((rows[2]!.day as Date).toISOString()).toBe('2025-01-06T23:59:59.000Z');
    // ClickHouse has no boolean type before 22.x: the loader stores UInt8, so 1/0 comes back.
    expect(rows.map((r) => Boolean(r.converted))).toEqual([true, false, true, true, false, false]);
  });

  test('binds $1, $2 as values: a quote in a value is data', async () => {
    const { table } = await engine().query(
      `SELECT count(*) AS n FROM ${q('units')} WHERE ${q('arm')} = $1 OR ${q('arm')} = $2`,
      { params: ["o'brien", "x' OR 1=1 --"] },
    );
    expect(Number(table.get('n', 0))).toBe(1);
  });

  test('counts over every shard, and says how many rows it read when the engine tells', async () => {
    const { table, rowsRead } = await engine().query(`SELECT count(*) AS n, sum(${q('revenue')}) AS s FROM ${q('units')}`);
    expect(Number(table.get('n', 0))).toBe(6);
    expect(table.get('s', 0)).toBeCloseTo(33.7500001, 12);
    if (kind === 'clickhouse') expect(rowsRead).toBe(6);
    else expect(rowsRead).toBeNull();
  });

  test('the dialect truncates to Sunday weeks, months and epoch seconds as the other engines do', async () => {
    const d = engine().dialect;
    const { table } = await engine().query(
      `SELECT ${d.text(d.truncate('week', q('day')))} AS w, ${d.text(d.truncate('month', q('day')))} AS m, ${d.epochSeconds(q('day'))} AS e FROM ${q('units')} ORDER BY ${q('id')}`,
    );
    expect(table.array('w')).toEqual(['2025-01-05', '2025-01-05', '2025-01-05', '2025-01-12', '2025-01-26', '2025-02-23']);
    expect(table.array('m')).toEqual(['2025-01-01', '2025-01-01', '2025-01-01', '2025-01-01', '2025-02-01', '2025-02-01']);
    expect(table.array('e')).toEqual([...units.array('day')].map((x) => (x as Date).getTime() / 1000));
  });

  test('maxRows returns that many rows and says the result was truncated', async () => {
    const capped = await engine().query(`SELECT ${q('id')} FROM ${q('units')} ORDER BY ${q('id')}`, { maxRows: 4 });
    expect(capped.table.array('id')).toEqual([1, 2, 3, 4]);
    expect(capped.truncated).toBe(true);
    const exact = await engine().query(`SELECT ${q('id')} FROM ${q('units')}`, { maxRows: 6 });
    expect(exact.truncated).toBe(false);
    expect(exact.table.numRows()).toBe(6);
  });

  test('a query ending in a comment still takes the row cap', async () => {
    const { table, truncated } = await engine().query(`SELECT ${q('id')} FROM ${q('units')} ORDER BY ${q('id')} -- the ids`, { maxRows: 2 });
    expect(table.array('id')).toEqual([1, 2]);
    expect(truncated).toBe(true);
  });

  test('streams rows in batches of the size asked', async () => {
    const sizes: number[] = [];
    const ids: unknown[] = [];
    for await (const batch of engine().stream(`SELECT ${q('id')} FROM ${q('units')} ORDER BY ${q('id')}`, { batchRows: 4 })) {
      sizes.push(batch.numRows());
      ids.push(...batch.array('id'));
    }
    expect(sizes).toEqual([4, 2]);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('an empty result still has its columns', async () => {
    const { table } = await engine().query(`SELECT ${q('id')}, ${q('arm')} FROM ${q('units')} WHERE ${q('id')} < 0`);
    expect(table.columnNames()).toEqual(['id', 'arm']);
    expect(table.numRows()).toBe(0);
  });

  test('describes the columns of a table or a query, and lists tables', async () => {
    expect(await engine().columns(q('units'))).toEqual([
      { name: 'id', type: 'number' },
      { name: 'arm', type: 'string' },
      { name: 'revenue', type: 'number' },
      { name: 'converted', type: kind === 'clickhouse' ? 'number' : 'boolean' },
      { name: 'day', type: 'date' },
    ]);
    expect(await engine().columns(`(SELECT ${q('arm')} AS a, 1.5 AS b FROM ${q('units')}) AS sub`)).toEqual([
      { name: 'a', type: 'string' },
      { name: 'b', type: 'number' },
    ]);
    const tables = await engine().tables();
    expect(tables.find((t) => t.name === 'units')?.columns.map((c) => c.name)).toEqual(['id', 'arm', 'revenue', 'converted', 'day']);
  });
});

describe.skipIf(!postgresInstalled)('the Postgres engine with several statements', () => {
  test('answers with the last statement\'s rows', async () => {
    const { table } = await engines.postgres!.query('SET LOCAL statement_timeout = 0; SELECT 41 + 1 AS answer');
    expect(table.objects()).toEqual([{ answer: 42 }]);
  });
});

describe.skipIf(!clickhouseInstalled)('the ClickHouse cluster', () => {
  test('holds the rows on both shards, behind one Distributed table', async () => {
    const counts = await Promise.all(cluster!.shards.map((s) => s.exec('SELECT count() FROM units_local')));
    expect(counts.map((c) => Number(c.trim()))).toEqual([3, 3]);
  });
});

// A query that runs until stopped, per engine, and how to tell it is still running there.
const endless: Record<string, { sql: string; running(): Promise<number> }> = {
  clickhouse: {
    sql: 'SELECT count() FROM numbers_everywhere WHERE sipHash64(number) % 7 = 3',
    async running() {
      const counts = await Promise.all(
        cluster!.shards.map((s) => s.exec(`SELECT count() FROM system.processes WHERE query LIKE '%sipHash64%' AND query NOT LIKE '%system.processes%'`)),
      );
      return counts.reduce((sum, c) => sum + Number(c.trim()), 0);
    },
  },
  postgres: {
    sql: 'SELECT count(*) FROM generate_series(1, 200000) a, generate_series(1, 200000) b WHERE (a.a * b.b) % 7 = 3',
    async running() {
      const r = await postgres!.exec(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%generate_series(1, 200000)%' AND pid <> pg_backend_pid()`);
      return r.rows[0].n as number;
    },
  },
};

async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe.skipIf(kinds.length === 0).each(kinds)('stopping a query on the %s engine', (kind) => {
  test('aborting the signal stops the query on the server, not just the wait for it', async () => {
    const { sql, running } = endless[kind]!;
    const stop = new AbortController();
    const progress: number[] = [];
    const run = engines[kind]!.query(sql, { signal: stop.signal, onProgress: (p) => progress.push(p.rowsRead) });
    const outcome = run.then(() => 'finished', (e: Error) => e.name);
    expect(await eventually(async () => (await running()) > 0, 10_000)).toBe(true);
    if (kind === 'clickhouse') {
      // Long queries report rows read as they go (from system.processes, which 18.16 has too).
      expect(await eventually(async () => progress.some((n) => n > 0), 5_000)).toBe(true);
    }
    stop.abort();
    expect(await outcome).toBe('RecipeCancelledError');
    expect(await eventually(async () => (await running()) === 0, 5_000)).toBe(true);
  });
});

// The same endless scans as rows of units, for a recipe run from the command line.
const endlessUnits: Record<string, string> = {
  clickhouse: "SELECT number AS customer_id, if(number % 2 = 0, 'a', 'b') AS variant, number % 2 AS converted FROM numbers_everywhere WHERE sipHash64(number) % 7 = 3",
  postgres: "SELECT a.a AS customer_id, CASE WHEN a.a % 2 = 0 THEN 'a' ELSE 'b' END AS variant, (a.a * b.b) % 2 AS converted FROM generate_series(1, 200000) a, generate_series(1, 200000) b",
};

describe.skipIf(kinds.length === 0).each(kinds)('Ctrl-C on `liftbook recipe` over the %s engine', (kind) => {
  test('stops the query on the server and exits 130 with nothing on stdout', { timeout: SPAWN_TIMEOUT }, async () => {
    const url = kind === 'clickhouse' ? cluster!.url : postgres!.url;
    const child = spawn(process.execPath, [BIN, 'recipe', 'lift', '--source', `wh=${url}`, '--input', `units=wh:${endlessUnits[kind]}`, '--param', 'metrics=converted'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      expect(await eventually(async () => (await endless[kind]!.running()) > 0, 120_000)).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stdout).toBe('');
      expect(stderr).toContain('cancelled');
      expect(await eventually(async () => (await endless[kind]!.running()) === 0, 10_000)).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe.skipIf(kinds.length === 0).each(kinds)('errors on the %s engine', (kind) => {
  const url = () => (kind === 'clickhouse' ? cluster!.url : postgres!.url);
  const password = () => decodeURIComponent(new URL(url()).password);
  const name = () => (kind === 'clickhouse' ? 'wh' : 'pg');
  const failure = async (run: Promise<unknown>) => {
    const error = (await run.then(() => null, (e: Error) => e)) as Error | null;
    expect(error).not.toBeNull();
    expect(error!.message).not.toContain(password());
    expect(error!.message).not.toContain(encodeURIComponent(password()));
    return error!;
  };
  const q = (s: string) => engines[kind]!.dialect.ident(s);

  test('a missing table names the source, its URL without the password, the table and the fix', async () => {
    const e = await failure(engines[kind]!.query(`SELECT * FROM ${q('unitz')}`));
    expect(e.name).toBe('RecipeInputError');
    expect(e.message).toContain(`Source "${name()}"`);
    expect(e.message).toContain(':***@127.0.0.1');
    expect(e.message).toMatch(/has no table.*unitz.*Check the name after/);
  });

  test('a missing column names it and says how to fix it', async () => {
    const e = await failure(engines[kind]!.query(`SELECT ${q('revenu')} FROM ${q('units')}`));
    expect(e.name).toBe('RecipeInputError');
    expect(e.message).toMatch(/no column.*revenu.*Name an existing column/);
  });

  test('a column of the wrong type says so and how to cast it', async () => {
    const e = await failure(engines[kind]!.query(`SELECT sum(${q('arm')}) FROM ${q('units')}`));
    expect(e.name).toBe('RecipeInputError');
    expect(e.message).toMatch(/wrong type.*CAST/);
  });

  test('a wrong password is an auth failure that never shows either password', async () => {
    const wrong = new URL(url());
    wrong.password = 'Wr0ng-Secret';
    const engine = openSource(name(), wrong.toString());
    try {
      const e = await failure(engine.query('SELECT 1'));
      expect(e.message).not.toContain('Wr0ng-Secret');
      expect(e.message).toMatch(/refused the user liftbook.*Check the user name and password/);
    } finally {
      await engine.close();
    }
  });

  test('an unreachable host names host and port and never the password', async () => {
    const gone = new URL(url());
    gone.port = '1';
    const engine = openSource(name(), gone.toString());
    try {
      const e = await failure(engine.query('SELECT 1'));
      expect(e.message).toMatch(/cannot be reached at 127\.0\.0\.1:1 .*Check that the server runs/);
    } finally {
      await engine.close();
    }
  });
});

describe.each(['local', ...kinds])('quoting on the %s engine', (kind) => {
  test('a column named like an attack and such values are data, never SQL', async () => {
    const evil = 'x"; DROP TABLE units; --';
    const evil2 = "y`'); DROP TABLE units; --\\";
    const table = aq.table({ [evil]: [evil, evil2, 'plain'], [evil2]: [1, 2, 3] });
    if (kind === 'clickhouse') await loadClickHouse(cluster!, 'evil', table);
    if (kind === 'postgres') await loadPostgres(postgres!, 'evil', table);
    const engine = kind === 'local' ? await openLocalEngine({ tables: { evil: table, units } }) : engines[kind]!;
    const d = engine.dialect;
    const { table: got } = await engine.query(
      `SELECT ${d.ident(evil)}, sum(${d.ident(evil2)}) AS ${d.ident(evil2)} FROM ${d.ident('evil')} WHERE ${d.ident(evil)} IN (${d.literal(evil)}, ${d.literal(evil2)}) GROUP BY ${d.ident(evil)} ORDER BY ${d.ident(evil)}`,
    );
    expect(got.columnNames()).toEqual([evil, evil2]);
    expect(got.objects()).toEqual([{ [evil]: evil, [evil2]: 1 }, { [evil]: evil2, [evil2]: 2 }]);
    const bound = await engine.query(`SELECT count(*) AS n FROM ${d.ident('evil')} WHERE ${d.ident(evil)} = $1`, { params: [evil2] });
    expect(Number(bound.table.get('n', 0))).toBe(1);
    expect(Number((await engine.query(`SELECT count(*) AS n FROM ${d.ident('units')}`)).table.get('n', 0))).toBe(6);
    if (kind === 'local') await engine.close();
  });
});

describe.skipIf(kinds.length === 0).each(kinds)('a read-only user on the %s engine', (kind) => {
  test('can query, describe and list tables, and cannot write', async () => {
    const url = new URL(kind === 'clickhouse' ? cluster!.url : postgres!.url);
    url.username = 'reader';
    const engine = openSource('ro', url.toString());
    try {
      const q = (s: string) => engine.dialect.ident(s);
      const { table } = await engine.query(`SELECT count(*) AS n FROM ${q('units')} WHERE ${q('arm')} = $1`, { params: ['control'] });
      expect(Number(table.get('n', 0))).toBe(3);
      expect((await engine.columns(q('units'))).map((c) => c.name)).toEqual(['id', 'arm', 'revenue', 'converted', 'day']);
      expect((await engine.tables()).map((t) => t.name)).toContain('units');
      const refused = await engine.query(`INSERT INTO ${q('units')} (${q('id')}) VALUES (7)`).then(() => null, (e: Error) => e);
      expect(refused?.name).toBe('RecipeInputError');
      expect(refused?.message).toMatch(/the user reader may not do this.*grant the user SELECT/);
    } finally {
      await engine.close();
    }
  });
});

describe.skipIf(kinds.length === 0).each(kinds)('Dialect.number on the %s engine', (kind) => {
  test('reads text as the in-memory reader (toNumber) does', async () => {
    const texts = [' 12', '1e3', 'lots', '', 'YES', 'no', '-.5', '3.', '+4E-2', 'True', '1,5', 'Infinity', '\t7\n', null];
    const d = engines[kind]!.dialect;
    const nullText = kind === 'clickhouse' ? 'CAST(NULL AS Nullable(String))' : 'CAST(NULL AS TEXT)';
    const rows = texts.map((v, i) => `SELECT ${i} AS i, ${d.number(v === null ? nullText : d.literal(v))} AS x`).join(' UNION ALL ');
    const { table } = await engines[kind]!.query(`SELECT x FROM (${rows}) AS t ORDER BY i`);
    expect(Array.from(table.array('x') as ArrayLike<unknown>, (x) => (x === null ? null : Number(x)))).toEqual(texts.map((v) => toNumber(v) ?? null));
  });
});
