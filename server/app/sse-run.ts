import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Progress } from '../../recipes/types.js';
import { errorResponse } from './error-response.js';

// Proxies drop idle connections; a comment line now and then keeps a long fit's stream open.
const HEARTBEAT_MS = 15_000;

/**
 * Streams a run as Server-Sent Events: `progress` events ({fraction, label}), then one `result`
 * event (the JSON body) or one `error` event ({error, status}). The client closing the stream
 * aborts the signal the run was given, which cancels it.
 *
 * @example
 * return sseRun(c, (progress, signal) => runAndSerialize(progress, signal));
 */
export function sseRun(c: Context, run: (progress: Progress, signal: AbortSignal) => Promise<unknown>): Response {
  return streamSSE(c, async (stream) => {
    const controller = new AbortController();
    stream.onAbort(() => controller.abort());
    const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const send = (event: string, data: unknown) => (stream.closed || stream.aborted ? undefined : stream.writeSSE({ event, data: JSON.stringify(data) }));
    try {
      await send('progress', { fraction: 0, label: 'starting' });
      const result = await run((fraction, label) => void send('progress', { fraction, label }), controller.signal);
      await send('result', result);
    } catch (error) {
      const { status, body } = errorResponse(error);
      await send('error', { ...body, status });
    } finally {
      clearInterval(heartbeat);
    }
  });
}
