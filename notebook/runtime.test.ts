/**
 * The runtime's specification: each test states one rule of the reactive runtime.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime, type RuntimeOptions } from './runtime.js';
import { DeclaredValues } from './declared.js';
import { summarizeValue } from './summarize.js';
import type { CellSource, RuntimeEvent } from './types.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A runtime whose cells can call `log(name)` to record that they ran. */
function setup(cells: CellSource[] = [], options: RuntimeOptions = {}) {
  const runs: string[] = [];
  const events: RuntimeEvent[] = [];
  const rt = createRuntime({
    ...options,
    builtins: { log: (name: string) => runs.push(name), sleep, ...options.builtins },
    onEvent: (e) => events.push(e),
  });
  if (cells.length) rt.setNotebook(cells);
  const status = () => Object.fromEntries(rt.states().map((s) => [s.id, s.status]));
  const value = (id: string) => rt.state(id)?.value;
  const error = (id: string) => rt.state(id)?.error?.message;
  return { rt, runs, events, status, value, error };
}

const cell = (id: string, code: string, lang?: 'js' | 'ts'): CellSource => ({ id, code, lang });

describe('dependencies', () => {
  it('a cell reads the top-level names of other cells, whatever their order on the page', async () => {
    const { rt, value } = setup([cell('b', 'const y = x * 2'), cell('a', 'const x = 21'), cell('c', 'y')]);
    await rt.idle();
    expect(value('c')).toBe(42);
    expect(rt.state('b')).toMatchObject({ defines: ['y'], references: ['x'] });
  });

  it('changing a cell re-runs exactly it and its dependents, in dependency order', async () => {
    const { rt, runs, value } = setup([
      cell('a', "log('a'); const x = 1"),
      cell('b', "log('b'); const y = x + 1"),
      cell('c', "log('c'); const z = 10"),
      cell('d', "log('d'); y * z"),
    ]);
    await rt.idle();
    runs.length = 0;
    rt.setCell(cell('a', "log('a'); const x = 5"));
    await rt.idle();
    expect(runs).toEqual(['a', 'b', 'd']);
    expect(value('d')).toBe(60);
  });

  it('a cell read through two paths (a diamond) runs once per change, after both', async () => {
    const { rt, runs, value } = setup([
      cell('a', "log('a'); const x = 1"),
      cell('b', "log('b'); const y = await sleep(10).then(() => x + 1)"),
      cell('c', "log('c'); const z = x * 10"),
      cell('d', "log('d'); y + z"),
    ]);
    await rt.idle();
    runs.length = 0;
    rt.setCell(cell('a', "log('a'); const x = 2"));
    await rt.idle();
    expect(runs.filter((r) => r === 'd')).toEqual(['d']);
    expect(runs.indexOf('d')).toBe(3);
    expect(value('d')).toBe(23);
  });

  it('re-sending the notebook re-runs only the cells whose code changed, and their dependents', async () => {
    const cells = [cell('a', "log('a'); const x = 1"), cell('b', "log('b'); const y = 2"), cell('c', "log('c'); x + y")];
    const { rt, runs, value } = setup(cells);
    await rt.idle();
    runs.length = 0;
    rt.setNotebook([cells[0], cell('b', "log('b'); const y = 3"), cells[2]]);
    await rt.idle();
    expect(runs).toEqual(['b', 'c']);
    expect(value('c')).toBe(4);
  });

  it('local names inside functions and blocks do not create dependencies', async () => {
    const { rt, value } = setup([cell('a', 'const d = 100'), cell('b', '[1, 2].map((d) => d * 2)'), cell('c', 'for (const i of [1]) { let d = i }; d')]);
    await rt.idle();
    expect(rt.state('b')?.references).toEqual([]);
    expect(value('b')).toEqual([2, 4]);
    expect(value('c')).toBe(100);
  });

  it('globals such as Math and JSON are read directly, not as dependencies', async () => {
    const { rt, value } = setup([cell('a', 'Math.max(1, JSON.parse("2"))')]);
    await rt.idle();
    expect(value('a')).toBe(2);
    expect(rt.state('a')?.references).toEqual([]);
  });

  it('a name no cell defines is an error naming it', async () => {
    const { rt, status, error } = setup([cell('a', 'const y = missing + 1')]);
    await rt.idle();
    expect(status().a).toBe('error');
    expect(error('a')).toBe('missing is not defined by any cell');
  });

  it('adding the cell that defines a missing name fixes the cells that read it', async () => {
    const { rt, value } = setup([cell('a', 'x + 1')]);
    await rt.idle();
    rt.setCell(cell('b', 'const x = 1'));
    await rt.idle();
    expect(value('a')).toBe(2);
  });

  it('removing a cell makes its readers fail with a clear error', async () => {
    const { rt, events, error } = setup([cell('a', 'const x = 1'), cell('b', 'x + 1')]);
    await rt.idle();
    rt.setNotebook([cell('b', 'x + 1')]);
    await rt.idle();
    expect(error('b')).toBe('x is not defined by any cell');
    expect(events).toContainEqual({ type: 'cell-removed', id: 'a' });
  });

  it('a cycle is an error on the cells involved, and their readers show an upstream error', async () => {
    const { rt, status, error } = setup([cell('a', 'const x = y + 1'), cell('b', 'const y = x + 1'), cell('c', 'x'), cell('d', '1 + 1')]);
    await rt.idle();
    expect(status()).toEqual({ a: 'error', b: 'error', c: 'error', d: 'done' });
    expect(error('a')).toBe('circular definition: a → b → a');
    expect(error('b')).toBe('circular definition: b → a → b');
    const three = setup([cell('p', 'const x = z'), cell('q', 'const y = x'), cell('r', 'const z = y')]);
    await three.rt.idle();
    expect(three.error('q')).toBe('circular definition: q → p → r → q');
    expect(rt.state('c')?.error).toMatchObject({ message: expect.stringMatching(/^upstream error in cell [ab]$/) });
  });

  it('a name defined twice is an error on both cells, and readers show an upstream error', async () => {
    const { rt, error } = setup([cell('a', 'const x = 1'), cell('b', 'let x = 2'), cell('c', 'x')]);
    await rt.idle();
    expect(error('a')).toBe('x is defined more than once (cells a, b)');
    expect(error('b')).toBe('x is defined more than once (cells a, b)');
    expect(error('c')).toMatch(/^upstream error in cell [ab]$/);
  });

  it('a cell cannot assign to a name another cell defines', async () => {
    const { rt, error } = setup([cell('a', 'let x = 1'), cell('b', 'x = 2')]);
    await rt.idle();
    expect(error('b')).toBe("cannot assign to x: it is defined by cell a; cells cannot change each other's values");
  });
});

