/**
 * SQL cells: ```` ```sql id=by_week source=wh ````. The SQL text may hold `${expr}` interpolations
 * of other cells' values; each becomes a bound parameter (`$1`, `$2`, …), never spliced text, so a
 * value such as `x'; DROP TABLE t; --` stays a value. The cell compiles to an ordinary JS cell
 * body that calls the host's SQL function and defines the cell id as the result table — so the
 * dependency graph, cancellation and re-runs are the runtime's usual ones.
 */
import { parseExpressionAt } from 'acorn';
import type { CellError } from './types.js';

/** The builtin a compiled SQL cell calls: `(source, sql, params) → Promise<table>` (the host answers it). */
export const SQL_BUILTIN = '__lb$sql';
/** Where a SQL cell runs when it names no `source=`. */
export const DEFAULT_SOURCE = 'local';

/** A SQL cell's text with its interpolations replaced by placeholders. */
export interface SqlTemplate {
  /** The SQL with `$1`, `$2`, … where `${…}` stood. */
  sql: string;
  /** The interpolated JS expressions, in placeholder order, with the 1-based line each starts on. */
  params: { expr: string; line: number }[];
  error?: CellError;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static await implements ' +
    'interface package private protected public arguments eval').split(' '),
);

/**
 * Whether a cell id can name a SQL cell's result (other cells read it by that name).
 *
 * @example
 * isResultName('by_week'); // → true
 * isResultName('by-week'); // → false
 */
export function isResultName(id: string): boolean {
  return IDENT.test(id) && !RESERVED.has(id);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
  return line;
}

/**
 * Splits a SQL cell into SQL with placeholders and the JS expressions bound to them. Quotes and
 * comments are respected: `${…}` inside a comment is left as text; inside a quoted string or name
 * it is an error (a bound value cannot be part of a literal — the fix is to drop the quotes).
 *
 * @example
 * sqlTemplate("SELECT * FROM units WHERE day >= ${since} AND arm = ${arm}");
 * // → { sql: 'SELECT * FROM units WHERE day >= $1 AND arm = $2', params: [{ expr: 'since', line: 1 }, { expr: 'arm', line: 1 }] }
 */
export function sqlTemplate(code: string): SqlTemplate {
  let sql = '';
  const params: SqlTemplate['params'] = [];
  let i = 0;
  let quote: string | null = null;
  while (i < code.length) {
    const ch = code[i];
    if (quote) {
      if (code.startsWith('${', i)) {
        const kind = quote === "'" ? 'string' : 'quoted name';
        return {
          sql: '',
          params: [],
          error: {
            message: `\${…} inside a ${kind} is not substituted: write it without the quotes (its value is bound as a parameter, e.g. WHERE day >= \${since})`,
            line: lineAt(code, i),
            column: i - Math.max(code.lastIndexOf('\n', i - 1), code.lastIndexOf('\r', i - 1)),
          },
        };
      }
      sql += ch;
      i++;
      // A doubled quote is an escaped quote inside the literal.
      if (ch === quote) {
        if (code[i] === quote) sql += code[i++];
        else quote = null;
      }
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      sql += ch;
      i++;
    } else if (code.startsWith('--', i)) {
      const end = code.slice(i).search(/\r|\n/);
      const stop = end < 0 ? code.length : i + end;
      sql += code.slice(i, stop);
      i = stop;
    } else if (code.startsWith('/*', i)) {
      const end = code.indexOf('*/', i + 2);
      const stop = end < 0 ? code.length : end + 2;
      sql += code.slice(i, stop);
      i = stop;
    } else if (code.startsWith('${', i)) {
      const line = lineAt(code, i);
      let end: number;
      try {
        end = parseExpressionAt(code, i + 2, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true }).end;
      } catch (error) {
        const e = error as { message: string; loc?: { line: number; column: number } };
        const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
        return { sql: '', params: [], error: { message: `in \${…}: ${message}`, ...(e.loc ? { line: e.loc.line, column: e.loc.column + 1 } : { line }) } };
      }
      const close = code.slice(end).search(/\S/);
      if (close < 0 || code[end + close] !== '}') {
        return { sql: '', params: [], error: { message: '${… is not closed: end the interpolation with }', line } };
      }
      params.push({ expr: code.slice(i + 2, end), line });
      sql += `$${params.length}`;
      i = end + close + 1;
    } else {
      sql += ch;
      i++;
    }
  }
  return { sql, params };
}

/**
 * The JS body of a SQL cell: one `const <id> = await __lb$sql(source, sql, [params])` whose
 * parameter expressions sit on the lines they had in the SQL, so an error in one points there.
 * Returns an error instead when the id cannot name the result or the template is malformed.
 *
 * @example
 * sqlCellCode('by_week', 'local', 'SELECT ${n}'); // → { code: 'const by_week = await __lb$sql("local", "SELECT $1", [(n)\n]);' }
 */
export function sqlCellCode(id: string, source: string, code: string): { code: string; error?: undefined } | { code?: undefined; error: CellError } {
  if (!isResultName(id)) {
    return {
      error: {
        message: `a SQL cell's id names its result table, and "${id}" is not a valid name: use letters, digits and _ (not starting with a digit), e.g. ${id.replace(/\W/g, '_').replace(/^(\d)/, '_$1') || 'result'}`,
      },
    };
  }
  const template = sqlTemplate(code);
  if (template.error) return { error: template.error };
  let js = `const ${id} = await ${SQL_BUILTIN}(${JSON.stringify(source)}, ${JSON.stringify(template.sql)}, [`;
  let line = 1;
  for (const p of template.params) {
    for (; line < p.line; line++) js += '\n';
    js += `(${p.expr}),`;
    line += (p.expr.match(/\r\n|\r|\n/g) ?? []).length;
  }
  return { code: `${js}\n]);` };
}
