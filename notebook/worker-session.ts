/**
 * The runtime's side of the worker protocol: it turns host messages into runtime calls, runtime
 * events into serialized messages, and proxies host functions (`recipe`, `load`) to the host by
 * request/reply — so in the browser the page, not the sandboxed worker, talks to the API.
 */
import type { FromWorker, SqlReply, SqlRequest, ToWorker } from './protocol.js';
import { SQL_BUILTIN } from './sql-cell.js';
import { createInputStore, Inputs, onlyViewed, viewBuiltin } from './inputs.js';
import { createRuntime, type CellContext, type Runtime } from './runtime.js';
import { isTable, summarizeValue, tablePage, type TableLike } from './summarize.js';
import type { RuntimeEvent } from './types.js';

export interface WorkerSessionOptions {
  post: (message: FromWorker) => void;
  /** Static builtins (`aq`, `op`, `Plot`); `aq` is also used to turn replies back into tables. */
  builtins?: Record<string, unknown>;
  /** Functions answered by the host (default `recipe` and `load`). */
  hostFunctions?: string[];
  /** Turns a host reply into the value the cell gets (default: `defaultRevive` with `builtins.aq`). */
  revive?: (fn: string, value: unknown) => unknown;
  /** Rows of a table sent with its summary (default 100). */
  maxRows?: number;
}

export interface WorkerSession {
  handle(message: ToWorker): void;
  runtime: Runtime;
}

type Aq = { from(rows: unknown): unknown; table(columns: unknown): unknown; fromArrow?(bytes: unknown): unknown };

/**
 * Host replies back to live values: `load` rows / `{columns}` / Arrow bytes → an Arquero table
 * (a `sql` reply's `table` too); a `recipe` result's `tables` (row arrays) → Arquero tables.
 *
 * @example
 * defaultRevive(aq)('load', [{ a: 1 }]).numRows(); // → 1
 */
export function defaultRevive(aq: Aq | undefined): (fn: string, value: unknown) => unknown {
  const table = (value: unknown) => {
    const v = value as Record<string, unknown> | null;
    if (Array.isArray(value)) return aq!.from(value);
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return aq!.fromArrow ? aq!.fromArrow(value) : value;
    if (v && typeof v === 'object' && v.columns && typeof v.columns === 'object') return aq!.table(v.columns);
    return value;
  };
  return (fn, value) => {
    if (!aq) return value;
    const v = value as Record<string, unknown> | null;
    if (fn === 'load') return table(value);
    if (fn === 'sql' && v && typeof v === 'object') return { ...v, table: table(v.table) };
    if (fn === 'recipe' && v && typeof v === 'object' && v.tables && typeof v.tables === 'object') {
      const tables = Object.fromEntries(Object.entries(v.tables as Record<string, unknown>).map(([k, t]) => [k, Array.isArray(t) ? aq.from(t) : t]));
      return { ...v, tables };
    }
    return value;
  };
}

/** Arguments as the host can take them: tables become arrays of row objects, functions are dropped. */
function transferable(value: unknown, depth = 0): unknown {
  if (isTable(value)) return value.objects();
  if (depth > 6 || value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (Array.isArray(value)) return value.map((v) => transferable(v, depth + 1));
  if (value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, transferable(v, depth + 1)]));
}

/**
 * Starts a session; it posts `ready` at once.
 *
 * @example
 * const session = createWorkerSession({ post: (m) => self.postMessage(m), builtins: { aq, op: aq.op, Plot } });
 * self.onmessage = (e) => session.handle(e.data);
 */