describe('errors', () => {
  it('a syntax error is an error on the cell with its line and column', async () => {
    const { rt } = setup([cell('a', 'const ok = 1\nconst = 2')]);
    await rt.idle();
    expect(rt.state('a')).toMatchObject({ status: 'error', error: { message: 'Unexpected token', line: 2, column: 7 } });
  });

  it('a thrown error is reported with the cell line where it was thrown', async () => {
    const { rt } = setup([cell('a', 'const a = 1\n\nnull.field')]);
    await rt.idle();
    expect(rt.state('a')?.error).toEqual({ message: "TypeError: Cannot read properties of null (reading 'field')", line: 3, column: 6 });
  });

  it('a thrown error stops only its dependents; they name the cell that failed', async () => {
    const { rt, status, error } = setup([
      cell('a', "const x = 1; throw new Error('bad input')"),
      cell('b', 'const y = x + 1'),
      cell('c', 'y + 1'),
      cell('d', 'const other = 2'),
    ]);
    await rt.idle();
    expect(status()).toEqual({ a: 'error', b: 'error', c: 'error', d: 'done' });
    expect(error('a')).toBe('bad input');
    expect(rt.state('b')?.error).toEqual({ message: 'upstream error in cell a', upstream: 'a' });
    expect(rt.state('c')?.error).toEqual({ message: 'upstream error in cell a', upstream: 'a' });
  });

  it('fixing the failing cell runs its dependents again', async () => {
    const { rt, value } = setup([cell('a', "throw new Error('x')"), cell('b', 'x + 1')]);
    await rt.idle();
    rt.setCell(cell('a', 'const x = 1'));
    await rt.idle();
    expect(value('b')).toBe(2);
  });
});

