import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import * as aq from 'arquero';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readTableBytes, readTableFile, TABLE_LIMITS, TableTooLargeError } from './read-table.js';

const bytes = (s: string) => new TextEncoder().encode(s);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftbook-io-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readTableBytes', () => {
  it('reads CSV with a sniffed delimiter and typed columns', async () => {
    const t = await readTableBytes(bytes('variant|converted|day\nA|1|2024-01-01\nB|0|2024-01-02\n'), 'units.csv');
    expect(t.columnNames()).toEqual(['variant', 'converted', 'day']);
    expect(t.array('converted')).toEqual([1, 0]);
    expect((t.get('day', 1) as Date).toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });

  it('reads TSV as tab-separated even when fields hold commas', async () => {
    const t = await readTableBytes(bytes('a\tb\n1,5\tx, y\n'), 'f.tsv');
    expect(t.objects()).toEqual([{ a: '1,5', b: 'x, y' }]);
  });

  it('reads a JSON array of rows, union of keys, ISO strings as dates', async () => {
    const t = await readTableBytes(bytes('[{"a":1,"t":"2024-05-01T12:00:00Z"},{"b":"x","t":null}]'), 'rows.json');
    expect(t.columnNames()).toEqual(['a', 't', 'b']);
    expect(t.objects()[1]).toEqual({ a: null, t: null, b: 'x' });
    expect(t.get('t', 0)).toBeInstanceOf(Date);
  });

  it('reads Arrow IPC', async () => {
    const ipc = aq.toArrowIPC(aq.table({ x: [1, 2], s: ['a', 'b'] }));
    const t = await readTableBytes(ipc, 'data.arrow');
    expect(t.objects()).toEqual([{ x: 1, s: 'a' }, { x: 2, s: 'b' }]);
  });

  it('reads gzip-compressed files', async () => {
    const t = await readTableBytes(gzipSync(bytes('a,b\n1,2\n')), 'x.csv.gz');
    expect(t.objects()).toEqual([{ a: 1, b: 2 }]);
  });

  it('reads Parquet written by DuckDB (int64, double, varchar, date)', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const file = path.join(dir, 'units.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM (VALUES (1::BIGINT, 'control', 12.5, DATE '2025-01-01'), (2, 'personalized', 0.0, DATE '2025-01-02')) v(id, variant, revenue, day)) TO '${file}' (FORMAT parquet)`,
    );
    connection.closeSync();
    const t = await readTableFile(file);
    expect(t.array('id')).toEqual([1, 2]);
    expect(t.array('variant')).toEqual(['control', 'personalized']);
    expect(t.array('revenue')).toEqual([12.5, 0]);
    expect(new Date(t.get('day', 1) as Date).toISOString().slice(0, 10)).toBe('2025-01-02');
  });

  it.each([
    ['', 'e.csv', /e\.csv is empty/],
    ['a,b\n', 'h.csv', /h\.csv has a header row but no data rows/],
    ['a,b\n1,2\n3\n', 'r.csv', /r\.csv: data row 2 \(record 3 counting the header\) has 1 fields but the header has 2/],
    ['a,a\n1,2\n', 'd.csv', /names the column "a" twice/],
    ['{"a":1}', 'o.json', /o\.json must hold a JSON array/],
    ['[1,2', 'bad.json', /bad\.json is not valid JSON/],
    ['x', 'data.xlsx', /data\.xlsx: liftbook cannot tell this file's format/],
    ['not parquet', 'p.parquet', /p\.parquet is not a Parquet file/],
  ])('rejects %j as %s with a clear error', async (text, name, message) => {
    await expect(readTableBytes(bytes(text), name)).rejects.toThrow(message);
    await expect(readTableBytes(bytes(text), name)).rejects.toHaveProperty('name', 'RecipeInputError');
  });
});

describe('readTableFile', () => {
  it('names a missing file', async () => {
    await expect(readTableFile(path.join(dir, 'nope.csv'))).rejects.toThrow(/Cannot read .*nope\.csv: no such file/);
  });

  it('reads a CSV with multi-line quoted fields from disk', async () => {
    const file = path.join(dir, 'reviews.csv');
    await writeFile(file, 'id;text;rating\n1;"Loved it;\nwould buy again";5\n2;"meh";2\n');
    const t = await readTableFile(file);
    expect(t.array('text')).toEqual(['Loved it;\nwould buy again', 'meh']);
    expect(t.array('rating')).toEqual([5, 2]);
  });
});

describe('size limits', () => {
  it('stops a gzip bomb at the limit with a clear "too large" error, not "not gzip data"', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 2 ** 20, 0x31));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    const error = await readTableBytes(bomb, 'bomb.csv.gz', { maxBytes: 8 * 2 ** 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableTooLargeError);
    expect((error as Error).message).toMatch(/bomb.csv.gz expands to more than 8 MB.*limit/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a table over the row or cell maximum before parsing it', async () => {
    const csv = 'a,b\n' + '1,2\n'.repeat(1000);
    await expect(readTableBytes(bytes(csv), 'rows.csv', { maxRows: 999 })).rejects.toThrow(/rows.csv has more than 999 rows/);
    await expect(readTableBytes(bytes(csv), 'cells.csv', { maxCells: 1500 })).rejects.toThrow(/cells.csv has more than 1,500 cells/);
    expect((await readTableBytes(bytes(csv), 'ok.csv', { maxRows: 1000, maxCells: 2000 })).numRows()).toBe(1000);
    const json = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ i })));
    await expect(readTableBytes(bytes(json), 'rows.json', { maxRows: 10 })).rejects.toThrow(TableTooLargeError);
  });

  it('documents its defaults', () => {
    expect(TABLE_LIMITS).toEqual({ maxRows: 5_000_000, maxCells: 50_000_000 });
  });
});
