import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runNotebookFile } from '../../server/cli/notebook-host.js';
import { notebookReportHtml } from '../../server/report/notebook-report.js';

// Inputs in `liftbook run`: nothing draws them headless, so each keeps its initial value — which a
// notebook param (`--param`) may set — and the report says which value the run used.

let dir: string;
const notebookFile = () => path.join(dir, 'inputs.md');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'liftbook-inputs-run-'));
  await writeFile(
    notebookFile(),
    [
      '---',
      'params:',
      '  weeks: 4',
      '---',
      '```js id=pick',
      'const n = view(Inputs.range([1, 10], { step: 1, value: weeks, label: "Weeks" }))',
      '```',
      '',
      '```js id=arm',
      'const arm = view(Inputs.select(["control", "email", "sms"], { value: "email", label: "Arm" }))',
      '```',
      '',
      '```js id=uses',
      '`${arm} over ${n} weeks`',
      '```',
      '',
      '```js id=bad',
      'const x = view(Inputs.range([0, 1], { transform: Math.log }))',
      '```',
      '',
    ].join('\n'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('liftbook run with inputs', () => {
  it('runs each input at its initial value; a param can set it; the report shows the values used', async () => {
    const run = await runNotebookFile(notebookFile(), { weeks: '6' });
    const cell = (id: string) => run.cells.find((c) => c.id === id)!;
    expect(cell('uses')).toMatchObject({ status: 'done', value: { kind: 'text', text: 'email over 6 weeks' } });
    expect(cell('pick').displays).toEqual([expect.objectContaining({ kind: 'input', key: '0', value: 6, text: '6', input: expect.objectContaining({ type: 'range', label: 'Weeks' }) })]);
    expect(cell('bad')).toMatchObject({ status: 'error', error: { message: expect.stringMatching(/Inputs.range: option "transform" is not supported here/) } });
    const html = await notebookReportHtml(run.doc, Object.fromEntries(run.cells.map((c) => [c.id, c])), { params: run.params });
    expect(html).toMatch(/<span class="input-label">Weeks<\/span> <b>6<\/b>/);
    expect(html).toMatch(/<span class="input-label">Arm<\/span> <b>email<\/b>/);
  }, 60_000);
});