describe('values', () => {
  it('a cell shows its last expression; else its single defined name; else every name it declares', async () => {
    const { rt, value } = setup([cell('a', 'const a = 1; a + 1'), cell('b', 'const b = 3'), cell('c', 'const c1 = 1, c2 = 2'), cell('d', 'function f() {}')]);
    await rt.idle();
    expect(value('a')).toBe(2);
    expect(value('b')).toBe(3);
    expect(value('c')).toEqual(new DeclaredValues({ c1: 1, c2: 2 }));
    expect(summarizeValue(value('c'))).toEqual({ kind: 'declared', values: [{ name: 'c1', value: { kind: 'json', json: 1 } }, { name: 'c2', value: { kind: 'json', json: 2 } }] });
    expect(typeof value('d')).toBe('function');
  });

  it('promises are awaited across cells: dependents get resolved values', async () => {
    const { rt, value } = setup([
      cell('a', 'const x = await sleep(20).then(() => 5)'),
      cell('b', 'const p = sleep(10).then(() => 7)'),
      cell('c', 'x + p'),
    ]);
    await rt.idle();
    expect(value('c')).toBe(12);
    expect(value('b')).toBe(7);
  });

  it('display(value) adds outputs in order, each also sent as an event', async () => {
    const { rt, events } = setup([cell('a', "display('one'); display({ n: 2 }); 3")]);
    await rt.idle();
    expect(rt.state('a')).toMatchObject({ value: 3, displays: ['one', { n: 2 }] });
    expect(events.filter((e) => e.type === 'cell-display').map((e) => e.type === 'cell-display' && e.value)).toEqual(['one', { n: 2 }]);
  });

  it('TypeScript cells run with their types stripped', async () => {
    const { rt, value } = setup([cell('a', 'interface P { n: number }\nconst p: P = { n: 2 }\nconst sq = (v: number): number => v * v\nsq(p.n)', 'ts')]);
    await rt.idle();
    expect(value('a')).toBe(4);
  });

  it('a static import becomes a dynamic import whose names other cells can read', async () => {
    const { rt, value } = setup([cell('a', "import answer, { half } from 'data:text/javascript,export default 42; export const half = 21'"), cell('b', 'answer + half')]);
    await rt.idle();
    expect(value('b')).toBe(63);
  });
});

describe('builtins and parameters', () => {
  it('cells read host builtins and per-run builtins that know the cell and its signal', async () => {
    const seen: string[] = [];
    const { rt, value } = setup([cell('c1', "await load('orders')")], {
      builtins: { aq: { name: 'aq' } },
      cellBuiltins: { load: ({ cellId, signal }) => async (name: string) => (seen.push(`${cellId}:${signal.aborted}`), `rows of ${name}`) },
    });
    await rt.idle();
    expect(value('c1')).toBe('rows of orders');
    expect(seen).toEqual(['c1:false']);
  });

  it('notebook parameters are names cells read; changing one re-runs exactly its readers', async () => {
    const { rt, runs, value } = setup([cell('a', "log('a'); seed * 2"), cell('b', "log('b'); 1")], { params: { seed: 21 } });
    await rt.idle();
    expect(value('a')).toBe(42);
    runs.length = 0;
    rt.setParams({ seed: 5 });
    await rt.idle();
    expect(runs).toEqual(['a']);
    expect(value('a')).toBe(10);
    rt.setParams({ seed: 5 });
    await rt.idle();
    expect(runs).toEqual(['a']);
  });

  it('a cell cannot define a name that is a notebook parameter', async () => {
    const { rt, error } = setup([cell('a', 'const seed = 1')], { params: { seed: 2 } });
    await rt.idle();
    expect(error('a')).toBe('seed is a notebook parameter: a cell cannot define it too; rename one of them');
  });
});

