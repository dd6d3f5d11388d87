import * as aq from 'arquero';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecipeCancelledError, RecipeInputError } from '../../recipes/errors.js';
import { readTableFile } from '../io/read-table.js';
import { openLocalEngine } from './local.js';
import { withLocalEngine } from './test-engine.js';

let dir: string;
const file = (name: string) => path.join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftbook-engine-'));
  await writeFile(file('pipes.csv'), 'variant|converted|day\nA|1|2024-01-01\nB|0|2024-01-02\n');
  await writeFile(file('reviews.csv'), 'id;text;rating;zip;score;when\n1;"Loved it;\nwould buy again";5;007;NA;2024-01-02 10:30:00\n2;"meh";2;123;3.5;2024-01-02T10:30:00+02:00\n');
  await writeFile(file('tabs.tsv'), 'a\tb\n1,5\tx, y\n');
  await writeFile(file('units.csv.gz'), gzipSync('a,b\n1,2\n3,4\n'));
  await writeFile(file('rows.json'), '[{"a":1,"t":"2024-05-01T12:00:00Z"},{"a":2,"t":null}]');
  await writeFile(file('data.arrow'), aq.toArrowIPC(aq.table({ x: [1, 2], s: ['a', 'b'] })));
  await writeFile(file('secret.csv'), 'password\nhunter2\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the embedded DuckDB reads every input a user gives', () => {
  it('reads CSV and TSV with the same sniffing and types as liftbook\'s reader', async () => {
    for (const name of ['pipes.csv', 'reviews.csv', 'tabs.tsv', 'units.csv.gz']) {
      const expected = (await readTableFile(file(name))).objects();
      const got = await withLocalEngine({ t: file(name) }, async (e) => (await e.query('SELECT * FROM t')).table.objects());
      expect(got, name).toEqual(expected);
    }
  });

  it('reads JSON rows, Parquet and Arrow IPC', async () => {
    await withLocalEngine({ rows: file('rows.json'), arrow: file('data.arrow') }, async (e) => {
      const rows = (await e.query('SELECT * FROM rows')).table.objects() as { a: number; t: Date | null }[];
      expect(rows.map((r) => r.a)).toEqual([1, 2]);
      expect(rows[0]!.t).toEqual(new Date('2024-05-01T12:00:00Z'));
      expect((await e.query('SELECT * FROM arrow')).table.objects()).toEqual([{ x: 1, s: 'a' }, { x: 2, s: 'b' }]);
      await (await e.query(`COPY (SELECT * FROM arrow) TO '${file('data.parquet')}' (FORMAT parquet)`)).table;
    });
    await withLocalEngine({ p: file('data.parquet') }, async (e) => {
      expect((await e.query('SELECT * FROM p ORDER BY x')).table.objects()).toEqual([{ x: 1, s: 'a' }, { x: 2, s: 'b' }]);
    });
  });

  it('takes inline tables, keeping numbers, text, booleans and dates', async () => {
    const t = aq.table({ arm: [1, 2, null], v: [0.5, 2, 3], ok: [true, false, null], at: [new Date(0), null, new Date(86400000)], mixed: [1, 'n/a', null] });
    await withLocalEngine({ 'shop/units': t }, async (e) => {
      const back = (await e.query('SELECT * FROM "shop/units"')).table.objects();
      expect(back).toEqual([
        { arm: 1, v: 0.5, ok: true, at: new Date(0), mixed: '1' },
        { arm: 2, v: 2, ok: false, at: null, mixed: 'n/a' },
        { arm: null, v: 3, ok: null, at: new Date(86400000), mixed: null },
      ]);
      expect(await e.columns('"shop/units"')).toEqual([
        { name: 'arm', type: 'number' },
        { name: 'v', type: 'number' },
        { name: 'ok', type: 'boolean' },
        { name: 'at', type: 'date' },
        { name: 'mixed', type: 'string' },
      ]);
      expect((await e.query(`SELECT CAST(arm AS VARCHAR) AS a FROM "shop/units" WHERE arm = 1`)).table.get('a', 0)).toBe('1');
      expect((await e.tables()).map((x) => x.name)).toEqual(['shop/units']);
    });
  });

  it('names a missing file and an unknown format', async () => {
    await expect(openLocalEngine({ tables: { t: file('nope.csv') } })).rejects.toThrow(/Cannot read .*nope\.csv: no such file/);
    await expect(openLocalEngine({ tables: { t: file('secret.xlsx') } })).rejects.toThrow(RecipeInputError);
  });
});

