import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeColumns } from './column-types.js';
import { checkDatasetName, datasetFormat, nameFromFilename } from './dataset-names.js';
import { openStorage, type Storage } from './storage.js';
import * as aq from 'arquero';

let storage: Storage | undefined;
let dir: string | undefined;
afterEach(() => {
  storage?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
function open(): Storage {
  dir = mkdtempSync(path.join(os.tmpdir(), 'liftbook-datasets-'));
  storage = openStorage(path.join(dir, 'data'), { examplesDir: dir });
  return storage;
}
const csv = (text: string) => new TextEncoder().encode(text);

describe('dataset names', () => {
  it.each(['orders', 'orders_2024-q1', 'v1.2', 'A'])('accepts %s', (name) => expect(() => checkDatasetName(name)).not.toThrow());
  it.each(['', '..', 'a..b', '../x', '/etc/passwd', 'a/b', 'a\\b', '.hidden', 'x'.repeat(101), 'shop/units', 'C:x'])('refuses %j', (name) =>
    expect(() => checkDatasetName(name)).toThrow(/not a valid dataset name/),
  );
  it('accepts bundled names only where bundled datasets are allowed', () => {
    expect(() => checkDatasetName('shop/units', { allowBundled: true })).not.toThrow();
    expect(() => checkDatasetName('shop/../x', { allowBundled: true })).toThrow(/bundled name such as shop\/units/);
  });
  it('tells formats from file names and derives names', () => {
    expect(datasetFormat('Orders.CSV.gz')).toEqual({ format: 'csv', extension: '.csv.gz' });
    expect(datasetFormat('x.parquet')).toEqual({ format: 'parquet', extension: '.parquet' });
    expect(() => datasetFormat('x.xlsx')).toThrow(/Cannot tell the format of "x.xlsx"/);
    expect(nameFromFilename('My Orders (2024).csv.gz')).toBe('My_Orders_2024');
    expect(nameFromFilename('../../etc/passwd.csv')).toBe('passwd');
    expect(nameFromFilename('...csv')).toBe('dataset');
  });
});

describe('describeColumns', () => {
  it('types every column from all its values and counts missing ones', () => {
    const t = aq.table({ n: [1, null, NaN], s: ['a', null, 'b'], d: [new Date(0), null, null], b: [true, false, null], m: [1, 'a', null], e: [null, null, null] });
    expect(describeColumns(t)).toEqual([
      { name: 'n', type: 'number', missing: 2 },
      { name: 's', type: 'string', missing: 1 },
      { name: 'd', type: 'date', missing: 2 },
      { name: 'b', type: 'boolean', missing: 1 },
      { name: 'm', type: 'mixed', missing: 1 },
      { name: 'e', type: 'empty', missing: 3 },
    ]);
  });
});

describe('DatasetStore', () => {
  it('stores an upload, loads it back, lists and deletes it', async () => {
    const { datasets } = open();
    const record = await datasets.add({ name: 'orders', filename: 'Orders Export.CSV', bytes: csv('id,amount,day\n1,9.5,2024-01-02\n2,3,2024-01-03\n') });
    expect(record).toMatchObject({ name: 'orders', filename: 'orders.csv', format: 'csv', rows: 2, size: 46 });
    expect(record.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['id:number', 'amount:number', 'day:date']);
    expect(readdirSync(datasets.dir)).toEqual(['orders.csv']);
    expect(datasets.list().map((d) => d.name)).toEqual(['orders']);
    const table = await datasets.load('orders')!;
    expect(table.array('amount')).toEqual([9.5, 3]);
    expect(await datasets.remove('orders')).toBe(true);
    expect(readdirSync(datasets.dir)).toEqual([]);
    expect(datasets.load('orders')).toBeUndefined();
    expect(await datasets.remove('orders')).toBe(false);
  });

  it('refuses a taken name unless replacing, and replaces the file', async () => {
    const { datasets } = open();
    await datasets.add({ name: 'u', filename: 'u.csv', bytes: csv('x\n1\n') });
    await expect(datasets.add({ name: 'u', filename: 'u.json', bytes: csv('[{"x":2},{"x":3}]') })).rejects.toThrow(/already exists/);
    await datasets.load('u');
    const replaced = await datasets.add({ name: 'u', filename: 'u.json', bytes: csv('[{"x":2},{"x":3}]'), replace: true });
    expect(replaced).toMatchObject({ format: 'json', rows: 2 });
    expect(readdirSync(datasets.dir)).toEqual(['u.json']);
    expect((await datasets.load('u')!).array('x')).toEqual([2, 3]);
  });

  it('refuses bad files and bad names without writing anything', async () => {
    const { datasets } = open();
    await expect(datasets.add({ name: 'e', filename: 'e.csv', bytes: new Uint8Array() })).rejects.toThrow(/empty/);
    await expect(datasets.add({ name: '../escape', filename: 'x.csv', bytes: csv('x\n1\n') })).rejects.toThrow(/not a valid dataset name/);
    await expect(datasets.add({ name: 'p', filename: 'p.parquet', bytes: csv('not parquet') })).rejects.toThrow(/Parquet/);
    expect(readdirSync(datasets.dir)).toEqual([]);
    expect(existsSync(path.join(dir!, 'escape.csv'))).toBe(false);
    expect(datasets.list()).toEqual([]);
  });
});