describe('cancellation and versions', () => {
  /** A cell that waits until its signal aborts. */
  const waitForAbort = "const x = await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))";

  it('cancel(id) aborts the running cell\'s signal and cancels its queued dependents', async () => {
    const signals: AbortSignal[] = [];
    const { rt, status, error } = setup([cell('a', `keep(signal); ${waitForAbort}`), cell('b', 'x + 1'), cell('c', 'const free = 1')], {
      builtins: { keep: (s: AbortSignal) => signals.push(s) },
    });
    await sleep(10);
    expect(status()).toEqual({ a: 'running', b: 'queued', c: 'done' });
    rt.cancel('a');
    await rt.idle();
    expect(signals[0].aborted).toBe(true);
    expect(status()).toEqual({ a: 'cancelled', b: 'cancelled', c: 'done' });
    expect(error('b')).toBe('cancelled: upstream cell a was cancelled');
  });

  it('cancel() without an id cancels everything that is running or queued', async () => {
    const { rt, status } = setup([cell('a', waitForAbort), cell('b', `const y = await sleep(5000)`), cell('c', 'x + y')]);
    await sleep(10);
    rt.cancel();
    await rt.idle();
    expect(status()).toEqual({ a: 'cancelled', b: 'cancelled', c: 'cancelled' });
  });

  it('a cancelled cell that ignores its signal never overwrites its status later', async () => {
    const { rt, status, value } = setup([cell('a', 'await sleep(30); const x = 1')]);
    await sleep(5);
    rt.cancel('a');
    await sleep(50);
    expect(status().a).toBe('cancelled');
    expect(value('a')).toBeUndefined();
  });

  it('a slow old run finishing late never overwrites a newer one, and its signal is aborted', async () => {
    const signals: AbortSignal[] = [];
    const { rt, events, value } = setup([cell('a', 'keep(signal); const x = await sleep(40).then(() => "old")'), cell('b', 'x')], {
      builtins: { keep: (s: AbortSignal) => signals.push(s) },
    });
    await sleep(5);
    rt.setCell(cell('a', 'keep(signal); const x = await sleep(1).then(() => "new")'));
    await rt.idle();
    await sleep(60);
    expect(value('b')).toBe('new');
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    const doneValues = events.flatMap((e) => (e.type === 'cell-status' && e.cell.status === 'done' ? [e.cell.value] : []));
    expect(doneValues).not.toContain('old');
  });

  it('every status change is an event with the cell version and, once done, the time taken', async () => {
    const { rt, events } = setup([cell('a', '1')]);
    await rt.idle();
    const statuses = events.flatMap((e) => (e.type === 'cell-status' ? [[e.cell.status, e.cell.version]] : []));
    expect(statuses).toEqual([['queued', 1], ['running', 1], ['done', 1]]);
    const done = events.find((e) => e.type === 'cell-status' && e.cell.status === 'done');
    expect(done?.type === 'cell-status' && done.cell.ms).toBeGreaterThanOrEqual(0);
    expect(events[events.length - 1]).toEqual({ type: 'idle' });
  });

  it('a request that leaves nothing to run still reports idle (hosts wait for it)', () => {
    const { rt, events } = setup();
    rt.setNotebook([cell('a', 'const = 1')]);
    expect(events.at(-1)).toEqual({ type: 'idle' });
  });

  it('after a hard stop, a new runtime runs everything except the stopped cell and its dependents', async () => {
    const { rt, status, error } = setup();
    rt.setNotebook([cell('a', 'const x = 1'), cell('loop', 'const y = x; while (true) {}'), cell('c', 'y + 1'), cell('d', 'x + 1')], { stopped: ['loop'] });
    await rt.idle();
    expect(status()).toEqual({ a: 'done', loop: 'cancelled', c: 'cancelled', d: 'done' });
    expect(error('loop')).toBe('stopped: the cell ran until its worker was terminated');
    expect(error('c')).toBe('cancelled: upstream cell loop was stopped');
  });

  it('a restart after a hard stop re-runs the other cells even in lazy mode', async () => {
    const { rt, status } = setup([], { lazy: true });
    rt.setNotebook([cell('a', 'const x = 1'), cell('loop', 'const y = x'), cell('d', 'x + 1')], { stopped: ['loop'] });
    await rt.idle();
    expect(status()).toEqual({ a: 'done', loop: 'cancelled', d: 'done' });
  });

  it('a stopped cell runs again only when run or edited, not when a cell above changes or on run-all', async () => {
    const { rt, runs, status } = setup();
    rt.setNotebook([cell('a', 'const x = 1'), cell('loop', "log('loop'); const y = x"), cell('c', 'y + 1')], { stopped: ['loop'] });
    await rt.idle();
    rt.setCell(cell('a', 'const x = 2'));
    rt.runAll();
    await rt.idle();
    expect(runs).toEqual([]);
    expect(status()).toEqual({ a: 'done', loop: 'cancelled', c: 'cancelled' });
    rt.run('loop');
    await rt.idle();
    expect(runs).toEqual(['loop']);
    expect(rt.state('c')?.value).toBe(3);
  });
});

