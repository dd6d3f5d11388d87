import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { dialects } from '../../recipes/sql/dialects.js';
import type { Recipe } from '../../recipes/types.js';
import { executePlan } from './execute-plan.js';
import type { Engine, QueryOptions } from './types.js';

/** An engine whose queries name their outcome: `fail`, `slow` (waits for its signal) or a row count. */
function fakeEngine(log: string[]): Engine {
  return {
    source: 'fake',
    kind: 'duckdb',
    dialect: dialects.duckdb,
    async query(sql: string, options: QueryOptions = {}) {
      log.push(`start ${sql}`);
      if (sql === 'fail') throw new Error('no such column "x" on fake');
      if (sql === 'slow') {
        await new Promise((_, reject) => options.signal?.addEventListener('abort', () => reject(new Error('cancelled')), { once: true }));
      }
      await new Promise((resolve) => setTimeout(resolve, Number(sql.replace(/\D/g, '')) || 0));
      options.onProgress?.({ rowsRead: 1, fraction: 0.5 });
      log.push(`end ${sql}`);
      return { table: aq.table({ n: [sql] }), rowsRead: 10, truncated: false };
    },
    stream: () => (async function* () {})(),
    columns: async () => [],
    tables: async () => [],
    close: async () => {},
  };
}

const recipe = (queries: Record<string, string>, shared?: Record<string, string>) =>
  ({ id: 't', aggregate: () => ({ queries, consumes: [], ...(shared ? { shared } : {}) }) }) as unknown as Recipe;

describe('executePlan', () => {
  it('builds the shared tables first, runs the queries one after the other, drops the tables and returns every table', async () => {
    const log: string[] = [];
    const progress: number[] = [];
    const out = await executePlan(fakeEngine(log), recipe({ a: 'wait 30', b: 'wait 1' }, { lb_s: 'SELECT 1' }), {}, {}, { signal: new AbortController().signal, progress: (f) => progress.push(f) });
    expect(log[0]).toMatch(/^start CREATE TABLE "lb_s_\d+" AS SELECT 1$/);
    expect(log.slice(2, 6)).toEqual(['start wait 30', 'end wait 30', 'start wait 1', 'end wait 1']);
    expect(log.at(-2)).toMatch(/^start DROP TABLE IF EXISTS "lb_s_\d+"$/);
    expect(Object.keys(out.tables)).toEqual(['a', 'b']);
    expect([out.rowsFetched, out.rowsRead]).toEqual([2, 10]);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
  });

  it('stops at the first query that fails, throws its error and still drops the shared tables', async () => {
    const log: string[] = [];
    const run = executePlan(fakeEngine(log), recipe({ a: 'fail', b: 'wait 1' }, { lb_s: 'SELECT 1' }), {}, {}, { signal: new AbortController().signal, progress: () => {} });
    await expect(run).rejects.toThrow('no such column "x" on fake');
    expect(log).not.toContain('start wait 1');
    expect(log.at(-2)).toMatch(/^start DROP TABLE IF EXISTS "lb_s_\d+"$/);
  });

  it('stops when the run is cancelled, before the next query starts', async () => {
    const log: string[] = [];
    const stop = new AbortController();
    const run = executePlan(fakeEngine(log), recipe({ a: 'slow', b: 'wait 1' }), {}, {}, { signal: stop.signal, progress: () => {} });
    setTimeout(() => stop.abort(), 20);
    await expect(run).rejects.toThrow('cancelled');
    expect(log).toEqual(['start slow']);
  });
});
