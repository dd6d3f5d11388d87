// What a database's error means for the person running a recipe: which source, what is wrong and
// how to fix it. Every message shows the URL minus its password, and the password is scrubbed from
// anything the database said, should a driver ever echo it.
import { RecipeCancelledError, RecipeInputError } from '../../recipes/errors.js';
import type { SourceUrl } from './source-url.js';

export type SourceProblem = 'table' | 'column' | 'type' | 'auth' | 'unreachable' | 'permission' | 'cancelled' | 'other';

export interface SourceFailure {
  problem: SourceProblem;
  /** The database's own words. */
  detail: string;
  /** The table or column named by the database, when it names one. */
  name?: string;
}

const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET']);

function scrub(text: string, url: SourceUrl): string {
  let out = text;
  for (const secret of new Set([url.password, encodeURIComponent(url.password)])) {
    if (secret.length >= 1) out = out.split(secret).join('***');
  }
  return out;
}

function networkCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK.has(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  if (error instanceof AggregateError) for (const inner of error.errors) if (networkCode(inner)) return networkCode(inner);
  return undefined;
}

/** Turns a ClickHouse error (HTTP interface, code in `code` or the text) into a SourceFailure. */
export function classifyClickHouse(error: unknown): SourceFailure {
  const detail = error instanceof Error ? error.message : String(error);
  const net = networkCode(error);
  if (net) return { problem: 'unreachable', detail: net };
  const code = Number((error as { code?: unknown }).code ?? /Code: (\d+)/.exec(detail)?.[1]);
  // 18.16 says "Table db.t doesn't exist", current releases "Table db.t does not exist" or name the identifier.
  const quoted = /(?:Table|table) ([\w.`"-]+) (?:doesn'?t|does not) exist|Unknown table expression identifier '([^']+)'/.exec(detail);
  if (code === 60 || code === 81 || quoted) return { problem: 'table', detail, name: quoted?.[1] ?? quoted?.[2] };
  if (code === 47 || code === 16) {
    const column = /Unknown identifier: ([^\s,]+)|Missing columns: '([^']+)'|Unknown expression identifier `?([^`'\s]+)/.exec(detail);
    return { problem: 'column', detail, name: column?.[1] ?? column?.[2] ?? column?.[3] };
  }
  if ([6, 27, 41, 43, 53, 69, 70, 72, 386].includes(code)) return { problem: 'type', detail };
  if ([192, 193, 194, 516].includes(code)) return { problem: 'auth', detail };
  if ([164, 497].includes(code)) return { problem: 'permission', detail };
  if (code === 394) return { problem: 'cancelled', detail };
  return { problem: 'other', detail };
}

/** Turns a `pg` error (SQLSTATE in `code`) into a SourceFailure. */
export function classifyPostgres(error: unknown): SourceFailure {
  const detail = error instanceof Error ? error.message : String(error);
  const net = networkCode(error);
  if (net) return { problem: 'unreachable', detail: net };
  const code = String((error as { code?: unknown }).code ?? '');
  const named = /"([^"]+)"/.exec(detail)?.[1];
  if (code === '42P01' || code === '3F000') return { problem: 'table', detail, name: named };
  if (code === '42703') return { problem: 'column', detail, name: named };
  if (['42883', '42804', '22P02', '22007', '22008', '42846', '22003'].includes(code)) return { problem: 'type', detail };
  if (['28P01', '28000', '3D000'].includes(code)) return { problem: 'auth', detail };
  if (code === '42501' || code === '25006') return { problem: 'permission', detail };
  if (code === '57014') return { problem: 'cancelled', detail };
  return { problem: 'other', detail };
}

/**
 * The error to throw for a failure on a source: RecipeInputError (the user can fix it: CLI exit 1,
 * API 400) naming the source, its URL minus the password and the fix; RecipeCancelledError when
 * the run was stopped; a plain Error for anything else (a bug in the generated SQL).
 */
export function sourceError(source: string, url: SourceUrl, failure: SourceFailure): Error {
  const where = `Source "${source}" (${url.shown})`;
  const said = scrub(failure.detail.split('\n')[0]!.trim(), url);
  const name = failure.name ? ` ${scrub(failure.name, url)}` : '';
  switch (failure.problem) {
    case 'table':
      return new RecipeInputError(`${where} has no table${name}: ${said}. Check the name after "${source}:" in --input (or the FROM of the query), and that the user ${url.user} may read it.`);
    case 'column':
      return new RecipeInputError(`${where}: the input has no column${name}: ${said}. Name an existing column in the recipe's parameters, or select it under that name in a query input.`);
    case 'type':
      return new RecipeInputError(`${where}: a column has the wrong type for this step: ${said}. Give a column of the type the recipe expects (numbers for metrics, dates for time), or cast it in a query input (--input "units=${source}:SELECT CAST(…) AS … FROM …").`);
    case 'auth':
      return new RecipeInputError(`${where} refused the user ${url.user}: ${said}. Check the user name and password in the source URL (or LIFTBOOK_SOURCE_${source.toUpperCase()}).`);
    case 'permission':
      return new RecipeInputError(`${where}: the user ${url.user} may not do this: ${said}. liftbook only reads: grant the user SELECT on the tables the notebook reads, and keep SQL cells to queries.`);
    case 'unreachable':
      return new RecipeInputError(`${where} cannot be reached at ${url.host}:${url.port} (${said}). Check that the server runs, and the host and port in the URL (ClickHouse: the HTTP port, 8123 by default; Postgres: 5432).`);
    case 'cancelled':
      return new RecipeCancelledError(`The query on source "${source}" was cancelled.`);
    default:
      return new Error(`${where} failed: ${said}`);
  }
}
