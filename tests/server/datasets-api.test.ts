import * as aq from 'arquero';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Dataset, ErrorBody, TablePage } from '../../server/app/schemas.js';
import { expectJson, harness } from './harness.js';

const h = harness({ uploadLimit: 64 * 1024 });
afterAll(() => h.close());
const req = (p: string, init?: RequestInit) => h.request(p, init);
function upload(file: File, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.append('file', file);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return Promise.resolve(req('/api/datasets', { method: 'POST', body: form }));
}
const ordersCsv = 'order_id,amount,day,note\n1,9.5,2024-01-02,first\n2,3,2024-01-03,\n3,12.25,2024-01-05,"multi\nline"\n';

describe('datasets API', () => {
  it('lists the bundled datasets from the start', async () => {
    const list = await expectJson(await req('/api/datasets'), 200, z.array(Dataset));
    expect(list.filter((d) => d.bundled).map((d) => d.name)).toEqual(expect.arrayContaining(['shop/units', 'shop/orders', 'open/cdnow_summary']));
    expect(list.every((d) => d.bundled)).toBe(true);
  });

  it('uploads a CSV, previews it, pages its rows as JSON and Arrow, and deletes it', async () => {
    const created = await expectJson(await upload(new File([ordersCsv], 'Orders 2024.csv')), 201, Dataset);
    expect(created).toMatchObject({ name: 'Orders_2024', bundled: false, format: 'csv', rows: 3, size: ordersCsv.length });
    expect(created.columns!.map((c) => c.type)).toEqual(['number', 'number', 'date', 'string']);
    expect(readdirSync(h.deps.storage.datasets.dir)).toEqual(['Orders_2024.csv']);

    const listed = await expectJson(await req('/api/datasets'), 200, z.array(Dataset));
    expect(listed.find((d) => d.name === 'Orders_2024')).toMatchObject({ rows: 3, bundled: false });

    const preview = await expectJson(await req('/api/datasets/Orders_2024/preview?limit=2'), 200, TablePage);
    expect(preview).toMatchObject({ name: 'Orders_2024', total: 3, offset: 0 });
    expect(preview.columns.find((c) => c.name === 'note')).toEqual({ name: 'note', type: 'string', missing: 1 });
    expect(preview.rows).toEqual([
      { order_id: 1, amount: 9.5, day: '2024-01-02T00:00:00.000Z', note: 'first' },
      { order_id: 2, amount: 3, day: '2024-01-03T00:00:00.000Z', note: null },
    ]);

    const page = await expectJson(await req('/api/datasets/Orders_2024/rows?offset=2&limit=5'), 200, TablePage);
    expect(page).toMatchObject({ total: 3, offset: 2, rows: [{ order_id: 3, note: 'multi\nline' }] });

    const arrow = await req('/api/datasets/Orders_2024/rows', { headers: { Accept: 'application/vnd.apache.arrow.stream' } });
    expect(arrow.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    expect(arrow.headers.get('x-total-rows')).toBe('3');
    const table = aq.fromArrow(new Uint8Array(await arrow.arrayBuffer()));
    expect(table.array('amount')).toEqual([9.5, 3, 12.25]);
    expect(table.get('day', 0)).toEqual(new Date('2024-01-02T00:00:00Z'));

    expect((await req('/api/datasets/Orders_2024', { method: 'DELETE' })).status).toBe(204);
    expect(readdirSync(h.deps.storage.datasets.dir)).toEqual([]);
    await expectJson(await req('/api/datasets/Orders_2024/preview'), 404, ErrorBody);
    await expectJson(await req('/api/datasets/Orders_2024', { method: 'DELETE' }), 404, ErrorBody);
  });

  it('reads JSON uploads, names them from the form, and refuses a taken name unless replace=true', async () => {
    const rows = JSON.stringify([{ a: 1 }, { a: 2 }]);
    await expectJson(await upload(new File([rows], 'x.json'), { name: 'scores' }), 201, Dataset);
    expect((await expectJson(await upload(new File([rows], 'x.json'), { name: 'scores' }), 409, ErrorBody)).error).toMatch(/already exists/);
    const replaced = await expectJson(await upload(new File(['a\n5\n'], 'x.csv'), { name: 'scores', replace: 'true' }), 201, Dataset);
    expect(replaced).toMatchObject({ rows: 1, format: 'csv' });
  });

  it('previews bundled datasets by their slashed names', async () => {
    const preview = await expectJson(await req('/api/datasets/open/cdnow_summary/preview?limit=1'), 200, TablePage);
    expect(preview).toMatchObject({ name: 'open/cdnow_summary', total: 2357 });
    expect(preview.rows).toHaveLength(1);
    const encoded = await expectJson(await req('/api/datasets/open%2Fcdnow_summary/preview?limit=0'), 200, TablePage);
    expect(encoded.rows).toEqual([]);
    expect((await expectJson(await req('/api/datasets/open/cdnow_summary', { method: 'DELETE' }), 400, ErrorBody)).error).toMatch(/bundled/);
  });

  it('passes the generated shop options of load() through as query parameters', async () => {
    const preview = await expectJson(await req('/api/datasets/shop/units/preview?limit=2&customers=50&seed=3'), 200, TablePage);
    expect(preview.total).toBe(50);
    const again = await expectJson(await req('/api/datasets/shop/units/rows?customers=50&seed=3&offset=0&limit=2'), 200, TablePage);
    expect(again.rows).toEqual(preview.rows);
    const other = await expectJson(await req('/api/datasets/shop/units/preview?limit=2&customers=50&seed=4'), 200, TablePage);
    expect(other.rows).not.toEqual(preview.rows);
    await expectJson(await req('/api/datasets/shop/units/preview?customers=3'), 400, ErrorBody);
    // The 200,000-customer shop took 96 s and 2.9 GB on the server: bounded now.
    expect((await expectJson(await req('/api/datasets/shop/units/preview?customers=200000'), 400, ErrorBody)).error).toMatch(/customers.*50000/);
  });

  it('answers 413 over the upload limit, with the limit in the message', async () => {
    const big = new File(['x\n' + '1\n'.repeat(40_000)], 'big.csv');
    expect((await expectJson(await upload(big), 413, ErrorBody)).error).toMatch(/over the 64 KB limit/);
    expect(readdirSync(h.deps.storage.datasets.dir).filter((f) => f.startsWith('big'))).toEqual([]);
  });

  it('gives one of two simultaneous uploads of a new name 201 and the other 409; the stored file is the winner\'s', async () => {
    h.user('ana');
    h.user('ben');
    const send = (as: string, rows: number) => {
      const form = new FormData();
      form.append('file', new File(['x\n' + `${as.length}\n`.repeat(rows)], 'race.csv'));
      return h.request('/api/datasets', { method: 'POST', body: form }, as);
    };
    const [ana, ben] = await Promise.all([send('ana', 300), send('ben', 700)]);
    expect([ana.status, ben.status].sort()).toEqual([201, 409]);
    const winner = ana.status === 201 ? { user: 'ana', rows: 300 } : { user: 'ben', rows: 700 };
    const loser = ana.status === 201 ? ben : ana;
    expect((await expectJson(loser, 409, ErrorBody)).error).toMatch(/"race"/);
    expect(h.deps.storage.datasets.get('race')).toMatchObject({ owner: winner.user, rows: winner.rows });
    expect((await h.deps.storage.datasets.load('race'))!.numRows()).toBe(winner.rows);
  });

  it('answers 413 to a .gz that expands past the upload limit, and stores nothing', async () => {
    const bomb = new File([gzipSync(Buffer.alloc(8 * 2 ** 20, 0x31))], 'bomb.csv.gz');
    expect((await expectJson(await upload(bomb), 413, ErrorBody)).error).toMatch(/bomb.csv.gz expands to more than .* when decompressed/);
    expect(h.deps.storage.datasets.get('bomb')).toBeUndefined();
  });

  it('takes a file of exactly the limit: the limit is on the file, not the multipart envelope', async () => {
    const exact = new File(['x\n' + '1\n'.repeat(32_767)], 'exact.csv');
    expect(exact.size).toBe(64 * 1024);
    expect((await upload(exact)).status).toBe(201);
    const over = new File(['x\n' + '1\n'.repeat(32_768)], 'over.csv');
    expect((await expectJson(await upload(over), 413, ErrorBody)).error).toMatch(/over.csv is 65538 bytes, over the 64 KB limit/);
  });

  it('refuses bad names, bad files and non-multipart bodies with 400/415, writing nothing outside the data dir', async () => {
    for (const name of ['../escape', '..', '/tmp/abs', 'a/b', 'shop/../../x']) {
      expect((await expectJson(await upload(new File(['x\n1\n'], 'ok.csv'), { name }), 400, ErrorBody)).error).toMatch(/not a valid dataset name/);
    }
    for (const p of ['/api/datasets/..%2F..%2Fetc%2Fpasswd/preview', '/api/datasets/a%2F..%2F..%2Fx/rows', '/api/datasets/shop/..%2F..%2Fx/preview']) {
      await expectJson(await req(p), 400, ErrorBody);
    }
    await expectJson(await req('/api/datasets/..%2Fescape', { method: 'DELETE' }), 400, ErrorBody);
    expect(existsSync(path.join(h.dir, 'data', 'escape.csv'))).toBe(false);
    expect(existsSync(path.join(h.dir, 'escape.csv'))).toBe(false);
    expect((await expectJson(await upload(new File(['x'], 'sheet.xlsx')), 400, ErrorBody)).error).toMatch(/Cannot tell the format/);
    expect((await expectJson(await upload(new File([''], 'empty.csv')), 400, ErrorBody)).error).toMatch(/empty/);
    const noFile = new FormData();
    noFile.append('name', 'x');
    expect((await expectJson(await req('/api/datasets', { method: 'POST', body: noFile }), 400, ErrorBody)).error).toMatch(/field named "file"/);
    await expectJson(await req('/api/datasets', { method: 'POST', body: 'a,b', headers: { 'Content-Type': 'text/csv' } }), 415, ErrorBody);
    await expectJson(await req('/api/datasets/nope/rows?limit=-1'), 400, ErrorBody);
  });
});
