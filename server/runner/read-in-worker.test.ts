import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../recipes/errors.js';
import { readTableBytes } from '../io/read-table.js';
import { closeTableReader, readTableInWorker } from './read-in-worker.js';

afterAll(() => closeTableReader());

const csv = 'id,amount,day,note\n1,9.5,2024-01-02,"a, b"\n2,,2024-01-03,c\n';
const dir = mkdtempSync(path.join(os.tmpdir(), 'liftbook-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readTableInWorker', () => {
  it('parses a file exactly as the in-process reader does, named in messages as the upload was', async () => {
    const file = path.join(dir, '.part-1-orders.csv');
    writeFileSync(file, csv);
    const table = await readTableInWorker({ file, filename: 'orders.csv' });
    expect(table.objects()).toEqual((await readTableBytes(new TextEncoder().encode(csv), 'orders.csv')).objects());
    expect(table.get('day', 1)).toEqual(new Date('2024-01-03T00:00:00Z'));
  });

  it('reads a file by path', async () => {
    writeFileSync(path.join(dir, 'rows.json'), JSON.stringify([{ x: 1 }, { x: 2, y: 'b' }]));
    const table = await readTableInWorker({ file: path.join(dir, 'rows.json') });
    expect(table.objects()).toEqual([{ x: 1, y: null }, { x: 2, y: 'b' }]);
  });

  it('builds bundled datasets, several at once', async () => {
    const [units, customers] = await Promise.all([
      readTableInWorker({ bundled: 'shop/units', options: { customers: 60, seed: 5 } }),
      readTableInWorker({ bundled: 'shop/customers', options: { customers: 60, seed: 5 } }),
    ]);
    expect(units.numRows()).toBe(60);
    expect(customers.array('customer_id')).toEqual(units.array('customer_id'));
    await expect(readTableInWorker({ bundled: 'shop/nope' })).rejects.toSatisfy(isInputError);
  });

  it("keeps the reader's input errors across the thread", async () => {
    writeFileSync(path.join(dir, '.part-2-e.csv'), '');
    const empty = readTableInWorker({ file: path.join(dir, '.part-2-e.csv'), filename: 'e.csv' });
    await expect(empty).rejects.toSatisfy(isInputError);
    await expect(empty).rejects.toThrow('e.csv is empty (0 bytes).');
    await expect(readTableInWorker({ file: '/nonexistent/x.csv' })).rejects.toThrow(/no such file/);
  });
});
