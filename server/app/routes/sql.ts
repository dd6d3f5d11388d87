import * as aq from 'arquero';
import { tableRows } from '../../../recipes/result-json.js';
import type { Engine } from '../../engine/types.js';
import { runSql, type SqlRun } from '../../sql/run-sql.js';
import { SqlError } from '../../sql/sql-error.js';
import { LOCAL_SOURCE } from '../../sql/sql-engines.js';
import { loadableDatasets, tablesForSql } from '../../sql/server-tables.js';
import { describeColumns } from '../../storage/column-types.js';
import type { ApiRoutes } from '../api-route.js';
import type { SqlDeps } from '../deps.js';
import { ErrorBody } from '../schemas.js';
import { SqlRequestBody, SqlResult } from '../sql-schemas.js';
import { noSource, withSource } from './sources.js';

const ARROW = 'application/vnd.apache.arrow.stream';

/**
 * POST /api/sql: one read-only query on a source for the signed-in user. On `local` the embedded
 * DuckDB holds only the datasets the user may load (those the query names) and cannot read files
 * or the network. Capped in rows (truncated, said so), time (408, cancelled on the engine) and
 * bytes (413); a client that goes away cancels the query.
 *
 * @example
 * sqlRoutes(api, deps);
 */
export function sqlRoutes(api: ApiRoutes, deps: SqlDeps): void {
  const { storage } = deps;

  api.add({
    method: 'post',
    path: '/api/sql',
    tag: 'sources',
    summary: 'Run one read-only SQL query on a source ($1, $2, … bound to params); JSON rows, or Arrow IPC with Accept: ' + ARROW,
    body: SqlRequestBody,
    headers: { Accept: `${ARROW} for Arrow IPC bytes (X-Truncated, X-Max-Rows and X-Engine carry the rest)` },
    responses: {
      200: { description: 'The result', schema: SqlResult, alternatives: { [ARROW]: 'Arrow IPC stream of the rows' } },
      400: { description: 'Refused or failing SQL (reads files, writes, several statements, unknown table or column…): the message says which and the fix', schema: ErrorBody },
      404: { description: 'No such source', schema: ErrorBody },
      408: { description: 'The query ran past the time cap and was cancelled', schema: ErrorBody },
      413: { description: 'The result is over the size cap', schema: ErrorBody },
      502: { description: 'The source could not be reached', schema: ErrorBody },
    },
    handler: async (c, { body }) => {
      const user = c.get('user');
      const signal = c.req.raw.signal;
      const options = { limits: deps.sqlLimits, maxRows: body.maxRows, signal };
      let run: SqlRun;
      if (body.source === LOCAL_SOURCE) {
        const engine: Engine = await deps.sqlEngines.local(await tablesForSql(storage, user, body.sql));
        try {
          run = await runSql(engine, body.sql, body.params, options).catch((error) => {
            throw withDatasetHint(error, loadableDatasets(storage, user));
          });
        } finally {
          await engine.close();
        }
      } else {
        const record = storage.sources.get(body.source);
        if (!record) throw noSource(body.source, storage.sources.list());
        run = await withSource(deps, record, (engine) => runSql(engine, body.sql, body.params, { ...options, url: record.url }));
      }
      const tooBig = (bytes: number) =>
        new SqlError(
          `The result is ${(bytes / 2 ** 20).toFixed(1)} MB, over the ${(deps.sqlLimits.maxBytes / 2 ** 20).toFixed(0)} MB limit of one query. Aggregate in SQL (GROUP BY) or select fewer columns or rows (LIMIT).`,
          413,
        );
      if ((c.req.header('accept') ?? '').includes(ARROW)) {
        const bytes = arrowBytes(run.table);
        if (bytes) {
          if (bytes.byteLength > deps.sqlLimits.maxBytes) throw tooBig(bytes.byteLength);
          return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
            'Content-Type': ARROW,
            'X-Truncated': String(run.truncated),
            'X-Max-Rows': String(run.maxRows),
            'X-Engine': JSON.stringify(run.engine),
          });
        }
      }
      const json = JSON.stringify({
        columns: describeColumns(run.table),
        rows: tableRows(run.table),
        numRows: run.table.numRows(),
        truncated: run.truncated,
        maxRows: run.maxRows,
        engine: run.engine,
      });
      if (json.length > deps.sqlLimits.maxBytes) throw tooBig(json.length);
      return c.body(json, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
    },
  });
}

/** On `local`, an unknown table most often means a dataset named without its double quotes. */
function withDatasetHint(error: unknown, datasets: string[]): unknown {
  if (!(error instanceof SqlError) || !/Table with name .* does not exist|Catalog Error/i.test(error.message)) return error;
  const some = datasets.slice(0, 6).map((d) => `"${d}"`).join(', ');
  return new SqlError(`${error.message.replace(/\s+$/, '')} On local, the tables are the datasets you may load, named in double quotes: ${some}${datasets.length > 6 ? ', …' : ''} (upload a file to add one).`, error.status);
}

// Mixed-type columns have no Arrow type; the caller then answers with JSON.
function arrowBytes(table: SqlRun['table']): Uint8Array | undefined {
  try {
    return aq.toArrowIPC(table, { format: 'stream' }) as Uint8Array;
  } catch {
    return undefined;
  }
}
