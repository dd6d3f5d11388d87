import type { ColumnTable } from 'arquero';
import { RecipeInputError, throwIfAborted } from '../../recipes/errors.js';
import type { AggregationPlan, EngineReport, Executor, SqlRelation } from '../../recipes/types.js';
import { loadBundledDataset } from '../datasets/bundled.js';
import { readTableFile } from '../io/read-table.js';
import { executePlan } from './execute-plan.js';
import { sourceFrom, type InputRef } from './input-ref.js';
import { fileFormat } from './local-files.js';
import { openLocalEngine, type LocalEngine } from './local.js';
import type { Engine } from './types.js';

type SourceRef = Extract<InputRef, { source: string }>;
const isSource = (ref: InputRef): ref is SourceRef => 'source' in ref;

/**
 * The executor for inputs given by reference (the CLI's files and sources, the API's datasets).
 * A recipe with an `aggregate` phase runs it where the inputs live: on the source when every input
 * is a table or query of that one source (pushdown: only aggregates come back), else in the
 * embedded DuckDB, which reads files in place (never as JS rows) and takes in what lives elsewhere.
 * Inputs the plan does not consume, and every input of a recipe without one, are fetched as rows
 * (files through liftbook's own readers, so their types are as they always were).
 *
 * @example
 * await runRecipe(lift, { inputs: { units: { source: 'wh', table: 'units' } }, params, executor: refExecutor({ wh: url }) });
 */
export function refExecutor(sources: Record<string, string>, open?: (name: string, url: string) => Engine): Executor<InputRef> {
  // The ClickHouse and Postgres clients load only when a run names a source: a command on a local
  // file should not wait for them.
  const opener = async () => open ?? (await import('./open-source.js')).openSource;
  return async ({ recipe, params, inputs, signal, progress }) => {
    const started = performance.now();
    const engines = new Map<string, Engine>();
    const sourceEngine = async (name: string): Promise<Engine> => {
      let engine = engines.get(name);
      if (!engine) {
        const url = sources[name];
        if (!url) throw new RecipeInputError(`There is no source "${name}"; the sources are ${Object.keys(sources).join(', ') || '(none)'}.`);
        engines.set(name, (engine = (await opener())(name, url)));
      }
      return engine;
    };
    const fetchRows = async (name: string, ref: InputRef): Promise<ColumnTable> => {
      if (!isSource(ref)) {
        if ('file' in ref) return readTableFile(ref.file);
        if ('dataset' in ref) return loadBundledDataset(ref.dataset, ref.options);
        return ref.table;
      }
      const engine = await sourceEngine(ref.source);
      return (await engine.query(`SELECT * FROM ${sourceFrom(ref, name, engine.dialect.ident)}`, { signal })).table;
    };
    const report = (engine: Engine, pushdown: boolean, rowsRead: number | null, rowsFetched: number): EngineReport => ({
      source: engine.source, kind: engine.kind, pushdown, rows_read: rowsRead, rows_fetched: rowsFetched, ms: Math.round(performance.now() - started),
    });
    try {
      const entries = Object.entries(inputs);
      if (!recipe.aggregate) {
        const tables: Record<string, ColumnTable> = {};
        let fetched = 0;
        for (const [name, ref] of entries) {
          throwIfAborted(signal);
          tables[name] = await fetchRows(name, ref);
          if (isSource(ref)) fetched += tables[name].numRows();
        }
        const remote = entries.find(([, ref]) => isSource(ref));
        return { inputs: tables, engine: remote ? report(await sourceEngine((remote[1] as SourceRef).source), false, null, fetched) : null };
      }
      const remotes = [...new Set(entries.filter(([, r]) => isSource(r)).map(([, r]) => (r as SourceRef).source))];
      const pushdown = remotes.length === 1 && entries.every(([, r]) => isSource(r));
      const engine = pushdown ? await sourceEngine(remotes[0]!) : await openLocalEngine();
      try {
        const relations: Record<string, SqlRelation> = {};
        let copied = 0;
        for (const [name, ref] of entries) {
          throwIfAborted(signal);
          if (pushdown) {
            const from = sourceFrom(ref as SourceRef, name, engine.dialect.ident);
            relations[name] = { from, columns: await engine.columns(from) };
            continue;
          }
          const local = engine as Awaited<ReturnType<typeof openLocalEngine>>;
          const source = 'file' in ref ? ref.file : await fetchRows(name, ref);
          if (typeof source !== 'string' && isSource(ref)) copied += source.numRows();
          await local.register(name, source);
          relations[name] = await local.relation(name);
        }
        const files = pushdown ? [] : entries.filter(([, ref]) => 'file' in ref && isTextFile(ref.file)).map(([name]) => name);
        const prepare = async (plan: AggregationPlan) => copyRescannedFiles(engine as LocalEngine, plan, files, relations);
        const out = await executePlan(engine, recipe, params, relations, { signal, progress, prepare });
        const rest: Record<string, ColumnTable> = {};
        for (const [name, ref] of entries) if (!out.plan.consumes.includes(name)) rest[name] = await fetchRows(name, ref);
        return { inputs: { ...rest, ...out.tables }, engine: report(engine, remotes.length === 0 || pushdown, out.rowsRead, out.rowsFetched + copied) };
      } finally {
        if (!pushdown) await engine.close();
      }
    } finally {
      await Promise.all([...engines.values()].map((e) => e.close().catch(() => {})));
    }
  };
}

const isTextFile = (file: string) => {
  try {
    return ['delimited', 'json'].includes(fileFormat(file));
  } catch {
    return false;
  }
};

/**
 * Copies each of `files` that the plan's SQL scans more than once into a table of the columns it
 * names, so the text is parsed once rather than once per scan (retention's self-join and clv's
 * per-day/per-customer join read their input four and more times). A single scan reads the file in
 * place: copying would only add memory. Returns the most rows copied (an exact count), or null.
 */
async function copyRescannedFiles(engine: LocalEngine, plan: AggregationPlan, files: string[], relations: Record<string, SqlRelation>): Promise<number | null> {
  const sql = [...Object.values(plan.shared ?? {}), ...Object.values(plan.queries)];
  const count = (text: string) => sql.reduce((n, q) => n + q.split(text).length - 1, 0);
  let rows: number | null = null;
  for (const name of files) {
    const relation = relations[name]!;
    if (!plan.consumes.includes(name) || count(relation.from) < 2) continue;
    // Recipes name every column they read through the dialect (no SELECT *), so a column whose
    // quoted name appears nowhere in the SQL is not read.
    const used = relation.columns.map((c) => c.name).filter((c) => count(engine.dialect.ident(c)) > 0);
    const copied = await engine.materialize(name, used);
    if (copied !== null) rows = Math.max(rows ?? 0, copied);
  }
  return rows;
}
