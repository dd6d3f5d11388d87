import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { resultToJSON } from './result-json.js';
import { resultJsonText } from './result-json-text.js';
import type { RecipeResult } from './types.js';

const text = (result: RecipeResult, engine = null) => [...resultJsonText('r', { alpha: 0.05, when: new Date(0) }, result, engine)].join('');
const expected = (result: RecipeResult, engine = null) => JSON.stringify(resultToJSON('r', { alpha: 0.05, when: new Date(0) }, result, engine));

describe('resultJsonText', () => {
  it('writes the same text as JSON.stringify of the result object, for every kind of value', () => {
    const t = aq.table({
      id: ['b', 'a "quoted"\n', 'c', 'é ≥ 😀', ''],
      x: Float64Array.of(2, NaN, -0, 1e21, 5e-324),
      y: [Infinity, null, undefined, 0.1 + 0.2, -1.5],
      d: [new Date(0), new Date(NaN), null, new Date(86_400_000), undefined],
      n: [1n, 2n, 3n, 2n ** 64n, 0n],
      b: [true, false, null, true, false],
      list: [[1, Infinity], [], [2], null, [{ k: NaN }]],
      'odd "key"': [{ a: 1 }, null, 'x', 3, undefined],
    });
    const result: RecipeResult = {
      metrics: { p: 0.5, none: NaN, verdict: 'yes' },
      tables: { all: t, ordered: t.orderby('id'), filtered: t.filter((r: { x: number }) => r.x > 0), empty: t.filter(() => false) },
      charts: [{ type: 'bar', data: [1, NaN] }] as never,
      notes: ['a note', 'n/a ≥ 1'],
    };
    expect(text(result)).toBe(expected(result));
    expect(JSON.parse(text(result)).tables.ordered[0].id).toBe('');
  });

  it('writes many rows in pieces that join to one document', () => {
    const n = 10_001;
    const t = aq.table({ k: Array.from({ length: n }, (_, i) => `c${i}`), v: Float64Array.from({ length: n }, (_, i) => i / 7) });
    const result: RecipeResult = { metrics: {}, tables: { customers: t, one: aq.table({ a: [1] }) }, charts: [], notes: [] };
    const pieces = [...resultJsonText('clv', {}, result, { source: 'local', kind: 'duckdb', pushdown: true, rows_read: 5, rows_fetched: 2, ms: 1 } as never)];
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(JSON.stringify(resultToJSON('clv', {}, result, { source: 'local', kind: 'duckdb', pushdown: true, rows_read: 5, rows_fetched: 2, ms: 1 } as never)));
    expect(JSON.parse(pieces.join('')).tables.customers[n - 1]).toEqual({ k: `c${n - 1}`, v: (n - 1) / 7 });
  });

  it('writes columns of few distinct values (whose texts it remembers) the same way', () => {
    const day = new Date(0);
    const few = [0, -0, NaN, 1 / 7, 'a"b', undefined, null, day, true, 2n];
    const n = 5000;
    const t = aq.table({ few: Array.from({ length: n }, (_, i) => few[i % few.length]), weeks: Float64Array.from({ length: n }, (_, i) => (i % 300) / 7) });
    const result: RecipeResult = { metrics: {}, tables: { t }, charts: [], notes: [] };
    expect(text(result)).toBe(expected(result));
  });

  it('writes a result without tables, charts or notes', () => {
    const result = { metrics: { n: 1 }, tables: {} } as unknown as RecipeResult;
    expect(text(result)).toBe(expected(result));
  });
});
