import type { ColumnTable } from 'arquero';
import { throwIfAborted } from '../../recipes/errors.js';
import type { AggregationPlan, Progress, Recipe, SqlRelation } from '../../recipes/types.js';
import type { Engine } from './types.js';

let planRuns = 0;

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
 * on that engine, one after the other (each can be cancelled; progress spans them all), after
 * building the plan's shared relations as tables (dropped at the end).
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
  // Shared tables get names of this run's own (an engine can serve concurrent runs); the plan's
  // names are alias-prefixed identifiers, so their quoted form appears nowhere else in its SQL.
  const run = ++planRuns;
  const renames = Object.keys(plan.shared ?? {}).map((name) => [engine.dialect.ident(name), engine.dialect.ident(`${name}_${run}`)] as const);
  const renamed = (sql: string) => renames.reduce((text, [from, to]) => text.replaceAll(from, to), sql);
  const shared = Object.entries(plan.shared ?? {}).map(([name, sql]) => [`${name}_${run}`, renamed(sql)] as const);
  const entries = Object.entries(plan.queries).map(([name, sql]) => [name, renamed(sql)] as const);
  const steps = shared.length + entries.length;
  const tables: Record<string, ColumnTable> = {};
  let rowsRead: number | null = prepared;
  let rowsFetched = 0;
  const label = `aggregating on ${engine.source}`;
  const step = async (i: number, sql: string) => {
    throwIfAborted(options.signal);
    options.progress(i / steps, label);
    const out = await engine.query(sql, {
      signal: options.signal,
      onProgress: ({ fraction }) => options.progress((i + (fraction ?? 0)) / steps, label),
    });
    if (out.rowsRead !== null) rowsRead = Math.max(rowsRead ?? 0, out.rowsRead);
    return out.table;
  };
  // Relations the queries share are built once, as tables, and dropped whatever happens.
  const built: string[] = [];
  try {
    for (const [i, [name, sql]] of shared.entries()) {
      built.push(name);
      await step(i, `CREATE TABLE ${engine.dialect.ident(name)} AS ${sql}`);
    }
    for (const [i, [name, sql]] of entries.entries()) {
      tables[name] = await step(shared.length + i, sql);
      rowsFetched += tables[name].numRows();
    }
  } finally {
    for (const name of built.reverse()) await engine.query(`DROP TABLE IF EXISTS ${engine.dialect.ident(name)}`).catch(() => {});
  }
  options.progress(1, `aggregated on ${engine.source}`);
  return { plan, tables, rowsRead, rowsFetched };
}
