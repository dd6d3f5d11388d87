import { describe, expect, it } from 'vitest';
import type { CellUiState } from '../cells/cell-status.js';
import { busyCells, IDLE_CLOCK, statusLine, tickClock } from './run-status.js';

const cell = (status: CellUiState['status']): CellUiState => ({ status, version: 1, displays: [], defines: [], references: [] });

describe('the run clock', () => {
  it('measures wall time from the first cell queued to the last one settled, not summed cell times', () => {
    // Two cells of 800 ms each that overlap: the reader waited 1000 ms, not 1600.
    let clock = tickClock(IDLE_CLOCK, 1, 1000);
    clock = tickClock(clock, 2, 1200);
    clock = tickClock(clock, 1, 1800);
    expect(clock).toEqual({ busySince: 1000, lastWall: null });
    clock = tickClock(clock, 0, 2000);
    expect(clock).toEqual({ busySince: null, lastWall: 1000 });
  });

  it('keeps the last wall time while idle and during the next run, and starts afresh for it', () => {
    const done = tickClock(tickClock(IDLE_CLOCK, 1, 0), 0, 250);
    expect(tickClock(done, 0, 9000)).toBe(done);
    const next = tickClock(done, 3, 10_000);
    expect(next).toEqual({ busySince: 10_000, lastWall: 250 });
    expect(tickClock(next, 0, 10_040).lastWall).toBe(40);
  });
});

describe('statusLine', () => {
  it('counts running and queued cells as running, and shows the wall time only once idle', () => {
    const states = [cell('running'), cell('queued'), cell('done')];
    expect(busyCells(states)).toBe(2);
    expect(statusLine({ cells: 3, states, clock: { busySince: 5, lastWall: 1200 }, lazy: false, generation: 1 }))
      .toBe('3 cells · 2 running · eager mode · sandbox worker #1');
  });

  it('says how long the last run took, what is stale or failed, and the mode', () => {
    const states = [cell('done'), cell('stale'), cell('error'), cell('error')];
    expect(statusLine({ cells: 4, states, clock: { busySince: null, lastWall: 1234 }, lazy: true, generation: 2 }))
      .toBe('4 cells · idle · last run 1.23 s wall time · 1 stale · 2 errors · lazy mode · sandbox worker #2');
    expect(statusLine({ cells: 0, states: [], clock: IDLE_CLOCK, lazy: false, generation: 1 })).toBe('0 cells · idle · eager mode · sandbox worker #1');
  });
});
