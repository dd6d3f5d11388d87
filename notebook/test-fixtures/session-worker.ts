/**
 * A worker_thread entry for worker-session.test.ts: a session talking to the test over
 * `parentPort`, as the CLI's and the browser's workers do (they also pass `aq`, `op`, `Plot`).
 */
import { parentPort } from 'node:worker_threads';
import { createWorkerSession } from '../worker-session.js';
import type { ToWorker } from '../protocol.js';

const port = parentPort!;
const session = createWorkerSession({ post: (message) => port.postMessage(message), builtins: {} });
port.on('message', (message: ToWorker) => session.handle(message));
