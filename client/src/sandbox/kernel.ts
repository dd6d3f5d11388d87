import type { CellSource } from '../../../notebook/types.js';
import type { InputRaw } from '../../../notebook/input-spec.js';
import type { FromWorker, ToWorker } from '../../../notebook/protocol.js';
import SandboxWorker from './sandbox-worker.ts?worker';
import type { TableReply, TableRequest } from './sandbox-messages.js';
import type { ColumnInfo, RowPage, RowQuery } from '../outputs/table-source.js';

/** What the page does for cell code: the host functions (which need the page's credentials). */
export interface KernelHost {
  onMessage(message: FromWorker): void;
  hostCall(fn: string, args: unknown[], cellId: string, signal: AbortSignal): Promise<unknown>;
  /** A fresh worker replaced a runaway one: old table handles are gone. */
  onRestart(): void;
}

// After a soft cancel, a cell that is still running this long later is spinning: kill its worker.
const HARD_STOP_AFTER_MS = 800;

/**
 * The page side of the sandbox: owns the dedicated worker that runs cell code, answers its
 * `recipe`/`load` requests, and stops runaway cells by terminating and replacing the worker.
 *
 * @example
 * const kernel = new Kernel(host);
 * kernel.setNotebook(cellSources(doc), false);
 */
export class Kernel {
  private worker!: Worker;
  private cells: CellSource[] = [];
  private lazy = false;
  private params: Record<string, unknown> = {};
  /** The reader's input values (cell, key → raw), replayed to a restarted worker. */
  private inputs = new Map<string, { id: string; key: string; value: InputRaw }>();
  private running = new Set<string>();
  private hostCalls = new Map<number, AbortController>();
  private tableCalls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  /** How many workers this kernel has started (tests and the status bar read it). */
  generation = 0;

  constructor(private readonly host: KernelHost) {
    this.start();
  }

  private start(): void {
    this.generation++;
    this.worker = new SandboxWorker({ name: 'liftbook-sandbox' });
    this.running.clear();
    this.worker.onmessage = (event: MessageEvent<FromWorker | TableReply>) => this.receive(event.data);
    this.worker.onerror = (event) => console.error('sandbox worker error', event.message);
  }

  private post(message: ToWorker | TableRequest): void {
    // Arrow bytes from `load` move to the worker instead of being copied.
    const value = message.type === 'host-reply' && message.ok ? message.value : null;
    this.worker.postMessage(message, value instanceof Uint8Array ? [value.buffer] : []);
  }

  private receive(message: FromWorker | TableReply): void {
    switch (message.type) {
      case 'host-request': {
        const controller = new AbortController();
        this.hostCalls.set(message.requestId, controller);
        this.host.hostCall(message.fn, message.args, message.cellId, controller.signal).then(
          (value) => this.post({ type: 'host-reply', requestId: message.requestId, ok: true, value }),
          (error: Error) => this.post({ type: 'host-reply', requestId: message.requestId, ok: false, error: { message: error.message } }),
        ).finally(() => this.hostCalls.delete(message.requestId));
        return;
      }
      case 'host-cancel':
        this.hostCalls.get(message.requestId)?.abort();
        return;
      case 'table-rows':
      case 'lb-table-page':
      case 'lb-table-columns': {
        const call = this.tableCalls.get(message.requestId);
        this.tableCalls.delete(message.requestId);
        if (message.ok) call?.resolve(message);
        else call?.reject(new Error(('error' in message && message.error) || 'The table is no longer available; re-run its cell.'));
        return;
      }
      case 'cell-status':
        if (message.status === 'running') this.running.add(message.id);
        else this.running.delete(message.id);
        break;
      case 'cell-removed':
        this.running.delete(message.id);
        break;
    }
    this.host.onMessage(message as FromWorker);
  }