describe('lazy mode', () => {
  const notebook = [cell('a', "log('a'); const x = 1"), cell('b', "log('b'); const y = x + 1"), cell('c', "log('c'); y + 1")];

  it('loading a notebook marks its cells stale without running them', async () => {
    const { rt, runs, status } = setup(notebook, { lazy: true });
    await rt.idle();
    expect(runs).toEqual([]);
    expect(status()).toEqual({ a: 'stale', b: 'stale', c: 'stale' });
  });

  it('editing a cell runs it and marks its dependents stale instead of running them', async () => {
    const { rt, runs, status, value } = setup(notebook);
    await rt.idle();
    rt.setLazy(true);
    runs.length = 0;
    rt.setCell(cell('a', "log('a'); const x = 10"));
    await rt.idle();
    expect(runs).toEqual(['a']);
    expect(status()).toEqual({ a: 'done', b: 'stale', c: 'stale' });
    expect(value('c')).toBe(3);
  });

  it('running a stale cell first runs the stale cells it reads from', async () => {
    const { rt, runs, status, value } = setup(notebook, { lazy: true });
    rt.run('b');
    await rt.idle();
    expect(runs).toEqual(['a', 'b']);
    expect(status()).toEqual({ a: 'done', b: 'done', c: 'stale' });
    rt.runAll();
    await rt.idle();
    expect(value('c')).toBe(3);
  });

  it('leaving lazy mode runs the stale cells', async () => {
    const { rt, status } = setup(notebook, { lazy: true });
    rt.setLazy(false);
    await rt.idle();
    expect(status()).toEqual({ a: 'done', b: 'done', c: 'done' });
  });
});

describe('SQL cells', () => {
  const sqlCell = (id: string, code: string, source = 'local'): CellSource => ({ id, code, lang: 'sql', source });

  it('a SQL cell runs through the host SQL function with bound parameters and defines its id', async () => {
    const calls: unknown[][] = [];
    const { rt, value, runs } = setup(
      [cell('a', "log('a'); const since = '2025-01-01'"), sqlCell('rows', 'SELECT * FROM t WHERE day >= ${since}', 'wh'), cell('n', "log('n'); rows.length")],
      { cellBuiltins: { __lb$sql: () => async (...args: unknown[]) => (calls.push(args), [args[2]]) } },
    );
    await rt.idle();
    expect(calls).toEqual([['wh', 'SELECT * FROM t WHERE day >= $1', ['2025-01-01']]]);
    expect(value('rows')).toEqual([['2025-01-01']]);
    expect(value('n')).toBe(1);
    runs.length = 0;
    rt.setCell(cell('a', "log('a'); const since = '2026-01-01'"));
    await rt.idle();
    expect(runs).toEqual(['a', 'n']);
    expect(calls.at(-1)).toEqual(['wh', 'SELECT * FROM t WHERE day >= $1', ['2026-01-01']]);
  });

  it('changing only the source re-runs the cell; a host with no SQL says so on the cell', async () => {
    const { rt, error } = setup([sqlCell('q', 'SELECT 1')]);
    await rt.idle();
    expect(error('q')).toBe('SQL cells cannot run here: this host has no SQL engine');
    const sources: unknown[] = [];
    const { rt: rt2 } = setup([sqlCell('q', 'SELECT 1', 'a')], { cellBuiltins: { __lb$sql: () => async (source: string) => sources.push(source) } });
    await rt2.idle();
    rt2.setNotebook([sqlCell('q', 'SELECT 1', 'b')]);
    await rt2.idle();
    expect(sources).toEqual(['a', 'b']);
  });

  it('a SQL error or a cancel stops its dependents like any cell', async () => {
    const { rt, status, error } = setup([sqlCell('q', 'SELEC 1'), cell('b', 'q')], {
      cellBuiltins: { __lb$sql: () => async () => Promise.reject(new Error('Parser Error: syntax error at or near "SELEC"')) },
    });
    await rt.idle();
    expect(status()).toEqual({ q: 'error', b: 'error' });
    expect(error('q')).toBe('Parser Error: syntax error at or near "SELEC"');
    expect(error('b')).toBe('upstream error in cell q');
  });
});
