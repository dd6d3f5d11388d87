import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as aq from 'arquero';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runRecipe } from '../../recipes/define-recipe.js';
import { getRecipe } from '../../recipes/registry.js';
import { resultToJSON } from '../../recipes/result-json.js';
import { main } from '../../server/cli/cli.js';
import { liftbook, SPAWN_TIMEOUT } from './spawn-cli.js';

// The `recipe` and `recipes` commands, spawned as a user runs them: every input format, every
// output format, every exit status of the CLI contract in RECIPES.md.

let dir: string;
const rows: { unit: string; arm: string; converted: number; revenue: number; note: string }[] = [];
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftbook-cli-'));
  // 240 units; the treatment converts more often. A deterministic generator keeps results fixed.
  let state = 12345;
  const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 240; i++) {
    const arm = i % 2 ? 'personalized' : 'control';
    const converted = rand() < (arm === 'control' ? 0.2 : 0.32) ? 1 : 0;
    rows.push({ unit: `u${i}`, arm, converted, revenue: converted ? Math.round(rand() * 6000) / 100 : 0, note: i % 7 ? 'ok' : 'line one;\nline "two", | end' });
  }
  const quote = (v: unknown) => (typeof v === 'string' && /[;,\t|"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  const delimited = (d: string) => [Object.keys(rows[0]).join(d), ...rows.map((r) => Object.values(r).map(quote).join(d))].join('\n') + '\n';
  await writeFile(file('units-semicolon.csv'), delimited(';'));
  await writeFile(file('units.tsv'), delimited('\t'));
  await writeFile(file('units.json'), JSON.stringify(rows));
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`COPY (SELECT * FROM read_json_auto('${file('units.json')}')) TO '${file('units.parquet')}' (FORMAT parquet)`);
  connection.closeSync();
  await writeFile(file('params.json'), JSON.stringify({ variant: 'arm', metrics: ['converted', 'revenue'], alpha: 0.1 }));
  await writeFile(file('ragged.csv'), 'arm,converted\ncontrol,1\npersonalized\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('liftbook recipe', () => {
  it('reads CSV (";", multi-line quoted fields) and Parquet to the result of an in-process run', async () => {
    // TSV, "|" CSV, JSON and Arrow go through the same reader; tests/cli/run-command.test.ts loads them.
    const inputs = ['units-semicolon.csv', 'units.parquet'];
    const results = await Promise.all(
      inputs.map((name) => liftbook(['recipe', 'lift', '--input', `units=${file(name)}`, '--params', file('params.json'), '--param', 'alpha=0.05'])),
    );
    // The same run in-process, on the rows as JavaScript built them, is the reference.
    const { params, result } = await runRecipe(getRecipe('lift'), { inputs: { units: aq.from(rows) }, params: { variant: 'arm', metrics: ['converted', 'revenue'], alpha: 0.05 } });
    const expected = JSON.parse(JSON.stringify(resultToJSON('lift', params, result)));
    results.forEach((r, i) => {
      expect(r.stderr, inputs[i]).toBe('');
      expect(r.code, inputs[i]).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(Object.keys(json)).toEqual(['recipe', 'params', 'metrics', 'tables', 'charts', 'notes', 'engine']);
      // Where it ran differs by design: the CLI's DuckDB read the file, the reference got JS rows.
      expect(json.engine, inputs[i]).toMatchObject({ source: 'local', kind: 'duckdb', pushdown: true, rows_fetched: 2 });
      expect({ ...json, engine: null }, inputs[i]).toEqual(expected);
    });
    const json = JSON.parse(results[0].stdout);
    // --param wins over --params; defaults are filled in.
    expect(json.params).toMatchObject({ variant: 'arm', alpha: 0.05, difference: 'relative', sided: 'two' });
    expect(json.tables.comparisons).toHaveLength(2);
    expect(json.metrics.units).toBe(240);
  }, SPAWN_TIMEOUT);

  it('prints a readable table and writes a self-contained HTML report with SVG charts', async () => {
    const [table, html] = await Promise.all([
      liftbook(['recipe', 'lift', '--input', `units=${file('units.tsv')}`, '--param', 'variant=arm', '--param', 'metrics=["converted"]', '--format', 'table']),
      liftbook(['recipe', 'lift', '--input', `units=${file('units.json')}`, '--param', 'variant=arm', '--format', 'html', '--out', file('lift.html')]),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Recipe lift\nMetrics\n/);
    expect(table.stdout).toMatch(/Table comparisons \(1 rows\)/);
    expect(table.stdout).toMatch(/personalized\s+converted/);
    expect(html.code).toBe(0);
    expect(html.stdout).toBe('');
    const report = await readFile(file('lift.html'), 'utf8');
    expect(report).toMatch(/^<!doctype html>/);
    expect(report).toContain('<svg');
    expect(report).toContain('<table>');
    expect(report).not.toMatch(/<script|<link|src="http/);
  }, SPAWN_TIMEOUT);

  it('exits 1 with the reason on stderr and nothing on stdout when data or parameters are wrong', async () => {
    const cases = await Promise.all([
      liftbook(['recipe', 'lift', '--input', `units=${file('units.json')}`, '--param', 'variant=group']),
      liftbook(['recipe', 'lift', '--input', `units=${file('units.json')}`, '--param', 'variant=arm', '--param', 'alpha=2']),
      liftbook(['recipe', 'lift', '--input', `units=${file('ragged.csv')}`, '--param', 'variant=arm']),
      liftbook(['recipe', 'lift', '--input', `units=${file('missing.csv')}`]),
      liftbook(['recipe', 'lift', '--input', `units=${file('units.json')}`, '--params', file('units.tsv')]),
    ]);
    const messages = [/"group"/, /parameter "alpha"/, /ragged\.csv: data row 2 .* has 1 fields but the header has 2/, /Cannot find ".*missing\.csv": there is no file .* and no bundled dataset of that name/, /parameters file .*units\.tsv is not valid JSON/];
    cases.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(messages[i]);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }, SPAWN_TIMEOUT);

  it('runs a recipe whose inputs are all optional (power) on parameters alone', async () => {
    const r = await liftbook(['recipe', 'power', '--param', 'baseline=0.1', '--param', 'effect=0.05', '--param', 'units_per_day=5000']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.metrics.total_sample_size).toBe(2 * out.metrics.sample_size_per_arm);
    expect(out.metrics.days_needed).toBe(Math.ceil(out.metrics.total_sample_size / 5000));
  }, SPAWN_TIMEOUT);

  it('exits 2 with the usage on usage errors', async () => {
    const cases = await Promise.all([
      liftbook(['recipe', 'no-such-recipe', '--input', 'units=x.csv']),
      liftbook(['recipe', 'lift']),
      liftbook(['recipe', 'lift', '--input', 'units=x.csv', '--format', 'xml']),
      liftbook(['recipe', 'lift', '--input', 'units=x.csv', '--param', 'alpha']),
      liftbook(['recipe', 'lift', '--input', 'units=x.csv', '--colour']),
    ]);
    const messages = [/no recipe "no-such-recipe"; known recipes: .*lift/, /at least one --input/, /--format must be one of json, table, html/, /--param needs <name>=<value>/, /Unknown option '--colour'/];
    cases.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(messages[i]);
      expect(r.stderr).toContain('Usage: liftbook recipe <id>');
    });
  }, SPAWN_TIMEOUT);
});

