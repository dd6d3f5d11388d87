/**
 * The reactive runtime (Observable style): cells are nodes of a dependency graph found by
 * parsing; a change re-runs exactly the changed cells and their dependents; each cell's value
 * is a promise its dependents await; every run has a version, so results of superseded runs
 * are dropped; every run has an AbortSignal, so a cancel reaches the cell's own work.
 * The runtime knows nothing of HTTP or files: the host injects builtins.
 */
import { displayFormat, FormattedValue } from './formatted.js';
import { analyzeCell } from './analyze.js';
import { buildGraph, downstream, upstreamOf } from './graph.js';
import { deferred, Halt } from './halt.js';
import { SQL_BUILTIN } from './sql-cell.js';
import { runCell, type CellBuiltin, type CellRunEnv, type RuntimeCell as Cell } from './run-cell.js';
import type { CellSource, CellState, CellStatus, RuntimeEvent } from './types.js';

/** What a per-run builtin factory is given. */
export interface CellContext {
  cellId: string;
  /** Aborted when the run is cancelled or superseded. */
  signal: AbortSignal;
  /** Adds an output to the running cell (as the cell's own `display(value)`). */
  display: (value: unknown) => void;
}

export interface RuntimeOptions {
  /** Values every cell may read by name (`aq`, `op`, `Plot`, …). */
  builtins?: Record<string, unknown>;
  /** Builtins made afresh for each run, e.g. `recipe` and `load` bound to the run's signal. */
  cellBuiltins?: Record<string, (context: CellContext) => unknown>;
  /** Notebook parameter values, readable by name. */
  params?: Record<string, unknown>;
  /** Mark dependents `stale` instead of running them. */
  lazy?: boolean;
  onEvent?: (event: RuntimeEvent) => void;
  /** Whether a free name the notebook does not define is a global (default: `name in globalThis`). */
  isGlobal?: (name: string) => boolean;
  /** Loads a module for a cell's static `import` (default: the engine's dynamic `import()`). */
  importModule?: (specifier: string) => Promise<unknown>;
}

export interface Runtime {
  /**
   * Replaces the notebook; only what changed (cells, or the params they read) and its dependents
   * re-runs — or goes stale in lazy mode. `stopped` cells (a hard stop) and their dependents are
   * `cancelled` instead. `params` are merged and `lazy` set in the same step.
   */
  setNotebook(cells: CellSource[], options?: { stopped?: string[]; params?: Record<string, unknown>; lazy?: boolean }): void;
  /** Submits one cell (adding it if new) and runs it; dependents run (eager) or go stale (lazy). */
  setCell(cell: CellSource): void;
  /** Re-runs a cell (and stale/idle/cancelled cells above it); dependents run (eager) or go stale (lazy). */
  run(id: string): void;
  /** Runs every cell that is not done (except cells a hard stop killed: run or edit those explicitly). */
  runAll(): void;
  /** Aborts a running cell and cancels its queued dependents; without an id, everything. */
  cancel(id?: string): void;
  /** Merges parameter values; cells reading a changed one re-run (eager) or go stale (lazy). */
  setParams(values: Record<string, unknown>): void;
  /** Switches lazy mode; leaving it runs the stale cells. */
  setLazy(lazy: boolean): void;
  state(id: string): CellState | undefined;
  /** States in notebook order. */
  states(): CellState[];
  /** The names a finished cell defined, with their values. */
  values(id: string): Record<string, unknown> | undefined;
  /** Resolves when no cell is queued or running. */
  idle(): Promise<void>;
  dispose(): void;
}

const sameValue = (a: unknown, b: unknown) =>
  Object.is(a, b) || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime()) ||
  (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));

/**
 * Creates a runtime.
 *
 * @example
 * const rt = createRuntime({ builtins: { aq }, onEvent: console.log });
 * rt.setNotebook([{ id: 'a', code: 'const x = 1' }, { id: 'b', code: 'x + 1' }]);
 * await rt.idle();
 * rt.state('b').value; // → 2
 */
