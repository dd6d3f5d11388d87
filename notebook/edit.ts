/**
 * Pure editing helpers for the client: each returns a new, re-parsed document (so positions,
 * prose ids and diagnostics are always right) and leaves the input untouched.
 */
import { parseNotebook, renderCell, serializeNotebook } from './format.js';
import { detectEol } from './lines.js';
import type { Block, CellBlock, CellLang, NotebookDoc } from './types.js';

/** Where to put a block: before or after the block with that id (cell or prose); default: at the end. */
export interface Position {
  before?: string;
  after?: string;
}

function reparse(doc: NotebookDoc): NotebookDoc {
  return parseNotebook(serializeNotebook(doc));
}

function indexOf(doc: NotebookDoc, id: string): number {
  const i = doc.blocks.findIndex((b) => b.id === id);
  if (i < 0) throw new Error(`no block with id "${id}" in this notebook`);
  return i;
}

function cellAt(doc: NotebookDoc, id: string): CellBlock {
  const block = doc.blocks[indexOf(doc, id)];
  if (block.kind !== 'cell') throw new Error(`"${id}" is a prose block, not a cell`);
  return block;
}

function eolOf(doc: NotebookDoc): string {
  return detectEol(serializeNotebook(doc));
}

const BREAK = /(\r\n|\r|\n)$/;

function blockText(b: Block): string {
  return b.kind === 'cell' ? b.raw : b.text;
}

function positionIndex(doc: NotebookDoc, at: Position): number {
  if (at.before !== undefined) return indexOf(doc, at.before);
  if (at.after !== undefined) return indexOf(doc, at.after) + 1;
  return doc.blocks.length;
}

/** Inserts text at a block index so that it starts on its own line with blank lines around it. */
function placeAt(doc: NotebookDoc, text: string, index: number): NotebookDoc {
  const eol = eolOf(doc);
  const head = (doc.frontMatter?.raw ?? '') + doc.blocks.slice(0, index).map(blockText).join('');
  const next = doc.blocks[index];
  const atStart = head === '' || head === doc.frontMatter?.raw;
  const lead = atStart || /(\r\n|\r|\n){2}$/.test(head) ? '' : BREAK.test(head) ? eol : eol + eol;
  const trail = !next ? (atStart || BREAK.test(head) ? eol : '') : /^(\r\n|\r|\n)/.test(blockText(next)) ? eol : eol + eol;
  const inserted: Block = { kind: 'prose', id: '', text: lead + text + trail };
  return reparse({ ...doc, blocks: [...doc.blocks.slice(0, index), inserted, ...doc.blocks.slice(index)] });
}

/**
 * A short id not used by any block of the document: `c` + 5 base-36 characters.
 *
 * @example
 * newCellId(doc); // → 'c4k2x9'
 */
export function newCellId(doc: NotebookDoc, random: () => number = Math.random): string {
  const used = new Set(doc.blocks.map((b) => b.id));
  for (;;) {
    const id = 'c' + Math.floor(random() * 36 ** 5).toString(36).padStart(5, '0');
    if (!used.has(id)) return id;
  }
}

/**
 * Replaces a cell's code.
 *
 * @example
 * updateCellCode(doc, 'c1', 'const x = 2');
 */
export function updateCellCode(doc: NotebookDoc, id: string, code: string): NotebookDoc {
  const cell = cellAt(doc, id);
  return reparse({ ...doc, blocks: doc.blocks.map((b) => (b === cell ? { ...cell, code } : b)) });
}

/**
 * Replaces a cell's attributes (other than `id`), e.g. `{ collapsed: true }`.
 *
 * @example
 * setCellAttrs(doc, 'c1', { recipe: 'lift', collapsed: true });
 */
export function setCellAttrs(doc: NotebookDoc, id: string, attrs: Record<string, string | true>): NotebookDoc {
  const cell = cellAt(doc, id);
  return reparse({ ...doc, blocks: doc.blocks.map((b) => (b === cell ? { ...cell, attrs } : b)) });
}

/**
 * Inserts a new cell (default: at the end; `id` defaults to `newCellId(doc)`).
 *
 * @example
 * insertCell(doc, { id: 'c9', code: 'const y = x * 2' }, { after: 'c1' });
 */
