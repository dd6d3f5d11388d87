import { describe, expect, it } from 'vitest';
import { compareValues, formatCell, localSource, queryRows, summarizeColumn } from './table-source.js';
import { sortRows, tableService } from './table-service.js';

describe('table paging, sorting, filtering and column summaries', () => {
  const rows = [
    { id: 3, name: 'Cara', amount: 12.5, day: new Date('2025-01-03T00:00:00Z') },
    { id: 1, name: 'ann', amount: null, day: new Date('2025-01-01T00:00:00Z') },
    { id: 2, name: 'Bob', amount: 7, day: null },
  ];

  it('sorts with missing values last and filters by text or column:text', async () => {
    const source = localSource(rows);
    expect((await source.page({ offset: 0, limit: 10, sort: { column: 'amount', desc: false } })).rows.map((r) => r[0])).toEqual([2, 3, 1]);
    expect((await source.page({ offset: 0, limit: 10, sort: { column: 'id', desc: true } })).rows.map((r) => r[0])).toEqual([3, 2, 1]);
    expect((await source.page({ offset: 0, limit: 10, filter: 'AN' })).total).toBe(1);
    expect((await source.page({ offset: 0, limit: 10, filter: 'name: b' })).rows.map((r) => r[1])).toEqual(['Bob']);
    expect((await source.page({ offset: 1, limit: 1 })).rows).toEqual([[1, 'ann', null, rows[1]!.day]]);
  });

  it('summarizes type, missing count, histogram and top values', () => {
    const amount = summarizeColumn('amount', [1, 2, 2, 3, null, NaN]);
    expect(amount).toMatchObject({ type: 'number', missing: 2 });
    expect(amount.bins!.reduce((s, b) => s + b.count, 0)).toBe(4);
    expect(amount.bins![0]!.x0).toBe(1);
    expect(amount.bins!.at(-1)!.x1).toBe(3);
    const arm = summarizeColumn('arm', ['a', 'b', 'a', '', 'a']);
    expect(arm).toMatchObject({ type: 'string', missing: 1, distinct: 2, top: [{ value: 'a', count: 3 }, { value: 'b', count: 1 }] });
    expect(summarizeColumn('day', [new Date(0), new Date(86_400_000)]).type).toBe('date');
  });

  it('formats cells and compares values as a reader expects', () => {
    expect(formatCell(new Date('2025-01-03T00:00:00Z'))).toBe('2025-01-03');
    expect(formatCell(1 / 3)).toBe('0.333333');
    expect(formatCell(null)).toBe('');
    expect(['b', null, 'a'].sort(compareValues)).toEqual(['a', 'b', null]);
    expect(queryRows([[2], [10], [1]], ['x'], { offset: 0, limit: 3, sort: { column: 'x', desc: false } })).toEqual([[1], [2], [10]]);
  });

  it('sorts row indices with missing values last in both directions', () => {
    const asc = Uint32Array.of(0, 1, 2, 3);
    sortRows(asc, [3, null, 1, NaN], false);
    expect([...asc]).toEqual([2, 0, 1, 3]);
    const desc = Uint32Array.of(0, 1, 2, 3);
    sortRows(desc, [3, null, 1, NaN], true);
    expect([...desc]).toEqual([0, 2, 1, 3]);
    const text = Uint32Array.of(0, 1, 2);
    sortRows(text, ['b10', null, 'b9'], false);
    expect([...text]).toEqual([2, 0, 1]);
  });

  it('pages a large columnar table in the worker without copying it, sorting once per query', () => {
    const n = 200_000;
    const table = { names: ['i', 'g'], numRows: n, columns: [Float64Array.from({ length: n }, (_, i) => i), Array.from({ length: n }, (_, i) => `g${i % 7}`)] };
    const service = tableService();
    expect(service.page(table, { offset: n - 2, limit: 5 })).toEqual({ rows: [[n - 2, `g${(n - 2) % 7}`], [n - 1, `g${(n - 1) % 7}`]], total: n });
    const desc = service.page(table, { offset: 0, limit: 2, sort: { column: 'i', desc: true } });
    expect(desc.rows).toEqual([[n - 1, `g${(n - 1) % 7}`], [n - 2, `g${(n - 2) % 7}`]]);
    const filtered = service.page(table, { offset: 0, limit: 3, filter: 'g:g3' });
    expect(filtered.total).toBe(Math.floor((n - 4) / 7) + 1);
    expect(filtered.rows.map((r) => r[0])).toEqual([3, 10, 17]);
    const columns = service.columns(table);
    expect(columns[1]).toMatchObject({ name: 'g', type: 'string', distinct: 7, missing: 0 });
    expect(columns[0]!.bins!.reduce((s, b) => s + b.count, 0)).toBe(n);
  });
});