export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const builtins = { ...options.builtins };
  const cellBuiltins: Record<string, CellBuiltin> = {
    display: (c) => (value: unknown, options?: unknown) => {
      const format = displayFormat(options);
      c.display(format ? new FormattedValue(value, format) : value);
      return value;
    },
    signal: (c) => c.signal,
    [SQL_BUILTIN]: () => () => Promise.reject(new Error('SQL cells cannot run here: this host has no SQL engine')),
    ...options.cellBuiltins,
  };
  const builtinNames = new Set([...Object.keys(builtins), ...Object.keys(cellBuiltins)]);
  const isGlobal = options.isGlobal ?? ((name: string) => name in globalThis);
  const importModule = options.importModule ?? ((specifier: string) => import(/* @vite-ignore */ specifier));
  let params: Record<string, unknown> = { ...options.params };
  let lazy = !!options.lazy;
  let cells = new Map<string, Cell>();
  let busy = false;
  let depth = 0;
  let waiters: (() => void)[] = [];
  let disposed = false;

  const emit = (event: RuntimeEvent) => {
    if (!disposed) options.onEvent?.(event);
  };
  const snapshot = (s: CellState): CellState => ({ ...s, displays: s.displays.slice(), defines: s.defines.slice(), references: s.references.slice() });
  /** Reports `idle` when the last running cell settles, or (`always`) after a request that ran nothing. */
  const checkIdle = (always = false) => {
    if (depth > 0) return;
    const active = [...cells.values()].some((c) => c.state.status === 'queued' || c.state.status === 'running');
    if (active) busy = true;
    else {
      const wasBusy = busy;
      busy = false;
      const ws = waiters;
      waiters = [];
      ws.forEach((w) => w());
      if (wasBusy || always) emit({ type: 'idle' });
    }
  };
  /** Groups synchronous state changes so `idle` is judged once they are all made. */
  const batch = (fn: () => void) => {
    depth++;
    try {
      fn();
    } finally {
      depth--;
      checkIdle(true);
    }
  };
  const setStatus = (cell: Cell, status: CellStatus, patch: Partial<CellState> = {}) => {
    Object.assign(cell.state, { status }, patch);
    if (status !== 'error' && status !== 'cancelled' && !('error' in patch)) delete cell.state.error;
    emit({ type: 'cell-status', cell: snapshot(cell.state) });
    checkIdle();
  };
  /** Drops the current run of a cell: later results of it are ignored, its signal aborts. */
  const supersede = (cell: Cell) => {
    cell.state.version++;
    cell.controller?.abort(new Halt('superseded', cell.source.id));
    cell.controller = null;
    if (!cell.result.settled) cell.result.reject(new Halt('superseded', cell.source.id));
    cell.result = deferred();
    cell.resolved = undefined;
  };

  const rebuild = (): Set<string> => {
    const graph = buildGraph({
      cells: [...cells.values()].map((c) => ({ id: c.source.id, analysis: c.analysis })),
      params: new Set(Object.keys(params)),
      builtins: builtinNames,
      isGlobal,
    });
    const changed = new Set<string>();
    for (const cell of cells.values()) {
      cell.node = graph.get(cell.source.id)!;
      const key = JSON.stringify([cell.source.code, cell.source.lang, cell.source.source, cell.node.error?.message, [...cell.node.inputs]]);
      if (key !== cell.key) changed.add(cell.source.id);
      cell.key = key;
      cell.state.defines = cell.analysis.error ? [] : cell.analysis.defines.slice();
      cell.state.references = [...cell.node.inputs.keys()].filter((name) => name !== SQL_BUILTIN);
    }
    return changed;
  };
  const graph = () => new Map([...cells].map(([id, c]) => [id, c.node]));

  const env: CellRunEnv = {
    cell: (id) => cells.get(id)!,
    params: () => params,
    builtins,
    cellBuiltins,
    importModule,
    emit: (event) => emit(event),
    setStatus: (cell, status, patch) => setStatus(cell, status, patch),
  };

  /** Runs `run` (in dependency order) and marks `stale` stale; both sets are superseded first. */
  const schedule = (run: string[], stale: string[]) =>
    batch(() => {
      const started: [Cell, number][] = [];
      for (const id of stale) {
        const cell = cells.get(id)!;
        if (cell.stopped) continue;
        supersede(cell);
        if (cell.node.error) {
          cell.result.reject(new Halt('error', id));
          setStatus(cell, 'error', { error: cell.node.error, value: undefined });
        } else setStatus(cell, 'stale');
      }
      for (const id of run) {
        const cell = cells.get(id)!;
        if (cell.stopped) continue;
        supersede(cell);
        if (cell.node.error) {
          cell.result.reject(new Halt('error', id));
          setStatus(cell, 'error', { error: cell.node.error, value: undefined, displays: [] });
        } else {
          setStatus(cell, 'queued');
          started.push([cell, cell.state.version]);
        }
      }
      for (const [cell, version] of started) void runCell(cell, version, env);
    });

  /** Cells above `ids` that must run first because they hold no current value. */
  const needed = (ids: Iterable<string>) => {
    const out = new Set<string>();
    const g = graph();
    for (const id of ids) {
      for (const up of upstreamOf(g, id)) {
        const status = cells.get(up)?.state.status;
        if (cells.get(up)?.stopped) continue;
        if (status === 'idle' || status === 'stale' || status === 'cancelled') out.add(up);
      }
    }
    return out;
  };
  /** Runs `roots` (plus what they need); their dependents run too, or go stale in lazy mode. */
  const propagate = (roots: Set<string>, alsoRun: Set<string> = new Set()) => {
    const all = downstream(graph(), [...roots, ...alsoRun, ...needed([...roots, ...alsoRun])]);
    const direct = new Set([...alsoRun, ...needed(alsoRun)]);
    if (!lazy) schedule(all, []);
    else schedule(all.filter((id) => direct.has(id)), all.filter((id) => !direct.has(id)));
  };

  /** Merges parameter values; returns the names whose value changed. */
  const mergeParams = (values: Record<string, unknown>) => {
    const changed = Object.keys(values).filter((k) => !(k in params) || !sameValue(params[k], values[k]));
    params = { ...params, ...values };
    return changed;
  };
  /** Cells that read any of these parameters. */
  const readers = (names: string[]) =>
    [...cells.values()].filter((c) => names.some((n) => c.node.inputs.get(n)?.kind === 'param')).map((c) => c.source.id);

  const makeCell = (source: CellSource): Cell => ({
    source: { ...source, lang: source.lang ?? 'js' },
    analysis: analyzeCell(source.code, source.lang ?? 'js', source),
    node: { inputs: new Map(), upstream: new Set() },
    key: '',
    state: { id: source.id, status: 'idle', version: 0, displays: [], defines: [], references: [] },
    result: deferred(),
    controller: null,
  });

  const runtime: Runtime = {
    setNotebook(sources, { stopped = [], params: values, lazy: mode } = {}) {
      batch(() => {
        if (mode !== undefined) lazy = mode;
        const paramNames = values ? mergeParams(values) : [];
        const next = new Map<string, Cell>();
        for (const source of sources) {
          if (next.has(source.id)) continue;
          const old = cells.get(source.id);
          const same = old && old.source.code === source.code && old.source.lang === (source.lang ?? 'js') && old.source.source === source.source;
          next.set(source.id, same ? old : old ? { ...makeCell(source), state: old.state, result: old.result, controller: old.controller } : makeCell(source));
        }
        for (const [id, cell] of cells) {
          if (next.get(id) === cell || next.has(id)) continue;
          supersede(cell);
          emit({ type: 'cell-removed', id });
        }
        cells = next;
        const changed = rebuild();
        const halted = new Set(downstream(graph(), stopped));
        for (const id of halted) {
          const cell = cells.get(id)!;
          supersede(cell);
          const root = stopped.includes(id) ? id : stopped.find((s) => upstreamOf(graph(), id).has(s))!;
          cell.stopped = id === root;
          cell.result.reject(new Halt('cancelled', root));
          const message = id === root ? 'stopped: the cell ran until its worker was terminated' : `cancelled: upstream cell ${root} was stopped`;
          setStatus(cell, 'cancelled', { error: { message, ...(id === root ? {} : { upstream: root }) } });
        }
        const roots = new Set([...changed, ...readers(paramNames)]);
        // In eager mode nothing stays stale: cells left stale by lazy mode run now too.
        if (!lazy) for (const [id, c] of cells) if (c.state.status === 'stale' || c.state.status === 'idle') roots.add(id);
        const all = downstream(graph(), roots).filter((id) => !halted.has(id));
        // A restart after a hard stop restores the lost values, lazy mode or not.
        if (lazy && stopped.length === 0) schedule([], all);
        else schedule(all, []);
      });
    },
    setCell(source) {
      batch(() => {
        const old = cells.get(source.id);
        const cell = makeCell(source);
        if (old) Object.assign(cell, { state: old.state, result: old.result, controller: old.controller });
        cells.set(source.id, cell);
        const changed = rebuild();
        changed.delete(source.id);
        if (lazy) {
          propagate(new Set(), new Set([source.id]));
          const extra = downstream(graph(), changed).filter((id) => cells.get(id)!.state.status !== 'queued');
          schedule([], extra);
        } else propagate(new Set([source.id, ...changed]));
      });
    },
    run(id) {
      if (!cells.has(id)) throw new Error(`no cell "${id}" in this notebook`);
      cells.get(id)!.stopped = false;
      batch(() => (lazy ? propagate(new Set(), new Set([id])) : propagate(new Set([id]))));
    },
    runAll() {
      const roots = [...cells.values()].filter((c) => c.state.status !== 'done' && c.state.status !== 'queued' && c.state.status !== 'running');
      batch(() => schedule(downstream(graph(), roots.map((c) => c.source.id)), []));
    },
    cancel(id) {
      batch(() => {
        const targets = id === undefined ? [...cells.values()] : [cells.get(id)].filter((c): c is Cell => !!c);
        for (const cell of targets) {
          if (cell.state.status !== 'running' && cell.state.status !== 'queued') continue;
          cell.state.version++;
          cell.controller?.abort(new Halt('cancelled', cell.source.id));
          cell.controller = null;
          cell.result.reject(new Halt('cancelled', cell.source.id));
          setStatus(cell, 'cancelled', { error: { message: 'cancelled' } });
        }
      });
    },
    setParams(values) {
      batch(() => {
        const added = Object.keys(values).some((k) => !(k in params));
        const changedNames = mergeParams(values);
        const roots = added ? rebuild() : new Set<string>();
        for (const id of readers(changedNames)) roots.add(id);
        const all = downstream(graph(), roots);
        if (lazy) schedule([], all);
        else schedule(all, []);
      });
    },
    setLazy(value) {
      lazy = value;
      if (!lazy) runtime.runAll();
    },
    state: (id) => {
      const cell = cells.get(id);
      return cell && snapshot(cell.state);
    },
    states: () => [...cells.values()].map((c) => snapshot(c.state)),
    values: (id) => cells.get(id)?.resolved,
    idle() {
      const active = [...cells.values()].some((c) => c.state.status === 'queued' || c.state.status === 'running');
      return active ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve();
    },
    dispose() {
      for (const cell of cells.values()) supersede(cell);
      disposed = true;
      cells = new Map();
      waiters.forEach((w) => w());
      waiters = [];
    },
  };
  return runtime;
}
