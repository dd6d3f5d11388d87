import type { ColumnTable } from 'arquero';
import type { Executor, SqlRelation } from '../../recipes/types.js';
import { executePlan } from './execute-plan.js';
import { openLocalEngine, type LocalEngine } from './local.js';

// One embedded DuckDB per process (a worker thread, a test file): opening one costs ~70 ms, a
// run's tables cost only their copy. Each run's tables get names of their own and are dropped after.
let shared: Promise<LocalEngine> | undefined;
let runs = 0;

/**
 * The executor for inline tables (a notebook cell's rows, API rows, tests): a recipe with an
 * `aggregate` phase gets its tables copied into the embedded DuckDB, where the one SQL
 * aggregation runs; recipes without one get the tables as they are.
 *
 * @example
 * setDefaultExecutor(inlineExecutor);
 * await runRecipe(lift, { inputs: { units }, params: { variant: 'arm' } });
 */
export const inlineExecutor: Executor = async ({ recipe, params, inputs, signal, progress }) => {
  if (!recipe.aggregate) return { inputs, engine: null };
  const started = performance.now();
  // One thread: these tables are small (rows already in JS), and the machine's cores belong to the worker pool.
  const engine = await (shared ??= openLocalEngine({ threads: 1 }));
  const run = ++runs;
  const names = Object.keys(inputs).map((name) => `${name} #${run}`);
  try {
    const relations: Record<string, SqlRelation> = {};
    for (const [i, [name, table]] of Object.entries(inputs).entries()) {
      await engine.register(names[i]!, table);
      relations[name] = await engine.relation(names[i]!);
    }
    const out = await executePlan(engine, recipe, params, relations, { signal, progress });
    const rest: Record<string, ColumnTable> = {};
    for (const [name, table] of Object.entries(inputs)) if (!out.plan.consumes.includes(name)) rest[name] = table;
    const rowsRead = Object.entries(inputs).reduce((n, [name, t]) => n + (out.plan.consumes.includes(name) ? t.numRows() : 0), 0);
    return {
      inputs: { ...rest, ...out.tables },
      engine: { source: 'local', kind: 'duckdb', pushdown: true, rows_read: rowsRead, rows_fetched: out.rowsFetched, ms: Math.round(performance.now() - started) },
    };
  } finally {
    for (const name of names) await engine.drop(name);
  }
};
