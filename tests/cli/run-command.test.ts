import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { liftbook, ROOT, SPAWN_TIMEOUT } from './spawn-cli.js';

// `liftbook run`: the example notebook headless (report, JSON, snapshot, --param), a notebook that
// loads every input format from its own folder, and a notebook whose cell fails.

let dir: string;
const file = (name: string) => path.join(dir, name);
const EXAMPLE = path.join(ROOT, 'notebooks', 'did-personalization-work.md');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftbook-run-'));
  await copyFile(EXAMPLE, file('example.md'));
  const rows = Array.from({ length: 50 }, (_, i) => ({ id: i, arm: i % 2 ? 'b' : 'a', value: (i * 7) % 11, day: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`, note: i % 9 ? 'x' : 'two\nlines, "quoted"' }));
  const quote = (v: unknown) => (typeof v === 'string' && /[;,\t|"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  const delimited = (d: string) => [Object.keys(rows[0]).join(d), ...rows.map((r) => Object.values(r).map(quote).join(d))].join('\n') + '\n';
  await writeFile(file('rows.tsv'), delimited('\t'));
  await writeFile(file('rows-pipe.csv'), delimited('|'));
  await writeFile(file('rows.json'), JSON.stringify(rows));
  await writeFile(file('rows.arrow'), aq.toArrowIPC(aq.from(rows.map((r) => ({ ...r, day: new Date(`${r.day}T00:00:00Z`) })))));
  await writeFile(
    file('formats.md'),
    [
      '---',
      'title: Formats and failures',
      '---',
      'Each format, loaded relative to this file, must give the same table.',
      '',
      '```js id=tables',
      'const tables = { tsv: await load("rows.tsv"), pipe: await load("rows-pipe.csv"), json: await load("rows.json"), arrow: await load("data/../rows.arrow") }',
      '```',
      '',
      '```js id=same',
      'const same = Object.entries(tables).map(([format, t]) => ({ format, rows: t.numRows(), sum: t.rollup({ s: op.sum("value") }).get("s", 0), day: +t.get("day", 3), note: t.get("note", 0) }))',
      '```',
      '',
      '```js id=broken',
      'const broken = tables.tsv.column("no_such_column").get(0)',
      '```',
      '',
      '```js id=after',
      'const after = broken + 1',
      '```',
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('liftbook run', () => {
  it('runs the example notebook to an HTML report with SVG charts, JSON, a snapshot, with --param overrides', async () => {
    const r = await liftbook(['run', file('example.md'), '--param', 'customers=1200', '--param', 'seed=7', '--html', file('report.html'), '--json', '--snapshot']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.params).toEqual({ seed: 7, customers: 1200, alpha: 0.05 });
    const cells = Object.fromEntries(json.cells.map((c: { id: string }) => [c.id, c]));
    for (const c of json.cells) {
      expect(c.status, c.id).toBe('done');
      expect(typeof c.ms).toBe('number');
    }
    expect(cells.units.value).toMatchObject({ kind: 'table', numRows: 1200 });
    expect(cells.lift.value.kind).toBe('recipe-result');
    expect(cells.lift.value.metrics.units).toBe(1200);
    expect(cells.segment_chart.value.kind).toBe('chart');
    expect(cells.weekly_chart.value.kind).toBe('html'); // Plot.plot(...) drawn in the worker
    // The conclusion cell only declares names: each shows, the verdict text among them.
    expect(cells.verdict.value.kind).toBe('declared');
    const verdict = cells.verdict.value.values.find((v: { name: string }) => v.name === 'verdict').value;
    expect(verdict.kind).toBe('text');
    expect(verdict.text).toMatch(/^converted: [+-]\d+\.\d%/m);
    const report = await readFile(file('report.html'), 'utf8');
    expect(report).toContain('<h1>Did personalization work?</h1>');
    expect(report).toContain('parameters: seed = 7, customers = 1200, alpha = 0.05');
    expect((report.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(5); // lift's charts + segment + weekly
    expect(report).toContain('Conversion by segment');
    expect(report).toContain('Revenue per customer, week by week');
    expect(report).not.toMatch(/<script|src="http/);
    expect(report).toContain(verdict.text.split('\n')[0]);
    const snapshot = JSON.parse(await readFile(file('example.md.snapshot.json'), 'utf8'));
    expect(snapshot.version).toBe(1);
    expect(snapshot.params.seed).toBe(7);
    expect(snapshot.cells.lift).toMatchObject({ status: 'done', hash: expect.stringMatching(/^[0-9a-f]+$/) });
  }, SPAWN_TIMEOUT);

  it('loads TSV, "|" CSV, JSON and Arrow relative to the notebook; a failing cell exits 1 naming it', async () => {
    const r = await liftbook(['run', file('formats.md'), '--json', '--html', file('formats.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cell broken failed: .*/);
    expect(r.stderr).toMatch(/cell after failed: not run because cell broken failed/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    const cells = Object.fromEntries(json.cells.map((c: { id: string }) => [c.id, c]));
    expect(cells.tables.status).toBe('done');
    expect(cells.broken.status).toBe('error');
    const same = cells.same.value.json as { format: string; rows: number; sum: number; day: number; note: string }[];
    expect(same.map((s) => s.format)).toEqual(['tsv', 'pipe', 'json', 'arrow']);
    for (const s of same) {
      expect(s, s.format).toEqual({ format: s.format, rows: 50, sum: same[0].sum, day: Date.UTC(2025, 0, 4), note: 'two\nlines, "quoted"' });
    }
    const report = await readFile(file('formats.html'), 'utf8');
    expect(report).toMatch(/class="cell error" id="cell-broken"/);
  }, SPAWN_TIMEOUT);

  it('exits 1 on a bad or unknown parameter or a missing notebook, 2 on usage errors', async () => {
    const [badValue, unknown, missing, noFile, badFlag] = await Promise.all([
      liftbook(['run', file('example.md'), '--param', 'seed=abc']),
      liftbook(['run', file('example.md'), '--param', 'colour=red']),
      liftbook(['run', file('nope.md')]),
      liftbook(['run']),
      liftbook(['run', file('example.md'), '--pdf', 'x.pdf']),
    ]);
    expect(badValue.code).toBe(1);
    expect(badValue.stderr).toMatch(/parameter "seed" expects a number, got "abc"/);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/colour/);
    expect(unknown.stderr).toMatch(/seed/);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read the notebook .*nope\.md: no such file/);
    for (const r of [badValue, unknown, missing]) expect(r.stdout).toBe('');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('Usage: liftbook run <notebook.md>');
    expect(badFlag.code).toBe(2);
  }, SPAWN_TIMEOUT);
});
