import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import * as aq from 'arquero';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readTableBytes, readTableFile } from './read-table.js';

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
