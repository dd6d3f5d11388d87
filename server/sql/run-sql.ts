/**
 * Running one SQL request on an engine, with the same rules wherever it comes from (the API, a
 * CLI notebook): one read-only statement (and on `local` nothing outside the datasets), bound
 * parameters only, at most `maxRows` rows back, a time cap that cancels the query on the engine,
 * and errors that name the source and never show its URL or password.
 */
import type { ColumnTable } from 'arquero';
import { RecipeCancelledError, RecipeInputError } from '../../recipes/errors.js';
import type { Engine, EngineReport } from '../engine/types.js';
import { checkSql } from './sql-guard.js';
import { SqlError } from './sql-error.js';
import { hideUrl } from './hide-url.js';

/** Per-request caps; a server sets them once (LIFTBOOK_SQL_TIMEOUT, LIFTBOOK_SQL_MAX_ROWS). */
export interface SqlLimits {
  /** Rows a result may bring back; more are cut off and the result says `truncated`. */
  maxRows: number;
  /** A query running longer is cancelled on its engine (408). */
  timeoutMs: number;
  /** An encoded result (Arrow or JSON) over this many bytes is refused (413). */
  maxBytes: number;
}

export const DEFAULT_SQL_LIMITS: SqlLimits = { maxRows: 1_000_000, timeoutMs: 60_000, maxBytes: 256 * 2 ** 20 };

/**
 * The caps a server runs with: the defaults, with `LIFTBOOK_SQL_TIMEOUT` (seconds) and
 * `LIFTBOOK_SQL_MAX_ROWS` from the environment when set. A value that is not a positive number
 * is refused, naming the variable.
 *
 * @example
 * sqlLimitsFromEnv({ LIFTBOOK_SQL_TIMEOUT: '120' }).timeoutMs; // → 120000
 */
export function sqlLimitsFromEnv(env: Record<string, string | undefined>): SqlLimits {
  const read = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new RecipeInputError(`${name} must be a positive number, got "${raw}".`);
    return value;
  };
  const seconds = read('LIFTBOOK_SQL_TIMEOUT');
  const rows = read('LIFTBOOK_SQL_MAX_ROWS');
  return {
    ...DEFAULT_SQL_LIMITS,
    ...(seconds !== undefined ? { timeoutMs: seconds * 1000 } : {}),
    ...(rows !== undefined ? { maxRows: Math.floor(rows) } : {}),
  };
}

export interface SqlRun {
  table: ColumnTable;
  truncated: boolean;
  /** The row cap that applied. */
  maxRows: number;
  engine: EngineReport;
}

export interface RunSqlOptions {
  limits?: SqlLimits;
  /** A smaller row cap for this request (the server's cap still applies). */
  maxRows?: number;
  /** Aborting cancels the query (a client that went away, Ctrl-C). */
  signal?: AbortSignal;
  /** The source's connection URL: given, no message shows it, its host or its password (the API's case). */
  url?: string;
}

/**
 * Runs `sql` with `params` bound to `$1`, `$2`, … on `engine`.
 *
 * @example
 * const { table, truncated } = await runSql(engine, 'SELECT * FROM "shop/units" WHERE arm = $1', ['treatment'], { maxRows: 1000 });
 */
export async function runSql(engine: Engine, sql: string, params: unknown[], options: RunSqlOptions = {}): Promise<SqlRun> {
  const limits = options.limits ?? DEFAULT_SQL_LIMITS;
  checkSql(sql, engine.kind);
  const bound = params.map((value, i) => checkParam(value, i + 1));
  const maxRows = Math.max(0, Math.min(options.maxRows ?? limits.maxRows, limits.maxRows));
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const start = performance.now();
  try {
    signal.throwIfAborted();
    const result = await engine.query(sql, { params: bound, signal, maxRows });
    const ms = performance.now() - start;
    return {
      table: result.table,
      truncated: result.truncated,
      maxRows,
      engine: { source: engine.source, kind: engine.kind, pushdown: true, rows_read: result.rowsRead, rows_fetched: result.table.numRows(), ms },
    };
  } catch (error) {
    if (options.signal?.aborted) throw new RecipeCancelledError(`The query on source "${engine.source}" was cancelled.`);
    if (timeout.aborted) {
      throw new SqlError(
        `The query on source "${engine.source}" ran past the ${+(limits.timeoutMs / 1000).toFixed(1)} s limit and was cancelled. Filter or aggregate more in SQL (WHERE, GROUP BY, LIMIT), or ask an admin to raise LIFTBOOK_SQL_TIMEOUT.`,
        408,
      );
    }
    throw engineError(error, engine, options.url);
  }
}

/** A parameter as engines bind it: a number, text, true/false, null or a date. */
function checkParam(value: unknown, n: number): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SqlError(`Parameter $${n} is ${value}: SQL parameters must be finite numbers. Check the value you interpolate there.`);
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof Date) return value;
  const what = Array.isArray(value) ? 'a list or a table' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  throw new SqlError(`Parameter $${n} is ${what}: a \${…} in SQL is bound as one value (a number, text, a date or true/false). Interpolate a single value, e.g. \${arms[0]}, or join tables in SQL.`);
}

// The engines' wording (server/engine/source-errors.ts) for a source that is down or refuses the user.
const UNREACHABLE = /cannot be reached|refused the user|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|EAI_AGAIN/;

/** An engine's error as a SqlError that names the source (a 502 when the source is down). */
function engineError(error: unknown, engine: Engine, url?: string): SqlError {
  const e = error as { message?: string; code?: string; status?: SqlError['status'] };
  let message = String(e?.message ?? error).trim();
  if (url) message = hideUrl(message, url);
  if (error instanceof SqlError) return new SqlError(message, error.status);
  const code = typeof e?.code === 'string' ? e.code : '';
  if (UNREACHABLE.test(`${code} ${message}`)) return new SqlError(message, 502);
  // The engines' own messages (RecipeInputError) name the source already.
  return new SqlError(e instanceof Error && e.name === 'RecipeInputError' ? message : `Source "${engine.source}": ${message}`, 400);
}
