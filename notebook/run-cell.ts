/**
 * Running one cell: wait for the cells it reads, bind its inputs (cell values, params,
 * builtins), call it, await the promises it defines, and settle its status — unless a newer
 * version of the cell started meanwhile, in which case the result is dropped.
 */
import type { CellAnalysis } from './analyze.js';
import { cellError, compileCell, type CellFunction } from './compile.js';
import { cellValue } from './declared.js';
import type { GraphNode } from './graph.js';
import { Halt, type Deferred } from './halt.js';
import type { CellError, CellSource, CellState, CellStatus, RuntimeEvent } from './types.js';

/** The runtime's record of a cell. */
export interface RuntimeCell {
  source: CellSource;
  analysis: CellAnalysis;
  node: GraphNode;
  /** What the cell's last run depended on (code, static error, input bindings). */
  key: string;
  compiled?: { args: string; fn: CellFunction };
  state: CellState;
  /** The names the current version defines; dependents await it. */
  result: Deferred<Record<string, unknown>>;
  resolved?: Record<string, unknown>;
  controller: AbortController | null;
  /** Killed by a hard stop: it runs again only when edited or run explicitly. */
  stopped?: boolean;
}

/** A builtin made for each run. */
export type CellBuiltin = (context: { cellId: string; signal: AbortSignal; display: (value: unknown) => void }) => unknown;

/** What running a cell needs from the runtime. */
export interface CellRunEnv {
  cell(id: string): RuntimeCell;
  params(): Record<string, unknown>;
  builtins: Record<string, unknown>;
  cellBuiltins: Record<string, CellBuiltin>;
  importModule: (specifier: string) => Promise<unknown>;
  emit(event: RuntimeEvent): void;
  setStatus(cell: RuntimeCell, status: CellStatus, patch?: Partial<CellState>): void;
}

const now = () => (globalThis.performance ?? Date).now();
const isThenable = (v: unknown): v is PromiseLike<unknown> => !!v && typeof (v as { then?: unknown }).then === 'function';

/**
 * Runs version `version` of a cell (already superseded and queued by the runtime).
 *
 * @example
 * setStatus(cell, 'queued'); void runCell(cell, cell.state.version, env);
 */
export async function runCell(cell: RuntimeCell, version: number, env: CellRunEnv): Promise<void> {
  const id = cell.source.id;
  const upstream = [...cell.node.upstream].map((u) => env.cell(u));
  const resolved = new Map<string, Record<string, unknown>>();
  try {
    const results = await Promise.all(upstream.map((u) => u.result.promise));
    upstream.forEach((u, i) => resolved.set(u.source.id, results[i]));
  } catch (thrown) {
    if (cell.state.version !== version) return;
    const halt = thrown as Halt;
    if (halt.kind === 'superseded') return;
    const error: CellError =
      halt.kind === 'cancelled'
        ? { message: `cancelled: upstream cell ${halt.cell} was cancelled`, upstream: halt.cell }
        : { message: `upstream error in cell ${halt.cell}`, upstream: halt.cell };
    cell.result.reject(new Halt(halt.kind, halt.cell));
    env.setStatus(cell, halt.kind === 'cancelled' ? 'cancelled' : 'error', { error });
    return;
  }
  if (cell.state.version !== version) return;
  const controller = new AbortController();
  cell.controller = controller;
  const display = (value: unknown) => {
    if (cell.state.version !== version) return;
    cell.state.displays.push(value);
    env.emit({ type: 'cell-display', id, version, value });
  };
  const context = { cellId: id, signal: controller.signal, display };
  const names = [...cell.node.inputs.keys()];
  env.setStatus(cell, 'running', { displays: [] });
  const start = now();
  try {
    const args = names.map((name) => {
      const binding = cell.node.inputs.get(name)!;
      if (binding.kind === 'cell') return resolved.get(binding.cell)![name];
      if (binding.kind === 'param') return env.params()[name];
      return name in env.cellBuiltins ? env.cellBuiltins[name](context) : env.builtins[name];
    });
    const argKey = names.join(',');
    if (cell.compiled?.args !== argKey) cell.compiled = { args: argKey, fn: compileCell(id, cell.analysis.body, names) };
    const result = await cell.compiled.fn(env.importModule, ...args);
    const values = result.values;
    await Promise.all(Object.keys(values).map(async (k) => (values[k] = isThenable(values[k]) ? await values[k] : values[k])));
    let value = cellValue(result, cell.analysis.defines);
    if (isThenable(value)) value = await value;
    if (cell.state.version !== version) return;
    cell.controller = null;
    cell.resolved = values;
    cell.result.resolve(values);
    env.setStatus(cell, 'done', { value, ms: now() - start });
  } catch (thrown) {
    if (cell.state.version !== version) return;
    cell.controller = null;
    cell.result.reject(new Halt('error', id));
    env.setStatus(cell, 'error', { error: cellError(id, thrown, cell.analysis, cell.source.code.split(/\r\n|\r|\n/).length), ms: now() - start, value: undefined });
  }
}
