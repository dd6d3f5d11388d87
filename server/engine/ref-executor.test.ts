import * as aq from 'arquero';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRecipe, runRecipe } from '../../recipes/define-recipe.js';
import { lift } from '../../recipes/lift/index.js';
import { retention } from '../../recipes/retention/index.js';
import { resultToJSON } from '../../recipes/result-json.js';
import { rowsToCsv } from '../io/write-csv.js';
import { parseInputText, sourceUrls, type InputRef } from './input-ref.js';
import { openLocalEngine, type LocalEngine } from './local.js';
import { refExecutor } from './ref-executor.js';

const rows = Array.from({ length: 600 }, (_, i) => ({ customer_id: i, arm: i % 3 === 0 ? 'control' : 'personalized', converted: +(i % 5 === 0), revenue: (i * 7) % 31 }));
const params = { variant: 'arm', metrics: ['converted', 'revenue'] };
let dir: string;
let csv: string;
let warehouse: LocalEngine;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftbook-refs-'));
  csv = path.join(dir, 'units.csv');
  await writeFile(csv, rowsToCsv(rows));
  // A stand-in for a database source: another DuckDB holding the table, opened as the source "wh".
  warehouse = await openLocalEngine({ tables: { units: aq.from(rows) }, source: 'wh' });
});
afterAll(async () => {
  await warehouse.close();
  await rm(dir, { recursive: true, force: true });
});

const exec = refExecutor({ wh: 'duckdb://test' }, () => ({ ...proxy(warehouse), close: async () => {} }));
// The executor closes the engines it opened; the shared stand-in stays open for the next test.
function proxy(engine: LocalEngine) {
  return { source: engine.source, kind: engine.kind, dialect: engine.dialect, query: engine.query.bind(engine), stream: engine.stream.bind(engine), columns: engine.columns.bind(engine), tables: engine.tables.bind(engine) };
}

async function run(inputs: Record<string, InputRef>) {
  const out = await runRecipe(lift, { inputs, params, executor: exec });
  return { json: resultToJSON('lift', out.params, out.result), engine: out.engine };
}

describe('inputs by reference', () => {
  it('a file is aggregated in DuckDB where it lies, with the numbers of the same rows in memory', async () => {
    const reference = await runRecipe(lift, { inputs: { units: aq.from(rows) }, params });
    const { json, engine } = await run({ units: { file: csv } });
    expect(json.tables).toEqual(resultToJSON('lift', reference.params, reference.result).tables);
    expect(engine).toMatchObject({ source: 'local', kind: 'duckdb', pushdown: true, rows_fetched: 2 });
  });

  it('counts the rows of a file exactly, where DuckDB\'s progress only estimates them from its bytes', async () => {
    const many = Array.from({ length: 25_000 }, (_, i) => ({ arm: i % 2 ? 'control' : 'personalized', converted: +(i % 7 === 0), revenue: (i * 13) % 101 }));
    const big = path.join(dir, 'many.csv');
    await writeFile(big, rowsToCsv(many));
    const out = await runRecipe(lift, { inputs: { units: { file: big } }, params, executor: exec });
    expect(out.engine).toMatchObject({ rows_read: 25_000, rows_fetched: 2 });
  });

  it('a text file the plan scans several times is parsed once into a table, with the same result and its exact row count', async () => {
    const day = 86_400_000;
    const events = Array.from({ length: 3_000 }, (_, i) => ({ customer: `c${(i * 37) % 400}`, timestamp: new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % 90) * day).toISOString(), page: 'home' }));
    const file = path.join(dir, 'events.csv');
    await writeFile(file, rowsToCsv(events));
    const reference = await runRecipe(retention, { inputs: { events: aq.from(events) }, params: {} });
    const out = await runRecipe(retention, { inputs: { events: { file } }, params: {}, executor: exec });
    expect(resultToJSON('retention', out.params, out.result).tables).toEqual(resultToJSON('retention', reference.params, reference.result).tables);
    expect(out.engine).toMatchObject({ source: 'local', pushdown: true, rows_read: 3_000 });
  });

  it('a source table or query is aggregated on the source and only one row per arm comes back', async () => {
    const table = await run({ units: { source: 'wh', table: 'units' } });
    expect(table.engine).toMatchObject({ source: 'wh', kind: 'duckdb', pushdown: true, rows_fetched: 2 });
    const query = await run({ units: { source: 'wh', query: "SELECT * FROM units WHERE arm <> 'nobody';" } });
    expect(query.json.tables).toEqual(table.json.tables);
    expect(table.json.metrics.units).toBe(600);
  });

  it('a recipe without an aggregation phase gets rows, and says what it fetched from a source', async () => {
    const count = defineRecipe({
      id: 'count-rows', title: 'Count', description: 'Counts rows.', inputs: [{ name: 'units', description: 'rows', roles: [] }], params: z.object({}),
      async run({ inputs }) {
        return { metrics: { rows: inputs.units!.numRows(), revenue: inputs.units!.array('revenue')[3] as number }, tables: {}, charts: [], notes: [] };
      },
    });
    const fromSource = await runRecipe(count, { inputs: { units: { source: 'wh', table: 'units' } }, executor: exec });
    expect(fromSource.result.metrics).toEqual({ rows: 600, revenue: 21 });
    expect(fromSource.engine).toMatchObject({ source: 'wh', pushdown: false, rows_fetched: 600 });
    const fromFile = await runRecipe(count, { inputs: { units: { file: csv } }, executor: exec });
    expect(fromFile.result.metrics).toEqual({ rows: 600, revenue: 21 });
    expect(fromFile.engine).toBeNull();
  });

  it('names an unknown source, and reads drive paths and existing files as files', () => {
    expect(() => parseInputText('wh:units', {}, () => false)).toThrow(/names the source "wh", which is not defined\. No sources are defined\. Define it with --source wh=URL or LIFTBOOK_SOURCE_WH=URL/);
    expect(() => parseInputText('pg:units', { wh: 'x' }, () => false)).toThrow(/The sources are "wh"/);
    expect(parseInputText('C:\\data\\units.csv', { C: 'x' }, () => false)).toEqual({ path: 'C:\\data\\units.csv' });
    expect(parseInputText('wh:units.csv', { wh: 'x' }, (p) => p === 'wh:units.csv')).toEqual({ path: 'wh:units.csv' });
    expect(parseInputText('wh:shop.units', { wh: 'x' }, () => false)).toEqual({ source: 'wh', table: 'shop.units' });
    expect(parseInputText("wh:SELECT * FROM units WHERE day >= '2025-01-01'", { wh: 'x' }, () => false)).toEqual({ source: 'wh', query: "SELECT * FROM units WHERE day >= '2025-01-01'" });
    expect(parseInputText('shop/units', { wh: 'x' }, () => false)).toEqual({ path: 'shop/units' });
  });

  it('reads sources from LIFTBOOK_SOURCE_<NAME> and --source, the flag winning', () => {
    expect(sourceUrls(['wh=postgres://a@h/db'], { LIFTBOOK_SOURCE_WH: 'clickhouse://x@h/db', LIFTBOOK_SOURCE_PG: 'postgres://p@h/db', HOME: '/' })).toEqual({ wh: 'postgres://a@h/db', pg: 'postgres://p@h/db' });
    expect(() => sourceUrls(['wh'], {})).toThrow(/--source needs NAME=URL/);
  });
});
