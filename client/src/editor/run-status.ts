import { formatMs, type CellUiState } from '../cells/cell-status.js';

/**
 * Wall time of a run: from the first cell queued to the last one settled. Cells overlap, so
 * their own times do not add up to what the reader waited.
 */
export interface RunClock {
  /** When the cells started being busy, or null while idle. */
  busySince: number | null;
  /** How long the last run took, once one has finished. */
  lastWall: number | null;
}

export const IDLE_CLOCK: RunClock = { busySince: null, lastWall: null };

/**
 * The clock after the number of busy (running or queued) cells became `running` at `now`.
 *
 * @example
 * tickClock(tickClock(IDLE_CLOCK, 2, 1000), 0, 1500).lastWall; // → 500
 */
export function tickClock(clock: RunClock, running: number, now: number): RunClock {
  if (running && clock.busySince === null) return { ...clock, busySince: now };
  if (!running && clock.busySince !== null) return { busySince: null, lastWall: now - clock.busySince };
  return clock;
}

/** Cells that are busy: running, or queued to run. */
export function busyCells(states: Iterable<CellUiState>): number {
  let n = 0;
  for (const s of states) if (s.status === 'running' || s.status === 'queued') n++;
  return n;
}

export interface RunSummary {
  cells: number;
  states: Iterable<CellUiState>;
  clock: RunClock;
  lazy: boolean;
  generation: number;
}

/**
 * The status bar's text: cells, what runs, the last run's wall time, stale and failed cells, the
 * mode and the sandbox worker.
 *
 * @example
 * statusLine({ cells: 3, states, clock, lazy: false, generation: 1 }); // → '3 cells · idle · last run 1.20 s wall time · eager mode · sandbox worker #1'
 */
export function statusLine(summary: RunSummary): string {
  const all = [...summary.states];
  const count = (s: string) => all.filter((x) => x.status === s).length;
  const running = count('running') + count('queued');
  const { lastWall } = summary.clock;
  return [`${summary.cells} cells`, running ? `${running} running` : 'idle',
    !running && lastWall !== null ? `last run ${formatMs(lastWall)} wall time` : '',
    count('stale') ? `${count('stale')} stale` : '', count('error') ? `${count('error')} errors` : '', summary.lazy ? 'lazy mode' : 'eager mode',
    `sandbox worker #${summary.generation}`].filter(Boolean).join(' · ');
}
