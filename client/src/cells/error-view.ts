import { h } from '../shell/dom.js';

/** A cell error as the runtime reports it (line/column are 1-based within the cell). */
export interface CellErrorLike { message: string; line?: number; column?: number; upstream?: string }

/**
 * A readable error: the message, where in the cell it happened and the offending line, or which
 * cell above failed.
 *
 * @example
 * errorView({ message: 'x is not defined', line: 2 }, 'const a = 1\nx + 1');
 */
export function errorView(error: CellErrorLike, code = ''): HTMLElement {
  const lines = code.split('\n');
  const where = error.upstream
    ? h('div', { class: 'error-where' }, 'Because cell ', h('code', {}, error.upstream), ' above failed.')
    : error.line ? h('div', { class: 'error-where' }, `Line ${error.line}${error.column ? `, column ${error.column}` : ''}:`) : null;
  const snippet = !error.upstream && error.line && lines[error.line - 1] !== undefined
    ? h('pre', { class: 'error-line' }, h('span', { class: 'lineno' }, `${error.line} │ `), lines[error.line - 1]!,
      error.column ? `\n${' '.repeat(String(error.line).length + 3 + error.column - 1)}^` : '')
    : null;
  return h('div', { class: 'output-error', role: 'alert' }, h('div', { class: 'error-message' }, error.message), where, snippet);
}
