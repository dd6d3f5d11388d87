/**
 * The notebook file format: Markdown with optional YAML front matter, where a fenced block whose
 * info string is `js|ts|sql id=<id> …` is a cell. Every block keeps its exact source text, so
 * `serializeNotebook(parseNotebook(text)) === text` for any string.
 */
import { closesFence, fenceFor, formatInfo, openingFence, parseInfo, type Fence } from './fence.js';
import { readFrontMatter, splitFrontMatter } from './front-matter.js';
import { lineContent, lineEnding, splitLines } from './lines.js';
import { DEFAULT_SOURCE } from './sql-cell.js';
import type { Block, CellBlock, CellLang, CellSource, Diagnostic, NotebookDoc } from './types.js';

/** The fields of a cell that its text is rendered from. */
export interface CellFields {
  id: string;
  lang: CellLang;
  code: string;
  attrs: Record<string, string | true>;
}

/** Removes up to `indent` leading spaces, as CommonMark does inside an indented fence. */
function dedent(line: string, indent: number): string {
  let i = 0;
  while (i < indent && line[i] === ' ') i++;
  return line.slice(i);
}

/** Reads a cell out of its lines (opening fence first, at 0-based `firstLine`); null when not a cell. */
function readCell(lines: string[], firstLine: number): CellBlock | null {
  const fence = openingFence(lineContent(lines[0] ?? ''));
  const info = fence && parseInfo(fence.info);
  if (!fence || !info) return null;
  const closed = lines.length > 1 && closesFence(lineContent(lines[lines.length - 1]), fence);
  const body = lines.slice(1, closed ? -1 : undefined).map((l) => dedent(l, fence.indent)).join('');
  const code = body.replace(/(?:\r\n|\r|\n)$/, '');
  return { kind: 'cell', ...info, code, raw: lines.join(''), line: firstLine + 2 };
}

/**
 * Renders a cell's text; `like` (a previous rendering) supplies the fence style and line ending.
 *
 * @example
 * renderCell({ id: 'a', lang: 'js', code: 'x = 1', attrs: {} }); // → '```js id=a\nx = 1\n```\n'
 */
export function renderCell(cell: CellFields, like?: string): string {
  const first = like ? splitLines(like)[0] : undefined;
  const old = first ? openingFence(lineContent(first)) : null;
  const eol = (first && lineEnding(first)) || '\n';
  const fence = fenceFor(cell.code, old?.char ?? '`', old?.length ?? 3);
  const lastEnding = like === undefined || /(?:\r\n|\r|\n)$/.test(like) ? eol : '';
  const code = cell.code === '' ? '' : cell.code.replace(/\r\n|\r|\n/g, eol) + eol;
  return `${fence}${formatInfo(cell)}${eol}${code}${fence}${lastEnding}`;
}

function sameCell(a: CellBlock, b: CellFields): boolean {
  return (
    a.id === b.id &&
    a.lang === b.lang &&
    a.code === b.code &&
    JSON.stringify(Object.entries(a.attrs)) === JSON.stringify(Object.entries(b.attrs))
  );
}

/** A cell's exact text: its `raw` while that still says what its fields say, else a fresh rendering. */
export function cellText(cell: CellBlock): string {
  const reread = readCell(splitLines(cell.raw), 0);
  return reread && sameCell(reread, cell) ? cell.raw : renderCell(cell, cell.raw);
}

/**
 * Parses a notebook. Never throws: problems with the file are `doc.diagnostics`.
 *
 * @example
 * parseNotebook('# Hi\n\n```js id=a\nconst x = 1\n```\n').blocks.map((b) => b.kind); // → ['prose', 'cell']
 */
export function parseNotebook(text: string): NotebookDoc {
  const diagnostics: Diagnostic[] = [];
  const split = splitFrontMatter(text);
  let frontMatter = null;
  if (split) {
    const read = readFrontMatter(split.raw, split.yaml);
    frontMatter = read.frontMatter;
    diagnostics.push(...read.diagnostics);
  }
  const lines = splitLines(split ? text.slice(split.raw.length) : text);
  const offset = split ? splitLines(split.raw).length : 0;
  const blocks: Block[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length > 0) blocks.push({ kind: 'prose', id: '', text: prose.join('') });
    prose = [];
  };
  let i = 0;
  while (i < lines.length) {
    const fence: Fence | null = openingFence(lineContent(lines[i]));
    if (!fence) {
      prose.push(lines[i++]);
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !closesFence(lineContent(lines[end]), fence)) end++;
    const blockLines = lines.slice(i, Math.min(end + 1, lines.length));
    const cell = readCell(blockLines, offset + i);
    if (cell) {
      flushProse();
      blocks.push(cell);
    } else {
      if (/^\s*(js|ts|sql)\s(.*\s)?id=/.test(fence.info)) {
        diagnostics.push({ message: 'this block looks like a cell but its id is not valid: use letters, digits, - or _ (it is read as prose)', line: offset + i + 1 });
      }
      prose.push(...blockLines);
    }
    i += blockLines.length;
  }
  flushProse();
  let md = 0;
  const seen = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind === 'prose') block.id = `md-${md++}`;
    else if (seen.has(block.id)) {
      diagnostics.push({ message: `cell id "${block.id}" is used twice (also on line ${seen.get(block.id)}); ids must be unique`, line: block.line - 1 });
    } else seen.set(block.id, block.line - 1);
  }
  return { frontMatter, blocks, diagnostics };
}

/**
 * The notebook's text. Unedited blocks come back byte for byte.
 *
 * @example
 * serializeNotebook(parseNotebook(text)) === text; // → true
 */
export function serializeNotebook(doc: NotebookDoc): string {
  return (doc.frontMatter?.raw ?? '') + doc.blocks.map((b) => (b.kind === 'prose' ? b.text : cellText(b))).join('');
}

/**
 * The code cells of a document, in order.
 *
 * @example
 * cellsOf(doc).map((c) => c.id); // → ['orders', 'c1']
 */
export function cellsOf(doc: NotebookDoc): CellBlock[] {
  return doc.blocks.filter((b): b is CellBlock => b.kind === 'cell');
}

/**
 * What the runtime needs of each cell.
 *
 * @example
 * runtime.setNotebook(cellSources(doc));
 */
export function cellSources(doc: NotebookDoc): CellSource[] {
  return cellsOf(doc).map((cell) => cellSource(cell));
}

/**
 * What the runtime needs of one cell; a SQL cell also names its source (default `local`).
 *
 * @example
 * cellSource(sqlCell); // → { id: 'by_week', code: 'SELECT …', lang: 'sql', source: 'wh' }
 */
export function cellSource({ id, code, lang, attrs }: Pick<CellBlock, 'id' | 'code' | 'lang' | 'attrs'>): CellSource {
  if (lang !== 'sql') return { id, code, lang };
  return { id, code, lang, source: typeof attrs.source === 'string' && attrs.source ? attrs.source : DEFAULT_SOURCE };
}
