import { datasetPath, failure } from '../shell/api.js';
import type { SqlRequest } from '../../../notebook/protocol.js';
import { runSqlRequest } from './sql-host.js';
import { runRecipeStream } from './recipe-stream.js';

type Progress = (fraction: number | null, label?: string) => void;

const ARROW = 'application/vnd.apache.arrow.stream';

/**
 * Answers a cell's `load(name, options)` in the page (the sandbox cannot call the API): fetches the
 * dataset as Arrow IPC (types, dates included, survive the trip), showing download progress, and
 * returns the bytes for the sandbox to turn into an Arquero table. Falls back to JSON rows.
 *
 * @example
 * const bytes = await loadDataset('shop/orders', { seed: 42 }, (f) => console.log(f), signal);
 */
export async function loadDataset(name: string, options: Record<string, unknown> | undefined, progress: Progress, signal: AbortSignal): Promise<Uint8Array | Record<string, unknown>[]> {
  // Options other than `limit` (the generated shop's `seed`, `customers`) travel as query parameters.
  const query = Object.entries(options ?? {}).filter(([, v]) => ['number', 'string', 'boolean'].includes(typeof v)).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  progress(NaN, `Loading ${name}`);
  const response = await fetch(`${datasetPath(name)}/rows${query.length ? `?${query.join('&')}` : ''}`, { headers: { accept: `${ARROW}, application/json` }, credentials: 'same-origin', signal });
  if (!response.ok) throw await failure(response);
  const total = Number(response.headers.get('content-length')) || 0;
  const rows = Number(response.headers.get('x-total-rows')) || 0;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    progress(total ? received / total : NaN, `Loading ${name}${rows ? ` (${rows.toLocaleString('en-US')} rows)` : ''}: ${(received / 1e6).toFixed(1)} MB`);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  if ((response.headers.get('content-type') ?? '').includes(ARROW)) return bytes;
  return (JSON.parse(new TextDecoder().decode(bytes)) as { rows: Record<string, unknown>[] }).rows;
}

/**
 * Answers a cell's `recipe(id, inputs, params)`: inputs arrive from the sandbox as row arrays
 * (or `{dataset}` references) and the run streams progress over SSE.
 *
 * @example
 * const result = await runRecipe(['lift', { units: rows }, { variant: 'arm' }], progress, signal);
 */
export function runRecipe(args: unknown[], progress: Progress, signal: AbortSignal): Promise<unknown> {
  const [id, inputs, params] = args as [string, Record<string, Record<string, unknown>[] | { dataset: string }>, Record<string, unknown> | undefined];
  if (typeof id !== 'string') throw new Error('recipe(id, inputs, params): the first argument must be a recipe id such as "lift".');
  progress(0, `Running ${id}`);
  return runRecipeStream(id, { inputs: inputs ?? {}, params: params ?? {} }, (f, label) => progress(f, label ?? `Running ${id}`), signal);
}

/**
 * The page's answer to every host call a cell makes (`load`, `recipe`, `sql`), showing progress
 * on the calling cell (`progressOf(cellId)`) until the call settles.
 *
 * @example
 * new Kernel({ onMessage, onRestart, hostCall: hostCalls((id) => (f, label) => views.get(id)?.setProgress(f, label)) });
 */
export function hostCalls(progressOf: (cellId: string) => Progress) {
  return (fn: string, args: unknown[], cellId: string, signal: AbortSignal): Promise<unknown> => {
    const progress = progressOf(cellId);
    if (fn === 'load') return loadDataset(String(args[0]), args[1] as Record<string, unknown> | undefined, progress, signal).finally(() => progress(null));
    if (fn === 'recipe') return runRecipe(args, progress, signal).finally(() => progress(null));
    if (fn === 'sql') {
      progress(NaN, 'Running the query');
      return runSqlRequest(args[0] as SqlRequest, signal).finally(() => progress(null));
    }
    return Promise.reject(new Error(`Unknown host function ${fn}`));
  };
}