  /** Sends the whole notebook; only what changed re-runs (or goes stale in lazy mode). */
  setNotebook(cells: CellSource[], lazy: boolean, params: Record<string, unknown> = this.params): void {
    this.cells = cells;
    this.lazy = lazy;
    this.params = params;
    this.post({ type: 'set-notebook', cells, lazy, params });
  }

  /** New notebook parameter values: cells reading a changed one re-run (or go stale). */
  setParams(params: Record<string, unknown>): void {
    this.params = { ...this.params, ...params };
    this.post({ type: 'set-params', params });
  }

  /** The reader changed an input of a cell (`view(Inputs.…)`): the cell and its dependents re-run. */
  setInput(id: string, key: string, value: InputRaw): void {
    this.inputs.set(`${id}\u0000${key}`, { id, key, value });
    this.post({ type: 'set-input', id, key, value });
  }

  /** Submits one cell's code and runs it (Shift-Enter). */
  setCell(cell: CellSource): void {
    this.cells = this.cells.some((c) => c.id === cell.id) ? this.cells.map((c) => (c.id === cell.id ? cell : c)) : [...this.cells, cell];
    this.post({ type: 'set-cell', id: cell.id, code: cell.code, lang: cell.lang, ...(cell.source !== undefined ? { source: cell.source } : {}) });
  }

  run(id: string): void {
    this.post({ type: 'run', id });
  }

  runAll(): void {
    this.post({ type: 'run-all' });
  }

  isRunning(id?: string): boolean {
    return id ? this.running.has(id) : this.running.size > 0;
  }

  /**
   * Stops a cell (or everything): first a soft cancel through its `signal`; if it is still running
   * shortly after (a `while (true) {}` never looks at its signal), the worker is replaced.
   */
  stop(id?: string): void {
    this.post({ type: 'cancel', id });
    for (const controller of this.hostCalls.values()) if (!id) controller.abort();
    const generation = this.generation;
    setTimeout(() => {
      if (generation !== this.generation) return;
      const spinning = id ? (this.running.has(id) ? [id] : []) : [...this.running];
      if (spinning.length) this.restart(spinning);
    }, HARD_STOP_AFTER_MS);
  }

  /** Terminates the worker and starts a new one that re-runs everything but the stopped cells. */
  restart(stopped: string[]): void {
    this.worker.terminate();
    for (const controller of this.hostCalls.values()) controller.abort();
    this.hostCalls.clear();
    for (const call of this.tableCalls.values()) call.reject(new Error('The sandbox was restarted.'));
    this.tableCalls.clear();
    const wasRunning = [...this.running];
    this.start();
    this.host.onRestart();
    for (const id of wasRunning) this.host.onMessage({ type: 'cell-status', id, status: 'cancelled', version: 0, error: { message: 'Stopped: the sandbox was restarted.' }, defines: [], references: [] });
    // Inputs keep what the reader set: the new worker holds the values until their cells run.
    for (const input of this.inputs.values()) this.post({ type: 'set-input', ...input });
    this.post({ type: 'set-notebook', cells: this.cells, lazy: this.lazy, params: this.params, stopped });
  }

  /** One sorted/filtered page of a table the worker holds. */
  tablePage(handle: string, query: RowQuery): Promise<RowPage> {
    return this.ask({ type: 'lb-table-page', requestId: 0, handle, ...query });
  }

  /** Column summaries (type, missing, histogram/top values) of a table the worker holds. */
  async tableColumns(handle: string): Promise<ColumnInfo[]> {
    const reply = await this.ask<{ columns: ColumnInfo[] }>({ type: 'lb-table-columns', requestId: 0, handle });
    return reply.columns;
  }

  private ask<T>(request: TableRequest): Promise<T> {
    const requestId = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      // The worker's reply is typed by the request kind; ask<T> is where that promise is made.
      this.tableCalls.set(requestId, { resolve: (v) => resolve(v as T), reject });
      this.post({ ...request, requestId });
    });
  }

  dispose(): void {
    this.worker.terminate();
  }
}
