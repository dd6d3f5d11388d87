/// <reference lib="webworker" />
// The sandbox: cell code runs here, in a dedicated worker. It holds no credentials, and the server
// serves this file with `connect-src 'none'`, so cells reach data only through the page's replies
// to `load`/`recipe` requests. Keep "sandbox" in this file's name: the CSP matches on it.
import './worker-dom.js';
import * as aq from 'arquero';
import * as Plot from '@observablehq/plot';
import { createWorkerSession } from '../../notebook/worker-session.js';
import type { FromWorker, ToWorker } from '../../notebook/protocol.js';
import type { TableReply, TableRequest } from './sandbox-messages.js';
import { tableService, type ColumnarTable } from './table-service.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const tables = tableService();
const columnar = new Map<string, Promise<ColumnarTable>>();
const loopback = new Map<number, (message: Extract<FromWorker, { type: 'table-rows' }>) => void>();
let nextLoopback = -1;

const session = createWorkerSession({
  post: (message: FromWorker) => {
    if (message.type === 'table-rows' && loopback.has(message.requestId)) {
      loopback.get(message.requestId)!(message);
      loopback.delete(message.requestId);
      return;
    }
    if (message.type === 'cell-status' && message.status === 'running') forgetTables();
    scope.postMessage(message);
  },
  builtins: { aq, op: aq.op, Plot },
});

// Handles of superseded values are dead; a few live ones are cached column-wise for paging.
function forgetTables(): void {
  if (columnar.size > 8) columnar.clear();
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
    table = sessionRows(handle, 0, Number.MAX_SAFE_INTEGER).then(({ rows }) => {
      const names = rows.length ? Object.keys(rows[0]!) : [];
      return { names, numRows: rows.length, columns: names.map((name) => rows.map((row) => row[name])) };
    });
    columnar.set(handle, table);
    table.catch(() => columnar.delete(handle));
  }
  return table;
}

async function answer(request: TableRequest): Promise<TableReply> {
  try {
    if (request.type === 'lb-table-page' && !request.sort && !request.filter?.trim()) {
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
