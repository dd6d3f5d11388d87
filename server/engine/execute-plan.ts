import type { ColumnTable } from 'arquero';
import { throwIfAborted } from '../../recipes/errors.js';
import type { AggregationPlan, Progress, Recipe, SqlRelation } from '../../recipes/types.js';
import type { Engine } from './types.js';

export interface PlanOutput {
  plan: AggregationPlan;
  tables: Record<string, ColumnTable>;
  /** Rows the engine says it scanned (the largest figure of any query), null when it does not say. */
  rowsRead: number | null;
  /** Rows of the aggregated tables, the only ones that crossed into JS. */
  rowsFetched: number;
}

/**
 * Builds a recipe's aggregation plan over `relations` in the engine's dialect and runs each query
 * on that engine, one after the other (each can be cancelled; progress spans them all).
 *
 * @example
 * const { tables } = await executePlan(engine, lift, params, { units: await engine.relation('units') }, { signal, progress });
 */
export async function executePlan(
  engine: Engine,
  recipe: Recipe,
  params: unknown,
  relations: Record<string, SqlRelation>,
  options: { signal: AbortSignal; progress: Progress; prepare?: (plan: AggregationPlan) => Promise<number | null> },
): Promise<PlanOutput> {
  if (!recipe.aggregate) throw new Error(`Recipe ${recipe.id} has no aggregation phase.`);
  const plan = recipe.aggregate({ params, inputs: relations, sql: engine.dialect });
  // What the caller does once the SQL is known (the local engine copies a text file the plan
  // scans several times); it may count the rows it read.
  const prepared = options.prepare ? await options.prepare(plan) : null;
  const entries = Object.entries(plan.queries);
  const tables: Record<string, ColumnTable> = {};
  let rowsRead: number | null = prepared;
  let rowsFetched = 0;
  for (const [i, [name, sql]] of entries.entries()) {
    throwIfAborted(options.signal);
    const label = `aggregating on ${engine.source}`;
    options.progress(i / entries.length, label);
    const out = await engine.query(sql, {
      signal: options.signal,
      onProgress: ({ fraction }) => options.progress((i + (fraction ?? 0)) / entries.length, label),
    });
    tables[name] = out.table;
    rowsFetched += out.table.numRows();
    if (out.rowsRead !== null) rowsRead = Math.max(rowsRead ?? 0, out.rowsRead);
  }
  options.progress(1, `aggregated on ${engine.source}`);
  return { plan, tables, rowsRead, rowsFetched };
}
