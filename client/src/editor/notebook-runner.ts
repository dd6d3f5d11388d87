import { cellSource } from '../../../notebook/format.js';
import { resolveParams } from '../../../notebook/params.js';
import type { CellBlock, NotebookDoc } from '../../../notebook/types.js';
import type { RemoteTables } from '../outputs/output-view.js';
import { hostCalls } from '../sandbox/host-calls.js';
import { Kernel } from '../sandbox/kernel.js';
import type { CellList } from './cell-list.js';
import type { notebookNamesSync } from './notebook-names.js';
import { paramsBar } from './params-bar.js';
import { busyCells, IDLE_CLOCK, statusLine, tickClock } from './run-status.js';

export interface RunnerHooks {
  list: CellList;
  /** The document now. */
  doc: () => NotebookDoc;
  statusBar: HTMLElement;
  setRunning: (on: boolean) => void;
  setLazy: (on: boolean) => void;
  /** Keeps the cell editors' types in step with the names cells define. */
  names: ReturnType<typeof notebookNamesSync>;
}

const LAZY_KEY = 'liftbook.lazy';

/**
 * Runs the notebook in the sandbox worker: single cells, Run all, lazy or eager mode, the
 * parameters' current values, and the status bar (what runs, the last run's wall time; see
 * run-status.ts). Cells' states arrive in the cell list.
 *
 * @example
 * const runner = notebookRunner(hooks);
 * runner.sync(); // the kernel gets the notebook's cells
 * runner.runAll();
 */
export function notebookRunner(hooks: RunnerHooks) {
  const { list, names } = hooks;
  let lazy = localStorage.getItem(LAZY_KEY) === 'true';
  let clock = IDLE_CLOCK;
  const paramOverrides: Record<string, unknown> = {};
  const cellBlocks = () => hooks.doc().blocks.filter((b): b is CellBlock => b.kind === 'cell');

  const kernel = new Kernel({
    onMessage: (message) => {
      if (list.receive(message)) names.update(list.states, hooks.doc().frontMatter?.params ?? {});
      updateStatus();
    },
    onRestart: () => updateStatus(),
    hostCall: hostCalls((cellId) => (fraction, label) => list.views.get(cellId)?.setProgress(fraction, label)),
  });

  function updateStatus(): void {
    const running = busyCells(list.states.values());
    hooks.setRunning(running > 0);
    clock = tickClock(clock, running, Date.now());
    hooks.statusBar.textContent = statusLine({ cells: cellBlocks().length, states: list.states.values(), clock, lazy, generation: kernel.generation });
  }

  function currentParams(): Record<string, unknown> {
    try {
      return { ...resolveParams(hooks.doc()), ...paramOverrides };
    } catch {
      return paramOverrides;
    }
  }

  /** The kernel gets the notebook's cells as they should run (see CellList.kernelSources). */
  function sync(): void {
    kernel.setNotebook(list.kernelSources(hooks.doc()), lazy, currentParams());
  }

  hooks.setLazy(lazy);

  return {
    kernel,
    sync,
    updateStatus,
    lazy: () => lazy,
    /** Tables too large to copy out of the sandbox: pages of them on demand. */
    remote: ((summary) => ({
      numRows: summary.numRows,
      columns: summary.columns.map((name, i) => ({ name, type: summary.types[i] ?? '', missing: 0 })),
      page: (query) => kernel.tablePage(summary.handle!, query),
      summarize: () => kernel.tableColumns(summary.handle!),
    })) as RemoteTables,
    /** The parameter values the cells ran with: the declared defaults and the bar's changes. */
    params: currentParams,
    /** The declared parameters as inputs; a change re-runs their readers, the saved defaults stay. */
    paramsBar: () => paramsBar(hooks.doc().frontMatter?.params ?? {}, paramOverrides, (name, value) => {
      paramOverrides[name] = value;
      kernel.setParams({ [name]: value });
    }),
    runCell(cellId: string): void {
      const block = cellBlocks().find((b) => b.id === cellId);
      if (!block) return;
      list.ran(cellId, block.code);
      kernel.setCell(cellSource(block));
    },
    /** Run all: every cell runs its code as it is in the editor now. */
    runAll(): void {
      for (const block of cellBlocks()) list.ran(block.id, block.code);
      sync();
      kernel.runAll();
    },
    toggleLazy(): void {
      lazy = !lazy;
      localStorage.setItem(LAZY_KEY, String(lazy));
      hooks.setLazy(lazy);
      sync();
      updateStatus();
    },
  };
}

export type NotebookRunner = ReturnType<typeof notebookRunner>;
