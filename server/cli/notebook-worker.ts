/**
 * The notebook runtime inside a worker thread of the CLI: cells run here, off the main thread,
 * which answers their `load`/`recipe` calls (see notebook-host.ts). Started through
 * server/runner/worker-boot.js so that tsx loads this TypeScript file.
 */
import { parentPort } from 'node:worker_threads';
import * as aq from 'arquero';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { createWorkerSession } from '../../notebook/worker-session.js';
import type { ToWorker } from '../../notebook/protocol.js';

if (!parentPort) throw new Error('notebook-worker.ts must run in a worker thread.');
const port = parentPort;

// There is no DOM in Node: Plot draws into linkedom's document, so a cell's Plot.plot(...)
// returns an SVG element the report can embed, as it would in the browser.
const { document } = parseHTML('<!doctype html><html><body></body></html>');
const withDocument = <F extends (options?: Record<string, unknown>) => unknown>(fn: F) =>
  ((options: Record<string, unknown> = {}) => fn({ document, ...options })) as F;
const NodePlot = { ...Plot, plot: withDocument(Plot.plot as never), legend: withDocument(Plot.legend as never) };

const session = createWorkerSession({
  post: (message) => port.postMessage(message),
  builtins: { aq, op: aq.op, Plot: NodePlot },
});
port.on('message', (message: ToWorker) => session.handle(message));
