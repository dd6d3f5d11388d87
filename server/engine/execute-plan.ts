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
 * Builds a recipe's aggregation plan over `relations` in the engine's dialect and runs its queries
 * on that engine, all at once (each can be cancelled; progress spans them all), after building the
 * plan's shared relations as tables (dropped at the end).
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
  // Progress of each step, 0 to 1: the plan's progress is their mean.
  const done = new Array<number>(steps).fill(0);
  const report = () => options.progress(done.reduce((a, b) => a + b, 0) / steps, label);
  const step = async (i: number, sql: string, signal: AbortSignal) => {
    throwIfAborted(signal);
    const out = await engine.query(sql, {
      signal,
      onProgress: ({ fraction }) => {
        done[i] = fraction ?? 0;
        report();
      },
    });
    done[i] = 1;
    report();
    if (out.rowsRead !== null) rowsRead = Math.max(rowsRead ?? 0, out.rowsRead);
    return out.table;
  };
  // Relations the queries share are built once, as tables, and dropped whatever happens.
  const built: string[] = [];
  try {
    report();
    for (const [i, [name, sql]] of shared.entries()) {
      built.push(name);
      await step(i, `CREATE TABLE ${engine.dialect.ident(name)} AS ${sql}`, options.signal);
    }
    // The queries run at once: while one's rows are read into JS, the engine works on the others.
    // The first to fail stops the rest.
    const stop = new AbortController();
    const signal = AbortSignal.any([options.signal, stop.signal]);
    let failure: { error: unknown } | undefined;
    await Promise.all(
      entries.map(([name, sql], i) =>
        step(shared.length + i, sql, signal).then(
          (table) => {
            tables[name] = table;
            rowsFetched += table.numRows();
          },
          (error: unknown) => {
            failure ??= { error };
            stop.abort();
          },
        ),
      ),
    );
    if (failure) throw failure.error;
  } finally {
    for (const name of built.reverse()) await engine.query(`DROP TABLE IF EXISTS ${engine.dialect.ident(name)}`).catch(() => {});
  }
  options.progress(1, `aggregated on ${engine.source}`);
  return { plan, tables, rowsRead, rowsFetched };
}
