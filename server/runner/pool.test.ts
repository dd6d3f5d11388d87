import * as aq from 'arquero';
import { afterAll, describe, expect, it } from 'vitest';
import { isInputError, RecipeCancelledError } from '../../recipes/errors.js';
import { defaultPoolSize, RecipePool } from './pool.js';

const registry = new URL('../../tests/server/fixtures/recipes.ts', import.meta.url);
const pool = new RecipePool({ size: 2, registry, cancelGraceMs: 300 });
afterAll(() => pool.close());

describe('RecipePool', () => {
  it('runs a recipe in a worker and brings its tables back', async () => {
    const rows = aq.table({ g: ['a', 'b', 'a'], value: [1, 2, 4], when: [new Date(0), new Date(1e12), null] });
    const { params, result } = await pool.run('sum', { rows }, { group: 'g' });
    expect(params).toEqual({ value: 'value', group: 'g' });
    expect(result.metrics).toEqual({ total: 7, rows: 3, first_type: 'number' });
    expect(result.tables.groups.objects()).toEqual([{ g: 'a', total: 5 }, { g: 'b', total: 2 }]);
    expect(result.tables.echo.get('when', 1)).toEqual(new Date(1e12));
    expect(result.notes).toEqual(['The total is 7.']);
  });

  it('keeps nested and mixed columns exact (they cannot go through Arrow)', async () => {
    const rows = aq.table({ value: [1, 2], tags: [['x', 'y'], []], mixed: [1, 'one'] });
    const { result } = await pool.run('sum', { rows }, {});
    expect(result.tables.echo.objects()).toEqual([
      { value: 1, tags: ['x', 'y'], mixed: 1 },
      { value: 2, tags: [], mixed: 'one' },
    ]);
  });

  it('runs jobs in parallel up to the pool size and queues the rest', async () => {
    await Promise.all([pool.run('slow', {}, { ms: 1, steps: 1 }), pool.run('slow', {}, { ms: 1, steps: 1 })]); // both loaded
    const runs = [pool.run('spin', {}, { ms: 300 }), pool.run('spin', {}, { ms: 300 }), pool.run('spin', {}, { ms: 300 })];
    expect(pool.queued).toBe(1);
    const [a, b, c] = (await Promise.all(runs)).map(({ result }) => result.metrics as { started: number; ended: number });
    // The first two overlap in time (two threads); the third starts only when one of them ended.
    expect(Math.max(a.started, b.started)).toBeLessThan(Math.min(a.ended, b.ended));
    expect(c.started).toBeGreaterThanOrEqual(Math.min(a.ended, b.ended));
  });

  it('does not block the main event loop while a recipe spins', async () => {
    const run = pool.run('spin', {}, { ms: 300 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await run;
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(10);
  });

  it('reports progress from the worker', async () => {
    const seen: [number, string | undefined][] = [];
    await pool.run('slow', {}, { ms: 200, steps: 4 }, { progress: (f, label) => seen.push([f, label]) });
    expect(seen.map(([, label]) => label)).toEqual(['step 1', 'step 2', 'step 3', 'step 4', 'done']);
    expect(seen.at(-1)![0]).toBe(1);
  });

  it('cancels a cooperative run through its signal', async () => {
    const controller = new AbortController();
    const run = pool.run('slow', {}, { ms: 5000, steps: 100 }, { signal: controller.signal, progress: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(RecipeCancelledError);
  });

  it('terminates a worker that ignores the signal, and replaces it', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const run = pool.run('spin', {}, { ms: 20_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(run).rejects.toBeInstanceOf(RecipeCancelledError);
    expect(Date.now() - started).toBeLessThan(5000);
    const { result } = await pool.run('sum', { rows: aq.table({ value: [2] }) }, {});
    expect(result.metrics.total).toBe(2);
  });

  it('cancels a queued job without running it', async () => {
    const blockers = [pool.run('spin', {}, { ms: 300 }), pool.run('spin', {}, { ms: 300 })];
    const controller = new AbortController();
    const labels: (string | undefined)[] = [];
    const queued = pool.run('slow', {}, { ms: 10 }, { signal: controller.signal, progress: (_, label) => labels.push(label) });
    expect(labels).toEqual(['waiting for a free worker']);
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(RecipeCancelledError);
    await Promise.all(blockers);
  });

  it('rejects at once when the signal has already aborted', async () => {
    await expect(pool.run('slow', {}, {}, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(RecipeCancelledError);
  });

  it('keeps RecipeInputError messages across the thread boundary', async () => {
    const missing = pool.run('sum', { rows: aq.table({ amount: [1] }) }, {});
    await expect(missing).rejects.toSatisfy(isInputError);
    await expect(missing).rejects.toThrow(/rows.*"value"/);
    await expect(pool.run('sum', { rows: aq.table({ value: [1] }) }, { alpha: 1 })).rejects.toThrow(/unknown parameter "alpha"/);
    await expect(pool.run('nope', {}, {})).rejects.toThrow(/There is no recipe "nope"/);
    await expect(pool.run('nope', {}, {})).rejects.toSatisfy(isInputError);
  });

  it('reports a bug as a plain Error, and survives a worker that exits', async () => {
    const bug = pool.run('crash', {}, {});
    await expect(bug).rejects.toThrow('boom');
    await expect(bug).rejects.not.toSatisfy(isInputError);
    await expect(pool.run('crash', {}, { exit: true })).rejects.toThrow(/worker running crash exited with code 3/);
    const { result } = await pool.run('sum', { rows: aq.table({ value: [5] }) }, {});
    expect(result.metrics.total).toBe(5);
  });

  it('gives each user a fair turn: one user\'s short run never waits behind another\'s long ones', async () => {
    await Promise.all([pool.run('slow', {}, { ms: 1, steps: 1 }), pool.run('slow', {}, { ms: 1, steps: 1 })]); // both loaded
    const long = [1, 2, 3].map(() => pool.run('spin', {}, { ms: 1500 }, { user: 'ana' }));
    const short = pool.run('spin', {}, { ms: 10 }, { user: 'ben' });
    const ben = (await short).result.metrics as { started: number; ended: number };
    const anas = (await Promise.all(long)).map(({ result }) => result.metrics as { started: number; ended: number });
    // Ben's run went to the worker Ana could not take, while her first fit was still spinning.
    expect(ben.ended).toBeLessThan(Math.min(...anas.map((a) => a.ended)));
    // Ana's own runs still take their turns, one after another.
    expect(anas[1]!.started).toBeGreaterThanOrEqual(anas[0]!.ended);
  });

  it('has at least two workers on any machine', () => {
    expect(defaultPoolSize()).toBeGreaterThanOrEqual(2);
    expect(new RecipePool({ size: 1 }).size).toBe(1);
  });
});
