/// <reference lib="webworker" />
// The sandbox: cell code runs here, in a dedicated worker. It holds no credentials, and the server
// serves this file with `connect-src 'none'`, so cells reach data only through the page's replies
// to `load`/`recipe` requests. Keep "sandbox" in this file's name: the CSP matches on it.
import './worker-dom.js';
import * as aq from 'arquero';
import * as Plot from '@observablehq/plot';
import { createWorkerSession, type WorkerSession } from '../../../notebook/worker-session.js';
import type { FromWorker, ToWorker } from '../../../notebook/protocol.js';
import type { ValueSummary } from '../../../notebook/types.js';
import type { TableReply, TableRequest } from './sandbox-messages.js';
import { tableService, type ColumnarTable } from '../outputs/table-service.js';
import { recordingPlot } from './plot-recorder.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const tables = tableService();
const columnar = new Map<string, Promise<ColumnarTable>>();
/** The live Arquero tables behind the handles the session gave out, so paging never copies rows. */
const live = new Map<string, aq.ColumnTable>();
const loopback = new Map<number, (message: Extract<FromWorker, { type: 'table-rows' }>) => void>();
let nextLoopback = -1;

// `post` first runs (for `ready`) inside createWorkerSession, before `session` is assigned: it only
// touches `session` for cell messages, which come later.
const session: WorkerSession = createWorkerSession({
  post: (message: FromWorker) => {
    if (message.type === 'table-rows' && loopback.has(message.requestId)) {
      loopback.get(message.requestId)!(message);
      loopback.delete(message.requestId);
      return;
    }
    if (message.type === 'cell-status') {
      if (message.status === 'running') forgetTables(message.id);
      const state = session.runtime.state(message.id);
      if (message.value) remember(message.value, state?.value);
      message.displays?.forEach((d, i) => remember(d, state?.displays[i]));
    } else if (message.type === 'cell-display') {
      remember(message.value, session.runtime.state(message.id)?.displays.at(-1));
    }
    scope.postMessage(message);
  },
  builtins: { aq, op: aq.op, Plot: recordingPlot(Plot as unknown as Record<string, unknown>) },
});

/** Pairs each table summary (also inside recipe results) with the live table it describes. */
function remember(summary: ValueSummary, value: unknown): void {
  if (summary.kind === 'table' && summary.handle && value instanceof aq.ColumnTable) live.set(summary.handle, value);
  if (summary.kind === 'recipe-result' && value && typeof value === 'object' && 'tables' in value) {
    const tables = (value as { tables: Record<string, unknown> }).tables;
    for (const [name, table] of Object.entries(summary.tables)) remember(table, tables?.[name]);
  }
}

// A cell that runs again invalidates its handles (the session forgets them too).
function forgetTables(cellId: string): void {
  for (const map of [live, columnar]) for (const handle of [...map.keys()]) if (handle.startsWith(`${cellId}#`)) map.delete(handle);
}

/** Rows of a table the session holds, asked for from inside this worker. */
function sessionRows(handle: string, offset: number, limit: number): Promise<{ rows: Record<string, unknown>[]; numRows: number }> {
  return new Promise((resolve, reject) => {
    const requestId = nextLoopback--;
    loopback.set(requestId, (reply) => (reply.ok ? resolve(reply) : reject(new Error(reply.error ?? 'The table is no longer available; re-run its cell.'))));
    session.handle({ type: 'table-rows', requestId, handle, offset, limit });
  });
}

/** The whole table behind a handle, column-wise, for sorting, filtering and summaries. */
function tableFor(handle: string): Promise<ColumnarTable> {
  let table = columnar.get(handle);
  if (!table) {
    const source = live.get(handle);
    table = source
      ? Promise.resolve({ names: source.columnNames(), numRows: source.numRows(), columns: source.columnNames().map((name) => source.array(name) as ArrayLike<unknown>) })
      : copyRows(handle);
    columnar.set(handle, table);
    table.catch(() => columnar.delete(handle));
  }
  return table;
}

/** A table the session holds but this worker could not pair: copied page by page. */
async function copyRows(handle: string): Promise<ColumnarTable> {
  const rows: Record<string, unknown>[] = [];
  for (let total = Infinity; rows.length < total; ) {
    const page = await sessionRows(handle, rows.length, 1000);
    total = page.numRows;
    if (!page.rows.length) break;
    rows.push(...page.rows);
  }
  const names = rows.length ? Object.keys(rows[0]!) : [];
  return { names, numRows: rows.length, columns: names.map((name) => rows.map((row) => row[name])) };
}

async function answer(request: TableRequest): Promise<TableReply> {
  try {
    if (request.type === 'lb-table-page' && !request.sort && !request.filter?.trim() && !live.has(request.handle)) {
      // Plain scrolling needs no full copy: page straight from the session.
      const { rows, numRows } = await sessionRows(request.handle, request.offset, request.limit);
      const names = rows.length ? Object.keys(rows[0]!) : [];
      return { type: request.type, requestId: request.requestId, ok: true, total: numRows, rows: rows.map((row) => names.map((n) => row[n])) };
    }
    const table = await tableFor(request.handle);
    if (request.type === 'lb-table-columns') return { type: request.type, requestId: request.requestId, ok: true, columns: tables.columns(table) };
    return { type: request.type, requestId: request.requestId, ok: true, ...tables.page(table, request) };
  } catch (error) {
    return { type: request.type, requestId: request.requestId, ok: false, error: (error as Error).message };
  }
}

scope.onmessage = (event: MessageEvent<ToWorker | TableRequest>) => {
  const message = event.data;
  if (message.type === 'lb-table-page' || message.type === 'lb-table-columns') void answer(message).then((reply) => scope.postMessage(reply));
  else session.handle(message);
};