export function createWorkerSession(options: WorkerSessionOptions): WorkerSession {
  const { post } = options;
  const revive = options.revive ?? defaultRevive(options.builtins?.aq as Aq | undefined);
  const pending = new Map<number, { fn: string; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextRequest = 1;
  const tables = new Map<string, TableLike>();
  const handlesOf = new Map<string, string[]>();
  let nextHandle = 1;

  const request = (fn: string, args: unknown[], context: CellContext) =>
    new Promise<unknown>((resolve, reject) => {
      context.signal.throwIfAborted();
      const requestId = nextRequest++;
      const onAbort = () => {
        pending.delete(requestId);
        post({ type: 'host-cancel', requestId });
        reject(context.signal.reason instanceof Error ? context.signal.reason : new Error('cancelled'));
      };
      context.signal.addEventListener('abort', onAbort, { once: true });
      const settle = <T,>(f: (v: T) => void) => (v: T) => {
        context.signal.removeEventListener('abort', onAbort);
        pending.delete(requestId);
        f(v);
      };
      pending.set(requestId, { fn, resolve: settle(resolve), reject: settle(reject) });
      post({ type: 'host-request', requestId, cellId: context.cellId, fn, args: transferable(args) as unknown[] });
    });

  // Inputs: `view(Inputs.range(…))` shows an input and returns the value the reader set (set-input).
  const inputs = createInputStore();
  /** What `view` returned in each cell's current run. */
  const viewed = new Map<string, unknown[]>();
  const cellBuiltins: Record<string, (c: CellContext) => unknown> = { view: viewBuiltin(inputs, (cellId, value) => viewed.get(cellId)?.push(value)) };
  for (const fn of options.hostFunctions ?? ['recipe', 'load']) {
    cellBuiltins[fn] = (context) => (...args: unknown[]) => request(fn, args, context);
  }
  // A SQL cell's query goes to the host; a result cut at the row cap says so on the cell.
  cellBuiltins[SQL_BUILTIN] = (context) => async (source: string, sql: string, params: unknown[]) => {
    const body: SqlRequest = { source, sql, params };
    const reply = (await request('sql', [body], context)) as SqlReply;
    if (reply.truncated) {
      const cap = reply.maxRows.toLocaleString('en-US');
      context.display(`Only the first ${cap} rows are here: the result has more and was cut at the row cap (${cap}). Aggregate in SQL (GROUP BY, LIMIT) to bring back fewer rows.`);
    }
    return reply.table;
  };

  const summarize = (cellId: string, value: unknown) =>
    summarizeValue(value, {
      maxRows: options.maxRows,
      register: (table) => {
        const handle = `${cellId}#${nextHandle++}`;
        tables.set(handle, table);
        const handles = handlesOf.get(cellId);
        if (handles) handles.push(handle);
        else handlesOf.set(cellId, [handle]);
        return handle;
      },
    });
  /** A cell's old tables cannot be paged once it runs again. */
  const forget = (cellId: string) => {
    for (const handle of handlesOf.get(cellId) ?? []) tables.delete(handle);
    handlesOf.delete(cellId);
  };

  const onEvent = (event: RuntimeEvent) => {
    if (event.type === 'cell-status') {
      const { cell } = event;
      if (cell.status === 'done' || cell.status === 'error') forget(cell.id);
      if (cell.status === 'running') viewed.set(cell.id, []);
      const done = cell.status === 'done';
      post({
        type: 'cell-status',
        id: cell.id,
        status: cell.status,
        version: cell.version,
        defines: cell.defines,
        references: cell.references,
        ...(cell.ms !== undefined ? { ms: cell.ms } : {}),
        ...(cell.error ? { error: cell.error } : {}),
        ...(done ? { value: summarize(cell.id, onlyViewed(cell.value, viewed.get(cell.id)) ? undefined : cell.value), displays: cell.displays.map((d) => summarize(cell.id, d)) } : {}),
      });
    } else if (event.type === 'cell-display') {
      post({ type: 'cell-display', id: event.id, version: event.version, value: summarize(event.id, event.value) });
    } else {
      if (event.type === 'cell-removed') {
        forget(event.id);
        inputs.forget(event.id);
        viewed.delete(event.id);
      }
      post(event);
    }
  };

  const runtime = createRuntime({ builtins: { Inputs, ...options.builtins }, cellBuiltins, onEvent });

  const handle = (message: ToWorker) => {
    switch (message.type) {
      case 'set-notebook':
        return runtime.setNotebook(message.cells, { stopped: message.stopped, params: message.params, lazy: message.lazy });
      case 'set-cell':
        return runtime.setCell({ id: message.id, code: message.code, lang: message.lang, ...(message.source !== undefined ? { source: message.source } : {}) });
      case 'run':
        if (runtime.state(message.id)) runtime.run(message.id);
        return;
      case 'run-all':
        return runtime.runAll();
      case 'cancel':
        return runtime.cancel(message.id);
      case 'set-params':
        return runtime.setParams(message.params);
      case 'set-input':
        if (inputs.set(message.id, message.key, message.value) && runtime.state(message.id)) runtime.run(message.id);
        return;
      case 'host-reply': {
        const waiting = pending.get(message.requestId);
        if (!waiting) return;
        if (message.ok) {
          try {
            waiting.resolve(revive(waiting.fn, message.value));
          } catch (error) {
            waiting.reject(error as Error);
          }
        } else waiting.reject(new Error(message.error.message));
        return;
      }
      case 'table-rows': {
        const table = tables.get(message.handle);
        const { requestId, offset } = message;
        if (!table) {
          post({ type: 'table-rows', requestId, ok: false, offset, numRows: 0, rows: [], error: 'this table is no longer available: re-run its cell' });
          return;
        }
        post({ type: 'table-rows', requestId, ok: true, offset, numRows: table.numRows(), rows: tablePage(table, offset, message.limit) });
        return;
      }
    }
  };
  post({ type: 'ready' });
  return { handle, runtime };
}
