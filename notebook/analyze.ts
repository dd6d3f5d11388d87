/**
 * The cell compiler: strips TypeScript types (sucrase, line numbers kept), parses with acorn,
 * finds the cell's top-level names and free references, and rewrites the code into the body
 * of an async function that returns what the cell defines and displays.
 */
import { parse, type Node } from 'acorn';
import { transform } from 'sucrase';
import { analyzeScope } from './scope.js';
import { DEFAULT_SOURCE, sqlCellCode } from './sql-cell.js';
import type { CellError, CellLang } from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- acorn's ESTree nodes carry type-specific fields
type AnyNode = Node & Record<string, any>;

export interface CellAnalysis {
  /** Top-level names (const/let/var/function/class, destructuring, static imports). */
  defines: string[];
  /** Free names read or assigned (cells' names, params, builtins or globals). */
  references: string[];
  /** Free names the cell assigns to (an error when another cell defines them). */
  assigns: string[];
  error?: CellError;
  /** Where the displayed expression starts (1-based line, 0-based column): the body adds `VALUE_PREFIX` there. */
  valueAt?: { line: number; column: number };
  /**
   * Body of an async function (parameters: the references the runtime resolves) returning
   * `{ values, value, hasValue }`. Line `n` of the cell is line `n + BODY_LINE_OFFSET` of the body.
   */
  body: string;
}

/** Lines the body adds before the cell's first line. */
export const BODY_LINE_OFFSET = 1;
/** The displayed value's variable inside a compiled body. */
const VALUE = '__lb$value';
/** What the body inserts before the displayed expression (error columns after it are shifted back). */
export const VALUE_PREFIX = `${VALUE} = (`;

function syntaxError(error: unknown, columnBase: 0 | 1): CellError {
  const e = error as { message: string; loc?: { line: number; column: number } };
  const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
  return e.loc ? { message, line: e.loc.line, column: e.loc.column + (1 - columnBase) } : { message };
}

/** The parameter through which a compiled cell imports modules (the host decides how). */
export const IMPORT = '__lb$import';

function importReplacement(node: AnyNode): string {
  const source = JSON.stringify(node.source.value);
  const namespace = node.specifiers.find((s: AnyNode) => s.type === 'ImportNamespaceSpecifier');
  if (namespace) return `const ${namespace.local.name} = await ${IMPORT}(${source});`;
  if (node.specifiers.length === 0) return `await ${IMPORT}(${source});`;
  const parts = node.specifiers.map((s: AnyNode) =>
    s.type === 'ImportDefaultSpecifier' ? `default: ${s.local.name}` : `${JSON.stringify(s.imported.name ?? s.imported.value)}: ${s.local.name}`,
  );
  return `const {${parts.join(', ')}} = await ${IMPORT}(${source});`;
}

/**
 * Analyzes one cell. Never throws: a syntax error comes back as `error` with its line and column.
 *
 * @example
 * analyzeCell('const y = x * 2').defines; // → ['y']  (references: ['x'])
 * analyzeCell('const y: number = 1', 'ts').error; // → undefined
 * analyzeCell('const = 1').error; // → { message: 'Unexpected token', line: 1, column: 7 }
 * analyzeCell('SELECT * FROM t WHERE n > ${min}', 'sql', { id: 'big' }); // defines ['big'], references [..., 'min']
 */
export function analyzeCell(code: string, lang: CellLang = 'js', cell: { id?: string; source?: string } = {}): CellAnalysis {
  const empty = { defines: [], references: [], assigns: [], body: '' };
  let js = code;
  if (lang === 'sql') {
    // A SQL cell is analyzed as the JS it compiles to: it defines its id, reads its ${…} names.
    const compiled = sqlCellCode(cell.id ?? '', cell.source ?? DEFAULT_SOURCE, code);
    if (compiled.error) return { ...empty, error: compiled.error };
    js = compiled.code;
  } else if (lang === 'ts') {
    try {
      js = transform(code, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true }).code;
    } catch (error) {
      return { ...empty, error: syntaxError(error, 1) };
    }
  }
  let program: AnyNode;
  try {
    program = parse(js, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as AnyNode;
  } catch (error) {
    return { ...empty, error: syntaxError(error, 0) };
  }
  const exported = program.body.find((s: AnyNode) => s.type.startsWith('Export'));
  if (exported) {
    return {
      ...empty,
      error: {
        message: 'export is not needed: every top-level name of a cell is visible to the other cells',
        line: exported.loc.start.line,
        column: exported.loc.start.column + 1,
      },
    };
  }
  const { defines, references, assigns } = analyzeScope(program);
  // Edits go back to front so earlier offsets stay valid; replacements keep the line count.
  const edits: { start: number; end: number; text: string }[] = [];
  for (const node of program.body as AnyNode[]) {
    if (node.type !== 'ImportDeclaration') continue;
    const lines = js.slice(node.start, node.end).split(/\r\n|\r|\n/).length - 1;
    edits.push({ start: node.start, end: node.end, text: importReplacement(node) + '\n'.repeat(lines) });
  }
  const last = program.body[program.body.length - 1] as AnyNode | undefined;
  const hasValue = last?.type === 'ExpressionStatement' && !last.directive;
  if (hasValue) {
    edits.push({ start: last.expression.end, end: last.expression.end, text: ')' });
    edits.push({ start: last.expression.start, end: last.expression.start, text: VALUE_PREFIX });
  }
  let body = js;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
  }
  const values = defines.map((name) => `${JSON.stringify(name)}: ${name}`).join(', ');
  body = `"use strict"; let ${VALUE};\n${body}\nreturn { values: { ${values} }, value: ${VALUE}, hasValue: ${hasValue} };`;
  const valueAt = hasValue ? { line: last.expression.loc.start.line, column: last.expression.loc.start.column } : undefined;
  return { defines, references, assigns, body, ...(valueAt ? { valueAt } : {}) };
}
