/**
 * What a SQL cell or `POST /api/sql` may send to an engine: one read-only statement. On the
 * embedded DuckDB it must not reach the server's files or the network either: no file-reading
 * table functions, no `FROM 'path'`, no COPY/ATTACH/INSTALL/LOAD/SET. The engine is confined as
 * well (external access off); this check is what turns an attempt into a clear 400 that says why.
 */
import type { DialectName } from '../../recipes/sql/dialect.js';
import { SqlError } from './sql-error.js';
import { sqlTokens, type SqlToken } from './sql-tokens.js';

/** A query liftbook refuses to run: a 400 whose message names the word and the fix. */
const refuse = (message: string) => new SqlError(message, 400);

const READ_START = new Set(['select', 'with', 'values', 'from', 'table', 'describe', 'show', 'summarize', 'pivot', 'unpivot', 'explain']);

/** Statements that change data, settings or the engine itself (refused anywhere in the query). */
const WRITE_WORDS = new Set([
  'copy', 'attach', 'detach', 'install', 'load', 'pragma', 'set', 'reset', 'export', 'import', 'call', 'create', 'insert', 'update',
  'delete', 'drop', 'alter', 'use', 'checkpoint', 'vacuum', 'truncate', 'grant', 'revoke', 'optimize', 'system', 'kill', 'rename',
]);

/** Words after which a FROM clause's table list has ended. */
const CLAUSE_END = new Set(['select', 'where', 'group', 'having', 'order', 'limit', 'qualify', 'window', 'on', 'using', 'union', 'except', 'intersect']);

/** DuckDB table functions that read files, URLs or other databases, or run SQL given as text. */
const DUCKDB_OUTSIDE = /^(read_\w+|parquet_\w+|sniff_csv|glob|st_read\w*|iceberg_\w+|delta_scan|sqlite_\w+|postgres_\w+|mysql_\w+|query|query_table|getenv|duckdb_secrets|which_secret|load_extension|install_extension)$/;

/**
 * Throws a SqlError (400) unless `sql` is a single read-only statement that, on the embedded engine
 * (`duckdb`), reads only tables.
 *
 * @example
 * checkSql('SELECT * FROM "shop/units"', 'duckdb'); // ok
 * checkSql("SELECT * FROM read_csv('/etc/passwd')", 'duckdb'); // throws: read_csv reads files…
 */
export function checkSql(sql: string, kind: DialectName): void {
  const tokens = sqlTokens(sql, { backslashEscapes: kind === 'clickhouse' });
  const statements = split(tokens);
  if (statements.length === 0) throw refuse('The query is empty: write a SELECT, e.g. SELECT * FROM "shop/units" LIMIT 10.');
  if (statements.length > 1) throw refuse('Send one statement at a time: remove the ";" between statements (a SQL cell runs a single query).');
  const [statement] = statements;
  const first = statement.find((t) => t.kind !== 'punct' || t.text !== '(');
  if (!first || first.kind !== 'word' || !READ_START.has(first.lower)) {
    throw refuse(`Only queries that read are run here (SELECT, WITH, VALUES, DESCRIBE…), not "${first?.text ?? ''}". Sources are for reading: change data in the database itself.`);
  }
  let inFrom = false;
  statement.forEach((token, i) => {
    const previous = statement[i - 1];
    if (token.kind === 'string' && kind === 'duckdb' && inFrom && previous && (previous.kind === 'word' ? /^(from|join)$/.test(previous.lower) : /^[,(]$/.test(previous.text))) {
      throw refuse(`FROM ${token.text} would read a file: on the local source only datasets can be read. Name a dataset as a table in double quotes, e.g. FROM "shop/units".`);
    }
    if (token.kind !== 'word') return;
    if (token.lower === 'from' || token.lower === 'join') inFrom = true;
    else if (CLAUSE_END.has(token.lower)) inFrom = false;
    const next = statement[i + 1];
    const call = next?.kind === 'punct' && next.text === '(';
    // A dotted name (t.update) or a function call named like a keyword is not that keyword.
    const dotted = previous?.kind === 'punct' && previous.text === '.';
    if (WRITE_WORDS.has(token.lower) && !call && !dotted) {
      throw refuse(`"${token.text}" is not allowed: SQL here may only read. (A column named ${token.lower} must be quoted: "${token.lower}".)`);
    }
    if (kind !== 'duckdb') return;
    if (call && DUCKDB_OUTSIDE.test(token.lower)) {
      throw refuse(`${token.text}() is not allowed: SQL on the local source cannot read files, URLs or other databases. Query the datasets as tables instead, e.g. SELECT * FROM "shop/units" (upload a file first to make it a dataset).`);
    }
  });
}

function split(tokens: SqlToken[]): SqlToken[][] {
  const statements: SqlToken[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'punct' && token.text === ';') statements.push([]);
    else statements.at(-1)!.push(token);
  }
  return statements.filter((s) => s.length > 0);
}
