import type { ColumnTable } from 'arquero';
import type { Executor, SqlRelation } from '../../recipes/types.js';
import { executePlan } from './execute-plan.js';
import { openLocalEngine } from './local.js';

/**
 * The executor for inline tables (a notebook cell's rows, API rows, tests): a recipe with an
 * `aggregate` phase gets its tables copied into a fresh embedded DuckDB, where the one SQL
 * aggregation runs; recipes without one get the tables as they are.
 *
 * @example
 * setDefaultExecutor(inlineExecutor);
 * await runRecipe(lift, { inputs: { units }, params: { variant: 'arm' } });
 */
export const inlineExecutor: Executor = async ({ recipe, params, inputs, signal, progress }) => {
  if (!recipe.aggregate) return { inputs, engine: null };
  const started = performance.now();
  const engine = await openLocalEngine({ tables: inputs });
  try {
    const relations: Record<string, SqlRelation> = {};
    for (const name of Object.keys(inputs)) relations[name] = await engine.relation(name);
    const out = await executePlan(engine, recipe, params, relations, { signal, progress });
    const rest: Record<string, ColumnTable> = {};
    for (const [name, table] of Object.entries(inputs)) if (!out.plan.consumes.includes(name)) rest[name] = table;
    const rowsRead = Object.entries(inputs).reduce((n, [name, t]) => n + (out.plan.consumes.includes(name) ? t.numRows() : 0), 0);
    return {
      inputs: { ...rest, ...out.tables },
      engine: { source: 'local', kind: 'duckdb', pushdown: true, rows_read: rowsRead, rows_fetched: out.rowsFetched, ms: Math.round(performance.now() - started) },
    };
  } finally {
    await engine.close();
  }
};
