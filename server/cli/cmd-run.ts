import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RecipeInputError } from '../../recipes/errors.js';
import { createSnapshot } from '../../notebook/snapshot.js';
import { closeSharedPool } from '../runner/run-in-worker.js';
import { parseCommand, parseKeyValues, UsageError } from './args.js';
import { onInterrupt } from './interrupt.js';
import { runNotebookFile, type HeadlessRun } from './notebook-host.js';
import { emit } from './output.js';
import { USAGE } from './usage.js';

/**
 * `liftbook run <notebook.md> [--param k=v …] [--source NAME=URL …] [--html file] [--json] [--snapshot]`: runs a notebook
 * headless. Exit 1 when any cell failed, naming each failed cell and its error on stderr.
 *
 * @example
 * await runCommand(['notebooks/did-personalization-work.md', '--param', 'seed=7', '--html', 'report.html']);
 */
export async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    'run',
    args,
    { param: { type: 'string', multiple: true }, source: { type: 'string', multiple: true }, html: { type: 'string' }, json: { type: 'boolean' }, snapshot: { type: 'boolean' } },
    1,
  );
  if (values.help) return emit(USAGE.run + '\n').then(() => 0);
  const file = positionals[0];
  if (!file) throw new UsageError('which notebook? Give its file, e.g. "liftbook run notebooks/did-personalization-work.md"', 'run');
  // Notebook parameters are typed by their declarations, so they are passed on as strings.
  const overrides = parseKeyValues(values.param, 'param', false, 'run');
  // SQL cells' sources (`source=wh`); LIFTBOOK_SOURCE_<NAME> works too and keeps passwords out of shell history.
  const sources = parseKeyValues(values.source, 'source', false, 'run') as Record<string, string>;

  const interrupt = onInterrupt();
  let run: HeadlessRun;
  try {
    run = await runNotebookFile(file, overrides, interrupt.signal, { sources });
  } finally {
    interrupt.dispose();
    await closeSharedPool();
  }
  for (const d of run.doc.diagnostics) process.stderr.write(`liftbook: ${file}:${d.line}: ${d.message}\n`);

  if (values.html) {
    // Loaded only for a report: its sanitizer brings jsdom, a second of start-up every run paid.
    const { notebookReportHtml } = await import('../report/notebook-report.js');
    const html = await notebookReportHtml(run.doc, Object.fromEntries(run.cells.map((c) => [c.id, c])), {
      title: path.basename(file, path.extname(file)),
      params: run.params,
    });
    await writeOut(values.html, html);
  }
  if (values.snapshot) {
    const snapshot = createSnapshot(run.doc, Object.fromEntries(run.cells.map((c) => [c.id, c])), { params: run.params });
    await writeOut(`${file}.snapshot.json`, JSON.stringify(snapshot, null, 2) + '\n');
  }
  if (values.json) {
    const cells = run.cells.map((c) => ({ id: c.id, status: c.status, ms: c.ms ?? null, value: c.value ?? null, displays: c.displays, error: c.error ?? null }));
    await emit(JSON.stringify({ notebook: file, params: run.params, ok: run.cells.every((c) => c.status === 'done'), cells }) + '\n');
  }

  const failed = run.cells.filter((c) => c.status !== 'done');
  if (interrupt.signal.aborted) {
    process.stderr.write('liftbook: cancelled.\n');
    return 130;
  }
  for (const cell of failed) {
    const why = cell.error
      ? cell.error.upstream
        ? `not run because cell ${cell.error.upstream} failed`
        : `${cell.error.message}${cell.error.line ? ` (line ${cell.error.line} of the cell)` : ''}`
      : `ended ${cell.status}`;
    process.stderr.write(`liftbook: cell ${cell.id} failed: ${why}\n`);
  }
  if (!values.json) {
    const ms = run.cells.reduce((sum, c) => sum + (c.ms ?? 0), 0);
    process.stderr.write(`${run.cells.length - failed.length} of ${run.cells.length} cells ran (${Math.round(ms)} ms)${values.html ? `; report: ${values.html}` : ''}.\n`);
  }
  return failed.length ? 1 : 0;
}

async function writeOut(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new RecipeInputError(`Cannot write ${file}: ${(error as Error).message}`);
  }
}
