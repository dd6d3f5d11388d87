/**
 * CommonMark fenced-code-block rules the format needs: recognising opening and closing fences,
 * reading a cell's info string, and choosing a fence that the code inside cannot close.
 */
import type { CellLang } from './types.js';

export interface Fence {
  indent: number;
  char: '`' | '~';
  length: number;
  info: string;
}

/**
 * An opening fence (≤ 3 spaces, ≥ 3 backticks or tildes; a backtick fence's info has no backtick).
 *
 * @example
 * openingFence('```js id=a'); // → { indent: 0, char: '`', length: 3, info: 'js id=a' }
 */
export function openingFence(content: string): Fence | null {
  const m = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(content);
  if (!m) return null;
  const char = m[2][0] as '`' | '~';
  if (char === '`' && m[3].includes('`')) return null;
  return { indent: m[1].length, char, length: m[2].length, info: m[3] };
}

/**
 * Whether a line closes `fence`: same character, at least as long, nothing but blanks after.
 *
 * @example
 * closesFence('````', { indent: 0, char: '`', length: 3, info: '' }); // → true
 */
export function closesFence(content: string, fence: Fence): boolean {
  const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(content);
  return !!m && m[1][0] === fence.char && m[1].length >= fence.length;
}

export interface CellInfo {
  lang: CellLang;
  id: string;
  attrs: Record<string, string | true>;
}

const ATTR = /([^\s=]+)(?:=(?:"([^"]*)"|(\S*)))?/g;
const ID = /^[A-Za-z0-9_-]+$/;

/**
 * Reads a cell's info string; null when the block is not a cell (not js/ts/sql, or no valid `id=`).
 *
 * @example
 * parseInfo('ts id=c1 recipe=lift collapsed');
 * // → { lang: 'ts', id: 'c1', attrs: { recipe: 'lift', collapsed: true } }
 */
export function parseInfo(info: string): CellInfo | null {
  const tokens = [...info.trim().matchAll(ATTR)];
  if (tokens.length === 0) return null;
  const [first, ...rest] = tokens;
  const lang = first[0];
  if (lang !== 'js' && lang !== 'ts' && lang !== 'sql') return null;
  const attrs: Record<string, string | true> = {};
  let id: string | undefined;
  for (const t of rest) {
    const value = t[2] ?? t[3];
    if (t[1] === 'id') id = value;
    else attrs[t[1]] = value ?? true;
  }
  if (id === undefined || !ID.test(id)) return null;
  return { lang, id, attrs };
}

/**
 * Writes an info string; values with blanks or quotes-free spaces are double-quoted.
 *
 * @example
 * formatInfo({ lang: 'js', id: 'a', attrs: { title: 'my cell', hidden: true } });
 * // → 'js id=a title="my cell" hidden'
 */
export function formatInfo(info: CellInfo): string {
  const attrs = Object.entries(info.attrs).map(([k, v]) =>
    v === true ? k : /[\s"]/.test(v) || v === '' ? `${k}="${v.replace(/"/g, "'")}"` : `${k}=${v}`,
  );
  return [info.lang, `id=${info.id}`, ...attrs].join(' ');
}

/**
 * The shortest fence of `char` (≥ 3, ≥ `atLeast`) that no line of `code` can close.
 *
 * @example
 * fenceFor('```inner\n```', '`'); // → '````'
 */
export function fenceFor(code: string, char: '`' | '~', atLeast = 3): string {
  let longest = 0;
  const run = char === '`' ? /^ {0,3}(`+)/gm : /^ {0,3}(~+)/gm;
  for (const m of code.matchAll(run)) longest = Math.max(longest, m[1].length);
  return char.repeat(Math.max(3, atLeast, longest + 1));
}