describe('queries', () => {
  const big = aq.table({ i: Array.from({ length: 10_000 }, (_, i) => i) });

  it('binds $1 … parameters as values, never as SQL text', async () => {
    await withLocalEngine({ t: big }, async (e) => {
      const { table } = await e.query('SELECT count(*) AS n, $2 AS label FROM t WHERE i < $1', { params: [10, "x'; DROP TABLE t; --"] });
      expect(table.objects()).toEqual([{ n: 10, label: "x'; DROP TABLE t; --" }]);
      expect((await e.query('SELECT count(*) AS n FROM t')).table.get('n', 0)).toBe(10_000);
    });
  });

  it('copies a file view into a table of the named columns once, counting its rows exactly', async () => {
    await withLocalEngine({ p: file('pipes.csv'), t: aq.table({ a: [1] }) }, async (e) => {
      expect(await e.materialize('p', ['variant', 'day'])).toBe(2);
      expect(await e.columns('p')).toEqual([{ name: 'variant', type: 'string' }, { name: 'day', type: 'date' }]);
      expect((await e.query('SELECT variant FROM p ORDER BY 1')).table.array('variant')).toEqual(['A', 'B']);
      expect(await e.materialize('t', ['a'])).toBeNull();
      expect(await e.materialize('p', ['variant'])).toBeNull();
    });
  });

  it('truncates at maxRows and says so', async () => {
    await withLocalEngine({ t: big }, async (e) => {
      const out = await e.query('SELECT i FROM t ORDER BY i', { maxRows: 2500 });
      expect(out.table.numRows()).toBe(2500);
      expect(out.truncated).toBe(true);
      expect((await e.query('SELECT i FROM t', { maxRows: 10_000 })).truncated).toBe(false);
    });
  });

  it('streams rows in batches', async () => {
    await withLocalEngine({ t: big }, async (e) => {
      const sizes: number[] = [];
      let sum = 0;
      for await (const batch of e.stream('SELECT i FROM t ORDER BY i', { batchRows: 3000 })) {
        sizes.push(batch.numRows());
        sum += (batch.array('i') as number[]).reduce((a, b) => a + b, 0);
      }
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
      expect(sizes.every((s) => s <= 3000 + 2048)).toBe(true);
      expect(sizes.length).toBeGreaterThan(1);
      expect(sum).toBe((9999 * 10_000) / 2);
    });
  });

  it('cancels a running query through its AbortSignal and reports progress', async () => {
    await withLocalEngine({}, async (e) => {
      await e.query('CREATE TABLE t AS SELECT range AS i FROM range(3000000)');
      const controller = new AbortController();
      const seen: number[] = [];
      setTimeout(() => controller.abort(), 600);
      const started = Date.now();
      const run = e.query('SELECT count(*) FROM t, range(1000) b WHERE t.i + b.range = -1', {
        signal: controller.signal,
        onProgress: (p) => seen.push(p.fraction ?? -1),
      });
      await expect(run).rejects.toBeInstanceOf(RecipeCancelledError);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(seen.length).toBeGreaterThan(0);
      // The engine stays usable.
      expect((await e.query('SELECT 1 AS one')).table.get('one', 0)).toBe(1);
    });
  });

  it('turns SQL mistakes into errors naming the source', async () => {
    await withLocalEngine({ t: big }, async (e) => {
      await expect(e.query('SELECT nope FROM t')).rejects.toThrow(/SQL on local \(DuckDB\) failed: Binder Error: .*nope/);
    });
  });
});

describe('a confined engine (the server\'s) reads only its datasets', () => {
  it('refuses other files, writing files, attaching, installing and loading, and cannot be unlocked', async () => {
    const engine = await openLocalEngine({ tables: { 'orders.csv': file('pipes.csv'), units: aq.table({ x: [1] }) }, confine: true });
    try {
      expect((await engine.query('SELECT count(*) AS n FROM "orders.csv"')).table.get('n', 0)).toBe(2);
      expect((await engine.query('SELECT x FROM units')).table.get('x', 0)).toBe(1);
      const refused = [
        `SELECT * FROM read_csv('${file('secret.csv')}')`,
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM glob('/etc/*')",
        `COPY (SELECT 1) TO '${file('out.csv')}'`,
        `ATTACH '${file('x.db')}'`,
        'INSTALL httpfs',
        'LOAD httpfs',
        'SET enable_external_access = true',
        "SET allowed_paths = ['/etc/passwd']",
        "SELECT * FROM read_csv('https://example.com/x.csv')",
      ];
      for (const sql of refused) await expect(engine.query(sql), sql).rejects.toThrow(/Permission Error|disabled|locked/);
      await expect(engine.register('more', file('secret.csv'))).rejects.toThrow(/confined/);
    } finally {
      await engine.close();
    }
  });
});
