import type { ColumnTable } from 'arquero';
import { runRecipe } from '../../recipes/define-recipe.js';
import type { AggregationPlan, Recipe, SqlRelation } from '../../recipes/types.js';
import { resolveParams } from '../../recipes/define-recipe.js';
import { inlineExecutor } from './inline-executor.js';
import { openLocalEngine, type LocalEngine, type LocalTableSource } from './local.js';

/**
 * Helpers for recipe tests. `runRecipe(recipe, { inputs })` already runs `aggregate` plans in the
 * embedded DuckDB (tests/setup/engine.ts installs it); these show the SQL and the engine report.
 */

/**
 * Runs a recipe on tables through the embedded DuckDB and returns the engine report with the result.
 *
 * @example
 * const { result, engine } = await runOnLocalEngine(lift, { units }, { variant: 'arm' });
 * expect(engine?.pushdown).toBe(true);
 */
export function runOnLocalEngine(recipe: Recipe, inputs: Record<string, ColumnTable>, params: unknown = {}) {
  return runRecipe(recipe, { inputs, params, executor: inlineExecutor });
}

/**
 * Opens a throwaway embedded DuckDB holding `tables`, runs `work` with it and closes it.
 *
 * @example
 * const rows = await withLocalEngine({ units }, async (engine) => (await engine.query('SELECT count(*) AS n FROM units')).table);
 */
export async function withLocalEngine<T>(tables: Record<string, LocalTableSource>, work: (engine: LocalEngine) => Promise<T>): Promise<T> {
  const engine = await openLocalEngine({ tables });
  try {
    return await work(engine);
  } finally {
    await engine.close();
  }
}

/**
 * The aggregation plan a recipe builds for `tables` (SQL text per output table), for tests that
 * check what is sent to an engine (quoting, one scan, no row-level output).
 *
 * @example
 * const plan = await planFor(lift, { units }, { variant: 'arm' });
 * expect(plan.queries.arms).toContain('GROUP BY');
 */
export async function planFor(recipe: Recipe, tables: Record<string, ColumnTable>, params: unknown = {}): Promise<AggregationPlan> {
  if (!recipe.aggregate) throw new Error(`Recipe ${recipe.id} has no aggregation phase.`);
  const resolved = resolveParams(recipe, params);
  return withLocalEngine(tables, async (engine) => {
    const relations: Record<string, SqlRelation> = {};
    for (const name of Object.keys(tables)) relations[name] = await engine.relation(name);
    return recipe.aggregate!({ params: resolved, inputs: relations, sql: engine.dialect });
  });
}
