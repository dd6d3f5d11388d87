import type { CellError, CellStatus, ValueSummary } from '../../notebook/types.js';

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