export function insertCell(
  doc: NotebookDoc,
  cell: { id?: string; lang?: CellLang; code: string; attrs?: Record<string, string | true> },
  at: Position = {},
): NotebookDoc {
  const id = cell.id ?? newCellId(doc);
  if (doc.blocks.some((b) => b.id === id)) throw new Error(`a block with id "${id}" already exists`);
  const text = renderCell({ id, lang: cell.lang ?? 'js', code: cell.code, attrs: cell.attrs ?? {} }, undefined).replace(/\n/g, eolOf(doc));
  return placeAt(doc, text.replace(/(\r\n|\n)$/, ''), positionIndex(doc, at));
}

/**
 * Inserts a prose (Markdown) block.
 *
 * @example
 * insertProse(doc, '## Conclusions', { after: 'c3' });
 */
export function insertProse(doc: NotebookDoc, markdown: string, at: Position = {}): NotebookDoc {
  return placeAt(doc, markdown.trim().replace(/\r\n|\r|\n/g, eolOf(doc)), positionIndex(doc, at));
}

/** Removes a block with the blank line that separated it from the previous one. */
function remove(doc: NotebookDoc, id: string): { blocks: Block[]; removed: Block } {
  const index = indexOf(doc, id);
  const blocks = doc.blocks.slice();
  const [removed] = blocks.splice(index, 1);
  const prev = blocks[index - 1];
  const next = blocks[index];
  const nextOpensWithBreak = !next || (next.kind === 'prose' && /^(\r\n|\r|\n)/.test(next.text));
  if (prev?.kind === 'prose' && removed.kind === 'cell' && nextOpensWithBreak) {
    const text = prev.text.replace(/(\r\n|\r|\n)(\r\n|\r|\n)$/, '$1');
    blocks[index - 1] = { ...prev, text };
  }
  return { blocks, removed };
}

/**
 * Deletes a cell (or a prose block).
 *
 * @example
 * deleteCell(doc, 'c1');
 */
export function deleteCell(doc: NotebookDoc, id: string): NotebookDoc {
  return reparse({ ...doc, blocks: remove(doc, id).blocks });
}

/**
 * Moves a cell (or prose block) before or after another block.
 *
 * @example
 * moveCell(doc, 'c3', { before: 'c1' });
 */
export function moveCell(doc: NotebookDoc, id: string, at: Position): NotebookDoc {
  const anchor = doc.blocks[positionIndex(doc, at) - (at.after !== undefined ? 1 : 0)];
  if (anchor?.id === id) return doc;
  const { blocks, removed } = remove(doc, id);
  // The anchor may be the prose block `remove` trimmed: find it by position in the old list.
  const oldIndex = anchor ? doc.blocks.indexOf(anchor) : doc.blocks.length;
  const shifted = oldIndex > doc.blocks.indexOf(removed) ? oldIndex - 1 : oldIndex;
  const index = anchor === undefined ? blocks.length : at.after !== undefined ? shifted + 1 : shifted;
  return placeAt({ ...doc, blocks }, blockText(removed).replace(/(\r\n|\r|\n)+$/, ''), index);
}

/**
 * Replaces a prose block's Markdown, keeping the blank lines around it.
 *
 * @example
 * setProse(doc, 'md-0', '# New title');
 */
export function setProse(doc: NotebookDoc, id: string, markdown: string): NotebookDoc {
  const index = indexOf(doc, id);
  const block = doc.blocks[index];
  if (block.kind !== 'prose') throw new Error(`"${id}" is a cell, not a prose block`);
  const eol = eolOf(doc);
  const body = markdown.trim().replace(/\r\n|\r|\n/g, eol);
  const blank = block.text.trim() === '';
  const lead = blank ? block.text : /^\s*/.exec(block.text)![0];
  const trail = blank ? eol : /\s*$/.exec(block.text)![0];
  let text = lead + body + trail;
  if (doc.blocks[index + 1] && !/(\r\n|\r|\n){2}$/.test(text)) text += BREAK.test(text) ? eol : eol + eol;
  const blocks = doc.blocks.slice();
  blocks[index] = { ...block, text };
  return reparse({ ...doc, blocks });
}

export { setParams, setTitle } from './edit-front-matter.js';
