/**
 * Turns an analyzed cell into a callable async function, and maps a thrown error back to the
 * cell's own line numbers (through the function's `sourceURL`).
 */
import { BODY_LINE_OFFSET, IMPORT, VALUE_PREFIX, type CellAnalysis } from './analyze.js';
import type { CellError } from './types.js';

/** What a compiled cell returns. */
export interface CellResult {
  values: Record<string, unknown>;
  value: unknown;
  hasValue: boolean;
}

export type CellFunction = (...args: unknown[]) => Promise<CellResult>;

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => CellFunction;
/** Lines the engine puts before a Function body: `async function anonymous(a,b\n) {\n`. */
const HEADER_LINES = 2;

function sourceName(id: string): string {
  return `liftbook-cell-${id.replace(/[^\w-]/g, '_')}.js`;
}

/**
 * Compiles a cell body with the given parameter names; the first argument is always the
 * module importer that static imports were rewritten to.
 *
 * @example
 * const fn = compileCell('a', analyzeCell('x + 1').body, ['x']);
 * (await fn((s) => import(s), 1)).value; // → 2
 */
export function compileCell(id: string, body: string, argNames: string[]): CellFunction {
  return new AsyncFunction(IMPORT, ...argNames, `${body}\n//# sourceURL=${sourceName(id)}`);
}

/**
 * A readable error for a value a cell threw, with the cell line and column when the engine's
 * stack trace names them.
 *
 * @example
 * cellError('a', new TypeError('boom')); // → { message: 'TypeError: boom', line?: …, column?: … }
 */
export function cellError(id: string, thrown: unknown, analysis?: Pick<CellAnalysis, 'valueAt'>, codeLines = Infinity): CellError {
  if (!(thrown instanceof Error)) return { message: `threw ${typeof thrown === 'string' ? thrown : JSON.stringify(thrown) ?? String(thrown)}` };
  const prefix = thrown.name && thrown.name !== 'Error' ? `${thrown.name}: ` : '';
  const error: CellError = { message: prefix + thrown.message };
  const escaped = sourceName(id).replace(/[.]/g, '\\.');
  const m = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(thrown.stack ?? '');
  if (m) {
    const line = Number(m[1]) - HEADER_LINES - BODY_LINE_OFFSET;
    if (line >= 1 && line <= codeLines) {
      const at = analysis?.valueAt;
      const shifted = at && at.line === line && Number(m[2]) > at.column + VALUE_PREFIX.length;
      error.line = line;
      error.column = Number(m[2]) - (shifted ? VALUE_PREFIX.length : 0);
    }
  }
  return error;
}
