import { Worker } from 'node:worker_threads';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { restartPlan, type FromWorker, type SetNotebookMessage, type ToWorker } from './protocol.js';
import { createWorkerSession } from './worker-session.js';

type Status = Extract<FromWorker, { type: 'cell-status' }>;

/** A session driven through its message handler, recording what it posts. */
function direct() {
  const posted: FromWorker[] = [];
  const session = createWorkerSession({ post: (m) => posted.push(m), builtins: { aq, op: aq.op } });
  const last = (id: string) => posted.filter((m): m is Status => m.type === 'cell-status' && m.id === id).at(-1);
  const next = <T extends FromWorker['type']>(type: T) =>
    new Promise<Extract<FromWorker, { type: T }>>((resolve) => {
      const seen = posted.length;
      const poll = () => {
        const found = posted.slice(seen).find((m) => m.type === type);
        if (found) resolve(found as Extract<FromWorker, { type: T }>);
        else setTimeout(poll, 1);
      };
      poll();
    });
  return { posted, session, send: (m: ToWorker) => session.handle(m), last, next };
}

describe('worker session', () => {
  it('says it is ready, runs a notebook and posts serialized statuses', async () => {
    const { posted, send, last, session } = direct();
    expect(posted[0]).toEqual({ type: 'ready' });
    send({ type: 'set-notebook', cells: [{ id: 'a', code: 'const t = aq.table({ n: [1, 2, 3] })' }, { id: 'b', code: 't.rollup({ s: op.sum("n") }).get("s", 0)' }] });
    await session.runtime.idle();
    expect(last('a')).toMatchObject({ status: 'done', defines: ['t'], references: ['aq'], value: { kind: 'table', columns: ['n'], types: ['number'], numRows: 3, rows: [{ n: 1 }, { n: 2 }, { n: 3 }] } });
    expect(last('b')).toMatchObject({ status: 'done', value: { kind: 'json', json: 6 } });
    expect(posted.at(-1)).toEqual({ type: 'idle' });
    expect(() => structuredClone(posted)).not.toThrow();
  });

  it('proxies load() to the host and turns the reply rows into an Arquero table', async () => {
    const { send, last, next, session } = direct();
    const request = next('host-request');
    send({ type: 'set-notebook', cells: [{ id: 'a', code: "const orders = await load('orders', { limit: 2 })" }, { id: 'b', code: 'orders.numRows()' }] });
    const req = await request;
    expect(req).toMatchObject({ cellId: 'a', fn: 'load', args: ['orders', { limit: 2 }] });
    send({ type: 'host-reply', requestId: req.requestId, ok: true, value: [{ id: 1 }, { id: 2 }] });
    await session.runtime.idle();
    expect(last('b')?.value).toEqual({ kind: 'json', json: 2 });
  });

  it('sends Arquero tables in recipe() arguments as rows and revives the result tables', async () => {
    const { send, last, next, session } = direct();
    const request = next('host-request');
    send({ type: 'set-notebook', cells: [
      { id: 'a', code: "const r = await recipe('lift', { units: aq.table({ v: ['a', 'b'] }) }, { metric: 'm' })" },
      { id: 'b', code: 'r.tables.effects.numRows()' },
    ] });
    const req = await request;
    expect(req.args).toEqual(['lift', { units: [{ v: 'a' }, { v: 'b' }] }, { metric: 'm' }]);
    send({ type: 'host-reply', requestId: req.requestId, ok: true, value: { metrics: { n: 2 }, tables: { effects: [{ x: 1 }] }, charts: [], notes: ['ok'] } });
    await session.runtime.idle();
    expect(last('a')?.value).toMatchObject({ kind: 'recipe-result', metrics: { n: 2 }, tables: { effects: { kind: 'table', numRows: 1 } }, notes: ['ok'] });
    expect(last('b')?.value).toEqual({ kind: 'json', json: 1 });
  });

  it('a SQL cell asks the host for its query with ${…} values as parameters; the reply is a table other cells read', async () => {
    const { send, last, next, session } = direct();
    let request = next('host-request');
    send({ type: 'set-notebook', params: { min: 3 }, cells: [
      { id: 'big', lang: 'sql', source: 'wh', code: 'SELECT * FROM units WHERE n > ${min}' },
      { id: 'b', code: 'big.numRows()' },
    ] });
    let req = await request;
    expect(req).toMatchObject({ cellId: 'big', fn: 'sql', args: [{ source: 'wh', sql: 'SELECT * FROM units WHERE n > $1', params: [3] }] });
    send({ type: 'host-reply', requestId: req.requestId, ok: true, value: { table: { columns: { n: [4, 5] } }, truncated: false, maxRows: 10 } });
    await session.runtime.idle();
    expect(last('big')).toMatchObject({ status: 'done', defines: ['big'], references: ['min'], value: { kind: 'table', numRows: 2 }, displays: [] });
    expect(last('b')?.value).toEqual({ kind: 'json', json: 2 });

    // A new parameter value re-runs the SQL cell and its reader.
    request = next('host-request');
    send({ type: 'set-params', params: { min: 4 } });
    req = await request;
    expect(req.args).toEqual([{ source: 'wh', sql: 'SELECT * FROM units WHERE n > $1', params: [4] }]);
    send({ type: 'host-reply', requestId: req.requestId, ok: true, value: { table: [{ n: 5 }], truncated: true, maxRows: 1 } });
    await session.runtime.idle();
    expect(last('big')?.displays).toEqual([{ kind: 'text', text: expect.stringMatching(/^Only the first 1 rows are here: the result has more and was cut at the row cap \(1\)/) }]);
    expect(last('b')?.value).toEqual({ kind: 'json', json: 1 });
  });

  it('a host error becomes the cell error; cancelling a waiting cell tells the host', async () => {
    const { send, last, next, session } = direct();
    let request = next('host-request');
    send({ type: 'set-cell', id: 'a', code: "await load('nope')" });
    send({ type: 'host-reply', requestId: (await request).requestId, ok: false, error: { message: 'no dataset "nope"' } });
    await session.runtime.idle();
    expect(last('a')).toMatchObject({ status: 'error', error: { message: 'no dataset "nope"' } });
    request = next('host-request');
    const cancelled = next('host-cancel');
    send({ type: 'set-cell', id: 'a', code: "await load('slow')" });
    const { requestId } = await request;
    send({ type: 'cancel', id: 'a' });
    expect(await cancelled).toEqual({ type: 'host-cancel', requestId });
    await session.runtime.idle();
    expect(last('a')?.status).toBe('cancelled');
  });

  it('pages through a table by its handle, and forgets it when the cell runs again', async () => {
    const { send, last, next, session } = direct();
    send({ type: 'set-cell', id: 'a', code: 'aq.table({ i: Array.from({ length: 250 }, (_, i) => i) })' });
    await session.runtime.idle();
    const summary = last('a')?.value;
    expect(summary).toMatchObject({ kind: 'table', numRows: 250 });
    const handle = summary?.kind === 'table' ? summary.handle! : '';
    expect(summary?.kind === 'table' && summary.rows.length).toBe(100);
    let reply = next('table-rows');
    send({ type: 'table-rows', requestId: 7, handle, offset: 240, limit: 50 });
    expect(await reply).toMatchObject({ requestId: 7, ok: true, offset: 240, numRows: 250, rows: Array.from({ length: 10 }, (_, k) => ({ i: 240 + k })) });
    send({ type: 'set-cell', id: 'a', code: '1' });
    await session.runtime.idle();
    reply = next('table-rows');
    send({ type: 'table-rows', requestId: 8, handle, offset: 0, limit: 5 });
    expect(await reply).toMatchObject({ requestId: 8, ok: false, error: 'this table is no longer available: re-run its cell' });
  });

  it('posts idle once per request, after the last cell settles', async () => {
    const { posted, send, next } = direct();
    const idle = next('idle');
    send({ type: 'set-notebook', cells: [{ id: 'a', code: 'await new Promise((r) => setTimeout(r, 20)); seed' }], params: { seed: 2 } });
    await idle;
    const kinds = posted.map((m) => (m.type === 'cell-status' ? m.status : m.type));
    expect(kinds).toEqual(['ready', 'queued', 'running', 'done', 'idle']);
  });

  it('params, lazy mode and run messages reach the runtime', async () => {
    const { send, last, session } = direct();
    send({ type: 'set-notebook', cells: [{ id: 'a', code: 'seed * 2' }], params: { seed: 2 }, lazy: true });
    await session.runtime.idle();
    expect(last('a')?.status).toBe('stale');
    send({ type: 'run-all' });
    await session.runtime.idle();
    expect(last('a')?.value).toEqual({ kind: 'json', json: 4 });
    send({ type: 'set-params', params: { seed: 5 } });
    await session.runtime.idle();
    expect(last('a')?.status).toBe('stale');
    send({ type: 'run', id: 'a' });
    await session.runtime.idle();
    expect(last('a')?.value).toEqual({ kind: 'json', json: 10 });
  });
});

