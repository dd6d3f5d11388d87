import { ApiError, failure } from '../shell/api.js';

export interface RecipeRunRequest {
  inputs: Record<string, Record<string, unknown>[] | { dataset: string }>;
  params: Record<string, unknown>;
}

/** One parsed server-sent event. */
export interface StreamEvent { event: string; data: string }

/**
 * Runs a recipe on the server over SSE: `onProgress(fraction, label)` per `progress` event, resolves
 * with the `result` event's JSON, rejects with the `error` event's message. Aborting `signal` closes
 * the stream, which is how the server learns to cancel the run.
 *
 * @example
 * const result = await runRecipeStream('lift', { inputs: { units: rows }, params: { variant: 'arm' } },
 *   (f, label) => console.log(f, label), new AbortController().signal);
 */
export async function runRecipeStream(id: string, request: RecipeRunRequest, onProgress: (fraction: number, label?: string) => void, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(`/api/recipes/${encodeURIComponent(id)}/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(request),
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) throw await failure(response);
  if (!(response.headers.get('content-type') ?? '').includes('event-stream')) return response.json();
  for await (const message of readEvents(response.body!)) {
    const data = message.data ? JSON.parse(message.data) : {};
    if (message.event === 'progress') onProgress(Number(data.fraction ?? data.progress ?? 0), data.label ?? data.message);
    else if (message.event === 'result') return data.result ?? data;
    else if (message.event === 'error') throw new ApiError(Number(data.status ?? 400), String(data.error ?? data.message ?? 'The recipe failed.'));
  }
  throw new Error('The server closed the recipe stream without a result.');
}

/**
 * Splits an SSE byte stream into events (blank-line separated; `event:` and `data:` fields).
 *
 * @example
 * for await (const e of readEvents(response.body!)) console.log(e.event, e.data);
 */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = parseEvent(block);
      if (event) yield event;
    }
  }
  const last = parseEvent(buffer);
  if (last) yield last;
}

function parseEvent(block: string): StreamEvent | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length || event !== 'message' ? { event, data: data.join('\n') } : null;
}
