import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../recipes/errors.js';
import { readTableBytes } from '../io/read-table.js';
import { closeTableReader, readTableInWorker } from './read-in-worker.js';

afterAll(() => closeTableReader());

const csv = 'id,amount,day,note\n1,9.5,2024-01-02,"a, b"\n2,,2024-01-03,c\n';

describe('readTableInWorker', () => {
  it('parses bytes exactly as the in-process reader does, leaving the caller its bytes', async () => {
    const bytes = new TextEncoder().encode(csv);
    const table = await readTableInWorker({ bytes, filename: 'orders.csv' });
    expect(table.objects()).toEqual((await readTableBytes(bytes, 'orders.csv')).objects());
    expect(table.get('day', 1)).toEqual(new Date('2024-01-03T00:00:00Z'));
    expect(bytes.byteLength).toBe(csv.length);
  });

  it('reads a file by path', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liftbook-read-'));
    try {
      writeFileSync(path.join(dir, 'rows.json'), JSON.stringify([{ x: 1 }, { x: 2, y: 'b' }]));
      const table = await readTableInWorker({ file: path.join(dir, 'rows.json') });
      expect(table.objects()).toEqual([{ x: 1, y: null }, { x: 2, y: 'b' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
    const empty = readTableInWorker({ bytes: new Uint8Array(), filename: 'e.csv' });
    await expect(empty).rejects.toSatisfy(isInputError);
    await expect(empty).rejects.toThrow('e.csv is empty (0 bytes).');
    await expect(readTableInWorker({ file: '/nonexistent/x.csv' })).rejects.toThrow(/no such file/);
  });
});
