/**
 * The message protocol between a host (the page, or the CLI's main thread) and a notebook
 * runtime running in a worker (Web Worker or Node worker_thread). Everything here is
 * structured-clone safe; values cross as `ValueSummary`, never as live objects.
 */
import type { InputRaw } from './input-spec.js';
import type { CellError, CellLang, CellSource, CellStatus, ValueSummary } from './types.js';

/** Messages the host posts to the worker. */
export type ToWorker =
  /**
   * Replace the notebook. Cells whose code (or resolved inputs) did not change keep their values.
   * Eager mode runs what changed and its dependents; lazy mode marks them `stale`.
   * `stopped`: cells a hard stop killed — they and their dependents are `cancelled`, not run,
   * and everything else runs (in lazy mode too: the restart restores the lost values).
   */
  | {
      type: 'set-notebook';
      cells: CellSource[];
      params?: Record<string, unknown>;
      lazy?: boolean;
      stopped?: string[];
    }
  /** Submit one cell's code (Shift-Enter): it runs; dependents run (eager) or go `stale` (lazy). */
  | { type: 'set-cell'; id: string; code: string; lang?: CellLang; source?: string }
  /** Re-run one cell (and any stale cells above it), then its dependents (eager) / mark them stale (lazy). */
  | { type: 'run'; id: string }
  /** Run every cell that is not `done` (stale, idle, cancelled, error). */
  | { type: 'run-all' }
  /** Abort a running cell's `signal` and cancel its queued dependents; no id = everything. */
  | { type: 'cancel'; id?: string }
  /** Change notebook parameter values; cells reading a changed one re-run (eager) or go stale (lazy). */
  | { type: 'set-params'; params: Record<string, unknown> }
  /**
   * The reader changed input `key` of cell `id` (a `kind: 'input'` display with that key) to `value`
   * (its raw form, see `InputRaw`): the cell re-runs, so `view` returns the new value, and its
   * dependents run (eager) or go stale (lazy). Sent before the cell ran, the value waits for it.
   */
  | { type: 'set-input'; id: string; key: string; value: InputRaw }
  /** The host's answer to a `host-request`. */
  | { type: 'host-reply'; requestId: number; ok: true; value: unknown }
  | { type: 'host-reply'; requestId: number; ok: false; error: { message: string } }
  /** Ask for more rows of a table summary (`handle` from its `ValueSummary`). */
  | { type: 'table-rows'; requestId: number; handle: string; offset: number; limit: number };

/** Messages the worker posts to the host. */
export type FromWorker =
  | { type: 'ready' }
  | {
      type: 'cell-status';
      id: string;
      status: CellStatus;
      version: number;
      ms?: number;
      value?: ValueSummary;
      displays?: ValueSummary[];
      error?: CellError;
      defines: string[];
      references: string[];
    }
  | { type: 'cell-display'; id: string; version: number; value: ValueSummary }
  | { type: 'cell-removed'; id: string }
  /** Nothing is queued or running any more (the CLI waits for this). */
  | { type: 'idle' }
  /**
   * A cell called a host function (`recipe`, `load`, or `sql` for a SQL cell: `args` is
   * `[SqlRequest]`, answered with a `SqlReply`): answer with `host-reply` of the same id.
   */
  | { type: 'host-request'; requestId: number; cellId: string; fn: string; args: unknown[] }
  /** The cell that made the request was cancelled or superseded: the host may abort it. */
  | { type: 'host-cancel'; requestId: number }
  | {
      type: 'table-rows';
      requestId: number;
      ok: boolean;
      offset: number;
      numRows: number;
      rows: Record<string, unknown>[];
      error?: string;
    };

/** What a SQL cell asks its host to run: `params` are bound to `$1`, `$2`, … in order. */
export interface SqlRequest {
  source: string;
  sql: string;
  params: unknown[];
}

/** The host's answer to a `sql` request. */
export interface SqlReply {
  /** Arrow IPC bytes, an array of row objects or `{columns: {name: values[]}}`. */
  table: unknown;
  /** More rows were there than `maxRows`: the table holds the first `maxRows`. */
  truncated: boolean;
  maxRows: number;
  /** Where it ran (as a recipe result's `engine`), when the host knows. */
  engine?: Record<string, unknown>;
}

/** The `set-notebook` message a host sends to a fresh worker after terminating a runaway one. */
export type SetNotebookMessage = Extract<ToWorker, { type: 'set-notebook' }>;

/**
 * What a host sends to a new worker after a hard stop: the last notebook, with the stopped cells
 * listed so that they and their dependents stay `cancelled` while everything else re-runs.
 *
 * @example
 * worker.terminate();
 * worker = new Worker(url, { type: 'module' });
 * worker.postMessage(restartPlan(lastSetNotebook, ['c3']));
 */
export function restartPlan(last: SetNotebookMessage, stopped: string[]): SetNotebookMessage {
  return { ...last, stopped: [...new Set([...(last.stopped ?? []), ...stopped])] };
}
