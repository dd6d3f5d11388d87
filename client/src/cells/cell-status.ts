import type { FromWorker } from '../../../notebook/protocol.js';
import type { CellError, CellStatus, ValueSummary } from '../../../notebook/types.js';

/** What the page knows of one cell from the worker's `cell-status` and `cell-display` messages. */
export interface CellUiState {
  status: CellStatus;
  version: number;
  ms?: number;
  value?: ValueSummary;
  displays: ValueSummary[];
  error?: CellError;
  defines: string[];
  references: string[];
  /** 0..1 while a recipe or dataset load of this cell is in flight. */
  progress?: { fraction: number; label?: string };
}

const LABELS: Record<CellStatus, string> = {
  idle: 'not run',
  queued: 'queued',
  running: 'running',
  done: 'done',
  error: 'error',
  cancelled: 'stopped',
  stale: 'stale',
};

/**
 * The status line of a cell: label plus timing, e.g. `done · 12 ms`.
 *
 * @example
 * statusText({ status: 'done', ms: 1234, version: 1, displays: [], defines: [], references: [] }); // → 'done · 1.23 s'
 */
export function statusText(state: CellUiState): string {
  const label = LABELS[state.status];
  if (state.ms === undefined || state.status === 'running' || state.status === 'queued') return label;
  return `${label} · ${formatMs(state.ms)}`;
}

/**
 * A duration as a person reads it.
 *
 * @example
 * formatMs(0.4); // → '<1 ms'
 */
export function formatMs(ms: number): string {
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toPrecision(3)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/**
 * The cell's new state from a `cell-status` message: a finished run brings its own value and
 * displays; while a cell is queued or running it keeps showing the last outputs (dimmed), and a
 * new run (new version) starts with no displays.
 *
 * @example
 * mergeStatus(undefined, { type: 'cell-status', id: 'c1', status: 'running', version: 1, defines: [], references: [] }).displays; // → []
 */
export function mergeStatus(previous: CellUiState | undefined, message: Extract<FromWorker, { type: 'cell-status' }>): CellUiState {
  const finished = message.status === 'done' || message.status === 'error';
  const sameRun = previous?.version === message.version;
  return {
    status: message.status,
    version: message.version,
    ms: message.ms,
    value: message.value ?? (finished ? undefined : previous?.value),
    displays: message.displays ?? (sameRun ? previous!.displays : []),
    error: message.error,
    defines: message.defines,
    references: message.references,
  };
}