describe('liftbook recipes, help and unknown commands', () => {
  it('lists recipes as JSON descriptors with parameter JSON Schemas, and as text', async () => {
    const [json, text] = await Promise.all([liftbook(['recipes', '--json']), liftbook(['recipes'])]);
    expect(json.code).toBe(0);
    const lift = JSON.parse(json.stdout).find((r: { id: string }) => r.id === 'lift');
    expect(lift.inputs.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(['units', 'summary']));
    expect(lift.params.properties.alpha).toMatchObject({ type: 'number', default: 0.05 });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^lift\s+\S/m);
  }, SPAWN_TIMEOUT);

  it('prints help on --help, exits 2 on an unknown command (spawned)', async () => {
    const [main, unknown] = await Promise.all([liftbook(['--help']), liftbook(['frobnicate'])]);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/Commands:\n\s+recipes/);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    expect(unknown.stderr).toContain('Usage: liftbook <command>');
  }, SPAWN_TIMEOUT);

  it('has --help on every command and exits 2 without a command (in-process, same main)', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(((_c: unknown, cb?: () => void) => (cb?.(), true)) as never);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((() => true) as never);
    try {
      for (const command of ['recipes', 'recipe', 'run', 'serve', 'generate', 'user']) {
        out.mockClear();
        expect(await main([command, '--help']), command).toBe(0);
        expect(String(out.mock.calls[0]?.[0])).toContain(`Usage: liftbook ${command}`);
      }
      err.mockClear();
      expect(await main([])).toBe(2);
      expect(String(err.mock.calls[0]?.[0])).toMatch(/which command\?[\s\S]*Usage: liftbook <command>/);
      expect(await main(['--verbose'])).toBe(2);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
