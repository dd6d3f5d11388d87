import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../../recipes/errors.js';
import { resultToJSON } from '../../recipes/result-json.js';
import { cellSources, parseNotebook } from '../../notebook/format.js';
import { resolveParams } from '../../notebook/params.js';
import type { FromWorker, SqlRequest, ToWorker } from '../../notebook/protocol.js';
import type { CellError, CellStatus, NotebookDoc, ValueSummary } from '../../notebook/types.js';
import { loadNamedTable } from '../datasets/load-named.js';
import { rowsToTable } from '../io/read-json.js';
import { runRecipeInWorker } from '../runner/run-in-worker.js';
import { notebookSql } from './notebook-sql.js';

/** A cell's last run as the headless host saw it. */
export interface HeadlessCell {
  id: string;
  status: CellStatus;
  ms?: number;
  value?: ValueSummary;
  displays: ValueSummary[];
  error?: CellError;
}

export interface HeadlessRun {
  doc: NotebookDoc;
  params: Record<string, unknown>;
  cells: HeadlessCell[];
}

const BOOT = new URL('../runner/worker-boot.js', import.meta.url);
const ENTRY = new URL('./notebook-worker.ts', import.meta.url).href;
const FINAL: CellStatus[] = ['done', 'error', 'cancelled', 'stale', 'idle'];
/** How long a cancelled run may take to wind down before its worker is stopped. */
const CANCEL_GRACE_MS = 5000;

/**
 * Runs every cell of a notebook file in a worker thread and collects each cell's final status,
 * time and value summary. Cells' `load(name, {seed, customers})` reads files relative to the
 * notebook's folder or bundled datasets; `recipe(id, inputs, params)` runs in the recipe pool;
 * SQL cells run on the embedded DuckDB or on `options.sources` (see notebookSql).
 * `overrides` are `--param` values for the parameters the front matter declares.
 *
 * @example
 * const run = await runNotebookFile('notebooks/did-personalization-work.md', { seed: '7' });
 * run.cells.filter((c) => c.status === 'error');
 */
export async function runNotebookFile(
  file: string,
  overrides: Record<string, unknown> = {},
  signal?: AbortSignal,
  options: { sources?: Record<string, string> } = {},
): Promise<HeadlessRun> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RecipeInputError(`Cannot read the notebook ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  const doc = parseNotebook(text);
  const params = resolveParams(doc, overrides);
  const baseDir = path.dirname(path.resolve(file));
  const sources = cellSources(doc);
  const cells = new Map<string, HeadlessCell>(sources.map((c) => [c.id, { id: c.id, status: 'idle', displays: [] }]));
  if (sources.length === 0) return { doc, params, cells: [...cells.values()] };

  const sql = notebookSql(baseDir, options.sources);
  const worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
  const post = (message: ToWorker) => worker.postMessage(message);
  const requests = new Map<number, AbortController>();
  const versions = new Map<string, number>();

  // Done when the runtime has gone idle, every cell has settled and no host call is still out
  // (after a cancel, an aborted recipe may answer after the runtime's last `idle`).
  let idleSeen = false;
  let finish = () => {};
  const maybeFinish = () => {
    if (idleSeen && requests.size === 0 && [...cells.values()].every((c) => FINAL.includes(c.status))) finish();
  };

  const answer = async (requestId: number, fn: string, args: unknown[]) => {
    const controller = new AbortController();
    requests.set(requestId, controller);
    try {
      const value = fn === 'sql' ? await sql.run(args[0] as SqlRequest, controller.signal) : await hostCall(fn, args, baseDir, controller.signal);
      post({ type: 'host-reply', requestId, ok: true, value });
    } catch (error) {
      post({ type: 'host-reply', requestId, ok: false, error: { message: (error as Error).message } });
    } finally {
      requests.delete(requestId);
      maybeFinish();
    }
  };

  try {
    await new Promise<void>((resolve, reject) => {
      finish = resolve;
      const onAbort = () => {
        for (const c of requests.values()) c.abort();
        post({ type: 'cancel' });
        // A cell stuck in synchronous code never sees its signal: stop waiting, the worker is terminated below.
        setTimeout(() => {
          for (const c of cells.values()) if (!FINAL.includes(c.status)) Object.assign(c, { status: 'cancelled', error: { message: 'stopped' } });
          resolve();
        }, CANCEL_GRACE_MS).unref();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`The notebook worker stopped unexpectedly (exit code ${code}).`)));
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            if (signal?.aborted) resolve();
            else post({ type: 'set-notebook', cells: sources, params });
            break;
          case 'cell-status': {
            if ((versions.get(message.id) ?? -1) > message.version) break;
            if (versions.get(message.id) !== message.version) cells.get(message.id)!.displays = [];
            versions.set(message.id, message.version);
            const cell = cells.get(message.id)!;
            if (!FINAL.includes(message.status)) idleSeen = false;
            Object.assign(cell, { status: message.status, ms: message.ms, value: message.value, error: message.error });
            if (message.displays) cell.displays = message.displays;
            break;
          }
          case 'cell-display':
            if (versions.get(message.id) === message.version) cells.get(message.id)?.displays.push(message.value);
            break;
          case 'host-request':
            void answer(message.requestId, message.fn, message.args);
            break;
          case 'host-cancel':
            requests.get(message.requestId)?.abort();
            break;
          case 'idle':
            idleSeen = true;
            maybeFinish();
            break;
        }
      });
    });
  } finally {
    await worker.terminate();
    await sql.close();
  }
  return { doc, params, cells: [...cells.values()] };
}

/** The host functions cells may call; tables arrive as row arrays and leave as columns or JSON. */
async function hostCall(fn: string, args: unknown[], baseDir: string, signal: AbortSignal): Promise<unknown> {
  if (fn === 'load') {
    const [name, options] = args as [string, { seed?: number; customers?: number } | undefined];
    const table = await loadNamedTable(name, { ...options, baseDir });
    return { columns: Object.fromEntries(table.columnNames().map((c) => [c, Array.from(table.array(c) as ArrayLike<unknown>)])) };
  }
  if (fn === 'recipe') {
    const [id, inputs, params] = args as [string, Record<string, unknown>, unknown];
    if (typeof id !== 'string') throw new RecipeInputError('recipe() needs a recipe id first, e.g. recipe("lift", { units }, { variant: "variant" }).');
    const tables: Record<string, ColumnTable> = {};
    for (const [name, rows] of Object.entries(inputs ?? {})) {
      if (!Array.isArray(rows)) throw new RecipeInputError(`recipe("${id}"): input "${name}" must be a table.`);
      tables[name] = rowsToTable(rows, `input "${name}"`);
    }
    const run = await runRecipeInWorker(id, tables, params ?? {}, { signal });
    return resultToJSON(id, run.params, run.result, run.engine);
  }
  throw new Error(`Unknown host function ${fn}.`);
}
