import type { ColumnTable } from 'arquero';
import type { Executor, SqlRelation } from '../../recipes/types.js';
import { executePlan } from '../../server/engine/execute-plan.js';
import type { Engine } from '../../server/engine/types.js';

/**
 * An executor whose inputs are table names on `engine`: the recipe's aggregation plan runs there
 * and only its results come back, as a source input (`--input units=wh:units`) does. Inputs the
 * plan does not consume are fetched whole and counted in `rows_fetched`.
 */
export function tableExecutor(engine: Engine): Executor<string> {
  return async ({ recipe, params, inputs, signal, progress }) => {
    const started = performance.now();
    const relations: Record<string, SqlRelation> = {};
    for (const [name, table] of Object.entries(inputs)) {
      const from = engine.dialect.ident(table);
      relations[name] = { from, columns: await engine.columns(from) };
    }
    const out = await executePlan(engine, recipe, params, relations, { signal, progress });
    const rest: Record<string, ColumnTable> = {};
    let fetched = out.rowsFetched;
    for (const [name, relation] of Object.entries(relations)) {
      if (out.plan.consumes.includes(name)) continue;
      rest[name] = (await engine.query(`SELECT * FROM ${relation.from}`, { signal })).table;
      fetched += rest[name].numRows();
    }
    return {
      inputs: { ...rest, ...out.tables },
      engine: {
        source: engine.source,
        kind: engine.kind,
        pushdown: Object.keys(rest).length === 0,
        rows_read: out.rowsRead,
        rows_fetched: fetched,
        ms: Math.round(performance.now() - started),
      },
    };
  };
}
