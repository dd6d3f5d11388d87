import { stat } from 'node:fs/promises';
import path from 'node:path';
import { RecipeInputError } from '../../recipes/errors.js';
import type { SqlReply, SqlRequest } from '../../notebook/protocol.js';
import { isBundledDataset, loadBundledDataset } from '../datasets/bundled.js';
import { openLocalEngine, type LocalTableSource } from '../engine/local.js';
import { openSource } from '../engine/open-source.js';
import type { Engine } from '../engine/types.js';
import { runSql } from '../sql/run-sql.js';
import { LOCAL_SOURCE } from '../sql/sql-engines.js';
import { namesIn } from '../sql/table-names.js';

export interface NotebookSql {
  /** Answers a SQL cell's request. */
  run(request: SqlRequest, signal: AbortSignal): Promise<SqlReply>;
  /** Closes the source connections the run opened. */
  close(): Promise<void>;
}

/**
 * SQL cells for `liftbook run`: on `local`, a confined DuckDB holding the tables the query names —
 * files next to the notebook (`"orders.csv"`, read by DuckDB as views) and bundled datasets
 * (`"shop/units"`); any other source from `sources` (`--source NAME=URL`) or the environment
 * (`LIFTBOOK_SOURCE_<NAME>`, which keeps passwords out of shell history).
 *
 * @example
 * const sql = notebookSql('/home/sarah/notebooks', { wh: 'clickhouse://…' });
 * const reply = await sql.run({ source: 'local', sql: 'SELECT * FROM "orders.csv"', params: [] }, signal);
 */
export function notebookSql(baseDir: string, sources: Record<string, string> = {}): NotebookSql {
  const open = new Map<string, Engine>();
  const remote = (name: string): Engine => {
    let engine = open.get(name);
    if (engine) return engine;
    const variable = `LIFTBOOK_SOURCE_${name.toUpperCase()}`;
    const url = sources[name] ?? process.env[variable];
    if (!url) throw new RecipeInputError(`There is no source "${name}": run with --source ${name}=URL or set ${variable}=URL (e.g. clickhouse://user:password@host:8123/database).`);
    engine = openSource(name, url);
    open.set(name, engine);
    return engine;
  };
  return {
    async run({ source, sql, params }, signal) {
      const local = source === LOCAL_SOURCE;
      const engine = local ? await openLocalEngine({ tables: await localTables(sql, baseDir), confine: true, baseDir }) : remote(source);
      try {
        const run = await runSql(engine, sql, params ?? [], { signal });
        const table = run.table;
        return {
          table: { columns: Object.fromEntries(table.columnNames().map((c) => [c, Array.from(table.array(c) as ArrayLike<unknown>)])) },
          truncated: run.truncated,
          maxRows: run.maxRows,
          engine: { ...run.engine },
        };
      } finally {
        if (local) await engine.close();
      }
    },
    async close() {
      await Promise.all([...open.values()].map((e) => e.close().catch(() => {})));
      open.clear();
    },
  };
}

/** The files (relative to the notebook) and bundled datasets a query names, as the engine takes them. */
async function localTables(sql: string, baseDir: string): Promise<Record<string, LocalTableSource>> {
  const tables: Record<string, LocalTableSource> = {};
  for (const name of namesIn(sql)) {
    if (await isFile(path.resolve(baseDir, name))) tables[name] = name;
    else if (isBundledDataset(name)) tables[name] = await loadBundledDataset(name);
  }
  return tables;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
