import * as aq from 'arquero';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { summarizeValue, tablePage, toJsonSafe } from './summarize.js';

describe('summarizeValue', () => {
  it('shows an Arquero table as columns, types, row count and the first rows', () => {
    const table = aq.table({ n: [1, 2, 3], s: ['a', null, 'c'], d: [null, new Date(0), null], b: [true, false, true] });
    expect(summarizeValue(table, { maxRows: 2, register: () => 'h1' })).toEqual({
      kind: 'table',
      handle: 'h1',
      columns: ['n', 's', 'd', 'b'],
      types: ['number', 'string', 'date', 'boolean'],
      numRows: 3,
      offset: 0,
      rows: [{ n: 1, s: 'a', d: null, b: true }, { n: 2, s: null, d: '1970-01-01T00:00:00.000Z', b: false }],
    });
    expect(tablePage(table, 2, 10)).toEqual([{ n: 3, s: 'c', d: null, b: true }]);
  });

  it('pages a filtered, ordered table in its own row order', () => {
    const table = aq.table({ n: [5, 1, 4, 2, 3] }).filter((d: { n: number }) => d.n > 1).orderby('n');
    expect(tablePage(table, 1, 2)).toEqual([{ n: 3 }, { n: 4 }]);
    expect(summarizeValue(table, { maxRows: 1 })).toMatchObject({ numRows: 4, rows: [{ n: 2 }] });
  });

  it('shows an object with marks as a chart spec, functions dropped', () => {
    const spec = { id: 'c', title: 'Effect', marks: [{ mark: 'dot', data: [{ x: 1 }], options: { x: 'x', fill: () => 'red' } }] };
    expect(summarizeValue(spec)).toEqual({ kind: 'chart', spec: { id: 'c', title: 'Effect', marks: [{ mark: 'dot', data: [{ x: 1 }], options: { x: 'x' } }] } });
  });

  it('shows a RecipeResult as metrics, table summaries, charts and notes', () => {
    const result = { metrics: { lift: 0.1, p: NaN }, tables: { effects: aq.table({ v: ['b'] }) }, charts: [], notes: ['fine'] };
    expect(summarizeValue(result)).toEqual({
      kind: 'recipe-result',
      metrics: { lift: 0.1, p: null },
      tables: { effects: { kind: 'table', columns: ['v'], types: ['string'], numRows: 1, offset: 0, rows: [{ v: 'b' }] } },
      charts: [],
      notes: ['fine'],
    });
  });

  it('shows DOM and SVG elements as their HTML', () => {
    const { document } = parseHTML('<html><body></body></html>');
    const svg = document.createElement('svg');
    svg.setAttribute('width', '10');
    expect(summarizeValue(svg)).toEqual({ kind: 'html', html: '<svg width="10"></svg>' });
  });

  it('shows strings as text, errors as errors, functions by their first line, the rest as JSON', () => {
    expect(summarizeValue('hi')).toEqual({ kind: 'text', text: 'hi' });
    expect(summarizeValue(new RangeError('no'))).toEqual({ kind: 'error', message: 'no', name: 'RangeError' });
    expect(summarizeValue(function f(a: number) {
      return a;
    })).toEqual({ kind: 'function', text: 'function f(a) {' });
    expect(summarizeValue(undefined)).toEqual({ kind: 'undefined' });
    expect(summarizeValue({ m: new Map([['k', 1n]]), s: new Set([1]), t: new Float64Array([0.5, Infinity]) })).toEqual({
      kind: 'json', json: { m: { k: 1 }, s: [1], t: [0.5, null] },
    });
  });

  it('cuts long arrays and cycles, and says so', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(summarizeValue(a)).toEqual({ kind: 'json', json: { name: 'a', self: null }, truncated: true });
    const long = toJsonSafe(Array.from({ length: 1500 }, (_, i) => i));
    expect(long.truncated).toBe(true);
    expect((long.value as number[]).length).toBe(1000);
  });

  it('never throws: a value whose getters throw becomes an error summary', () => {
    const bad = { get boom(): never { throw new Error('getter'); } };
    expect(summarizeValue(bad)).toEqual({ kind: 'error', message: 'cannot display this value: getter' });
  });
});