describe('in a Node worker_thread', () => {
  it('a runaway cell is stopped by terminating the worker; a new worker re-runs all but it and its dependents', async () => {
    const start = () => {
      const worker = new Worker(new URL('./test-fixtures/boot.mjs', import.meta.url), {
        workerData: { entry: new URL('./test-fixtures/session-worker.ts', import.meta.url).href },
      });
      const messages: FromWorker[] = [];
      worker.on('message', (m: FromWorker) => messages.push(m));
      const until = (test: (m: FromWorker) => boolean) =>
        new Promise<void>((resolve) => {
          const check = () => (messages.some(test) ? resolve() : setTimeout(check, 5));
          check();
        });
      return { worker, messages, until };
    };
    const notebook: SetNotebookMessage = {
      type: 'set-notebook',
      cells: [
        { id: 'a', code: 'const x = 20' },
        { id: 'loop', code: 'const y = x; while (true) {}' },
        { id: 'after', code: 'y + 1' },
        { id: 'free', code: 'x + 1' },
      ],
    };
    // The replacement starts alongside, as a host keeping a spare worker warm would.
    const first = start();
    const second = start();
    await first.until((m) => m.type === 'ready');
    first.worker.postMessage(notebook);
    await first.until((m) => m.type === 'cell-status' && m.id === 'loop' && m.status === 'running');
    await first.worker.terminate();

    await second.until((m) => m.type === 'ready');
    second.worker.postMessage(restartPlan(notebook, ['loop']));
    await second.until((m) => m.type === 'idle');
    await second.worker.terminate();
    const final = new Map(second.messages.flatMap((m) => (m.type === 'cell-status' ? [[m.id, m] as const] : [])));
    expect(final.get('a')).toMatchObject({ status: 'done', value: { kind: 'json', json: 20 } });
    expect(final.get('free')).toMatchObject({ status: 'done', value: { kind: 'json', json: 21 } });
    expect(final.get('loop')).toMatchObject({ status: 'cancelled', error: { message: 'stopped: the cell ran until its worker was terminated' } });
    expect(final.get('after')).toMatchObject({ status: 'cancelled', error: { upstream: 'loop' } });
  });
});
