/**
 * The notebook editor's state as pure transitions: which block is selected, whether the keyboard
 * is in command or edit mode (as in Jupyter), and the undo/redo history of structural changes
 * (insert, delete, move). Every transition returns a new state and leaves its input untouched;
 * the editor (notebook-editor.ts) draws the result.
 */
import { parseNotebook, serializeNotebook } from '../../../notebook/format.js';
import { deleteCell, insertCell, insertProse, moveCell, type Position } from '../../../notebook/edit.js';
import { mergeNotebooks } from '../../../notebook/merge.js';
import type { Block, CellLang, NotebookDoc } from '../../../notebook/types.js';

/** Command mode: keys act on cells (A, B, D D, arrows). Edit mode: keys type into the selected cell. */
export type Mode = 'command' | 'edit';

/** One structural change, kept as the notebook text before and after it. */
export interface Change {
  /** What the change did, for "Undid: …" messages. */
  label: string;
  before: string;
  after: string;
  selectedBefore: string | null;
  selectedAfter: string | null;
}

export interface EditorState {
  doc: NotebookDoc;
  /** The id of the selected block (a cell id, or a prose block's positional `md-N`), or null in an empty notebook. */
  selected: string | null;
  mode: Mode;
  /** Structural changes, oldest first; undo takes the last. */
  undo: Change[];
  /** Changes undone, most recently undone last; a new structural change clears them. */
  redo: Change[];
  /** The block last copied or cut (C, X), for pasting (V); null before any. */
  clipboard: Copied | null;
}

/** A copied block: a cell's language, code and attributes (it gets a new id when pasted), or Markdown. */
export type Copied =
  | { kind: 'cell'; lang: CellLang; code: string; attrs: Record<string, string | true> }
  | { kind: 'prose'; text: string };

/** What insertBlock adds: a code cell or a Markdown (prose) block. */
export type NewBlock =
  | { kind: 'cell'; id: string; lang: CellLang; code: string; attrs?: Record<string, string | true> }
  | { kind: 'prose'; text: string };

/** Enough to undo a morning of edits; older changes drop off. */
export const HISTORY_LIMIT = 100;

/** A new Markdown block's text (an empty one would not be drawn, so it could not be selected). */
export const NEW_PROSE = '_New text: double-click to edit._';

/**
 * The blocks the editor draws, in order: every cell and every prose block with text (blank prose
 * between cells is not drawn and cannot be selected).
 *
 * @example
 * visibleBlocks(parseNotebook('# Hi\n\n```js id=a\n1\n```\n')).map((b) => b.id); // → ['md-0', 'a']
 */
export function visibleBlocks(doc: NotebookDoc): Block[] {
  return doc.blocks.filter((b) => b.kind === 'cell' || b.text.trim() !== '');
}

function ids(doc: NotebookDoc): string[] {
  return visibleBlocks(doc).map((b) => b.id);
}

/** The id at `index` of the visible blocks, clamped into range; null when there are none. */
function idAt(doc: NotebookDoc, index: number): string | null {
  const list = ids(doc);
  if (!list.length) return null;
  return list[Math.max(0, Math.min(list.length - 1, index))]!;
}

/** `wanted` if that block is drawn in `doc`, else the block now at `fallbackIndex`. */
function validSelection(doc: NotebookDoc, wanted: string | null, fallbackIndex = 0): string | null {
  return wanted !== null && ids(doc).includes(wanted) ? wanted : idAt(doc, fallbackIndex);
}

/**
 * Where `block` (from an older version of the document) is in `doc`: a cell by its id; prose,
 * whose ids are positional, by its text, the match nearest `nearIndex` (its visible index).
 */
function locate(doc: NotebookDoc, block: Block | { kind: 'prose'; text: string }, nearIndex: number): string | null {
  const list = visibleBlocks(doc);
  if (block.kind === 'cell') return list.some((b) => b.id === block.id) ? block.id : null;
  const text = block.text.trim();
  let best: { id: string; distance: number } | null = null;
  list.forEach((b, i) => {
    // Prose next to prose reads as one block: the moved text may now be part of a longer one.
    if (b.kind !== 'prose' || !b.text.includes(text)) return;
    const distance = Math.abs(i - nearIndex);
    if (!best || distance < best.distance) best = { id: b.id, distance };
  });
  return (best as { id: string } | null)?.id ?? null;
}

/**
 * The state of a freshly opened notebook: the first block selected, command mode, no history.
 *
 * @example
 * initialState(doc).selected; // → 'md-0'
 */
export function initialState(doc: NotebookDoc): EditorState {
  return { doc, selected: idAt(doc, 0), mode: 'command', undo: [], redo: [], clipboard: null };
}

/**
 * Selects a block; an id the editor does not draw leaves the state as it was.
 *
 * @example
 * select(state, 'c2').selected; // → 'c2'
 */
export function select(state: EditorState, id: string): EditorState {
  if (!ids(state.doc).includes(id) || state.selected === id) return state;
  return { ...state, selected: id };
}

/**
 * Moves the selection up (-1) or down (+1), stopping at the first and last block.
 *
 * @example
 * selectNext(state, 1).selected; // the block below the selected one
 */
export function selectNext(state: EditorState, delta: -1 | 1): EditorState {
  const list = ids(state.doc);
  if (!list.length) return state;
  const index = state.selected === null ? -1 : list.indexOf(state.selected);
  const next = index < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.max(0, Math.min(list.length - 1, index + delta));
  return { ...state, selected: list[next]!, mode: 'command' };
}

/**
 * Edit mode on the selected block (its editor has the keyboard); nothing to edit, no change.
 *
 * @example
 * enterEdit(state).mode; // → 'edit'
 */
export function enterEdit(state: EditorState): EditorState {
  if (state.selected === null || state.mode === 'edit') return state;
  return { ...state, mode: 'edit' };
}

/**
 * Command mode: keys act on cells again.
 *
 * @example
 * enterCommand(state).mode; // → 'command'
 */
export function enterCommand(state: EditorState): EditorState {
  return state.mode === 'command' ? state : { ...state, mode: 'command' };
}

/**
 * A change that is not structural (typing, a cell's attributes, a title): the history stays (undo
 * of a later structural change keeps this typing, see `undo`), the selection stays if the block
 * is still drawn.
 *
 * @example
 * editText(state, updateCellCode(state.doc, 'a', 'const a = 2'));
 */
export function editText(state: EditorState, doc: NotebookDoc): EditorState {
  const index = state.selected === null ? 0 : ids(state.doc).indexOf(state.selected);
  return { ...state, doc, selected: validSelection(doc, state.selected, index) };
}

/**
 * Another document altogether (a restored version, a merged save, a draft): its history would
 * undo into the other text, so it starts afresh.
 *
 * @example
 * replaceDocument(state, parseNotebook(restoredSource)).undo; // → []
 */
export function replaceDocument(state: EditorState, doc: NotebookDoc): EditorState {
  return { ...state, doc, selected: validSelection(doc, state.selected), undo: [], redo: [] };
}

function record(state: EditorState, label: string, doc: NotebookDoc, selected: string | null): EditorState {
  const change: Change = { label, before: serializeNotebook(state.doc), after: serializeNotebook(doc), selectedBefore: state.selected, selectedAfter: selected };
  return { ...state, doc, selected, mode: 'command', undo: [...state.undo, change].slice(-HISTORY_LIMIT), redo: [] };
}

/** Where "above" and "below" the selection is; with nothing selected, the start or the end. */
export function besideSelection(state: EditorState, side: 'above' | 'below'): Position {
  if (state.selected === null) return side === 'above' ? (state.doc.blocks[0] ? { before: state.doc.blocks[0].id } : {}) : {};
  return side === 'above' ? { before: state.selected } : { after: state.selected };
}

/**
 * Inserts a cell or Markdown block and selects it (undoable).
 *
 * @example
 * insertBlock(state, { kind: 'cell', id: 'c9', lang: 'ts', code: '' }, besideSelection(state, 'below')).selected; // → 'c9'
 */
export function insertBlock(state: EditorState, block: NewBlock, at: Position): EditorState {
  const doc = block.kind === 'cell'
    ? insertCell(state.doc, { id: block.id, lang: block.lang, code: block.code, attrs: block.attrs ?? {} }, at)
    : insertProse(state.doc, block.text, at);
  // Where the new block lands among the drawn ones (to find a prose block, whose id is positional).
  const anchorIndex = at.before !== undefined ? ids(state.doc).indexOf(at.before) : at.after !== undefined ? ids(state.doc).indexOf(at.after) + 1 : ids(state.doc).length;
  const selected = block.kind === 'cell' ? block.id : locate(doc, block, anchorIndex);
  return record(state, block.kind === 'cell' ? `insert cell ${block.id}` : 'insert Markdown', doc, selected ?? validSelection(doc, state.selected));
}

function blockOf(doc: NotebookDoc, id: string): Block {
  const block = doc.blocks.find((b) => b.id === id);
  if (!block) throw new Error(`no block with id "${id}" in this notebook`);
  return block;
}

/**
 * Deletes a block (undoable) and selects the one that took its place, or the one above at the end.
 *
 * @example
 * deleteBlock(state, 'a').undo.at(-1)?.label; // → 'delete cell a'
 */
export function deleteBlock(state: EditorState, id: string, verb = 'delete'): EditorState {
  const block = blockOf(state.doc, id);
  const index = ids(state.doc).indexOf(id);
  const doc = deleteCell(state.doc, id);
  const selected = state.selected === id || state.selected === null ? idAt(doc, index) : validSelection(doc, state.selected, index);
  return record(state, block.kind === 'cell' ? `${verb} cell ${id}` : `${verb} Markdown`, doc, selected);
}

function copied(block: Block): Copied {
  return block.kind === 'cell' ? { kind: 'cell', lang: block.lang, code: block.code, attrs: { ...block.attrs } } : { kind: 'prose', text: block.text.trim() };
}

/**
 * C: copies a block for pasting (the document and its history stay as they are).
 *
 * @example
 * copyBlock(state, 'a').clipboard; // → { kind: 'cell', lang: 'js', code: 'const a = 1', attrs: {} }
 */
export function copyBlock(state: EditorState, id: string): EditorState {
  return { ...state, clipboard: copied(blockOf(state.doc, id)) };
}

/**
 * X: copies a block and deletes it (undoable, as a deletion).
 *
 * @example
 * cutBlock(state, 'a').undo.at(-1)?.label; // → 'cut cell a'
 */
export function cutBlock(state: EditorState, id: string): EditorState {
  const clipboard = copied(blockOf(state.doc, id));
  return { ...deleteBlock(state, id, 'cut'), clipboard };
}

/**
 * V, Shift-V: pastes the copied block below or above the selection and selects it (undoable); a
 * cell gets `newId`, since the copied cell may still be in the notebook. Nothing copied, no change.
 *
 * @example
 * pasteBlock(copyBlock(state, 'a'), 'below', 'c9').selected; // → 'c9'
 */
export function pasteBlock(state: EditorState, side: 'above' | 'below', newId: string): EditorState {
  const clip = state.clipboard;
  if (!clip) return state;
  const block: NewBlock = clip.kind === 'cell' ? { ...clip, id: newId } : clip;
  const pasted = insertBlock(state, block, besideSelection(state, side));
  const change = pasted.undo.at(-1)!;
  return { ...pasted, undo: [...pasted.undo.slice(0, -1), { ...change, label: clip.kind === 'cell' ? `paste cell ${newId}` : 'paste Markdown' }] };
}

/**
 * M, Y: turns a code cell into Markdown (its code becomes the text) or Markdown into a code cell
 * (its text becomes the code, in a cell `newId`), undoable, and selects the result. A block that
 * already is of that kind stays as it is.
 *
 * @example
 * changeKind(state, 'a', 'markdown').undo.at(-1)?.label; // → 'cell a to Markdown'
 */
export function changeKind(state: EditorState, id: string, to: 'markdown' | 'code', newId = ''): EditorState {
  const block = blockOf(state.doc, id);
  const index = ids(state.doc).indexOf(id);
  if (block.kind === 'cell' && to === 'markdown') {
    const text = block.code.trim() || NEW_PROSE;
    const doc = deleteCell(insertProse(state.doc, text, { before: id }), id);
    return record(state, `cell ${id} to Markdown`, doc, locate(doc, { kind: 'prose', text }, index) ?? validSelection(doc, null, index));
  }
  if (block.kind === 'prose' && to === 'code') {
    // Placed before the next cell (cell ids stay; prose ids are positional and shift), or at the end.
    const next = state.doc.blocks.slice(state.doc.blocks.indexOf(block) + 1).find((b) => b.kind === 'cell');
    const doc = insertCell(deleteCell(state.doc, id), { id: newId, lang: 'ts', code: block.text.trim(), attrs: {} }, next ? { before: next.id } : {});
    return record(state, `Markdown to cell ${newId}`, doc, newId);
  }
  return state;
}

/**
 * Moves a block one drawn block up (-1) or down (+1), undoable; at the top or bottom nothing
 * happens. The moved block stays selected.
 *
 * @example
 * moveBlock(state, 'b', -1);
 */
export function moveBlock(state: EditorState, id: string, delta: -1 | 1): EditorState {
  const list = visibleBlocks(state.doc);
  const index = list.findIndex((b) => b.id === id);
  if (index < 0) throw new Error(`no block with id "${id}" in this notebook`);
  const target = list[index + delta];
  if (!target) return state;
  const block = list[index]!;
  const doc = moveCell(state.doc, id, delta < 0 ? { before: target.id } : { after: target.id });
  const moved = locate(doc, block, index + delta);
  const selected = state.selected === id ? moved : validSelection(doc, state.selected, index);
  return record(state, block.kind === 'cell' ? `move cell ${id}` : 'move Markdown', doc, selected);
}

/**
 * `target` with the edits that turned `from` into `now` (typing since the change) applied: cell
 * by cell, and where both touched the same block, `now` wins.
 */
function carryEdits(from: string, now: string, target: string): string {
  if (now === from) return target;
  const first = mergeNotebooks(from, now, target);
  if (!first.conflicts.length) return first.source;
  return mergeNotebooks(from, now, target, Object.fromEntries(first.conflicts.map((c) => [c.key, 'mine' as const]))).source;
}

/**
 * Undoes the last structural change. Typing done since stays: the document goes back to the text
 * before the change with later edits of other cells carried over. Nothing to undo, no change.
 *
 * @example
 * undo(deleteBlock(state, 'a')).doc; // has cell a again, with its code
 */
export function undo(state: EditorState): EditorState {
  const change = state.undo.at(-1);
  if (!change) return state;
  const doc = parseNotebook(carryEdits(change.after, serializeNotebook(state.doc), change.before));
  return { ...state, doc, selected: validSelection(doc, change.selectedBefore), mode: 'command', undo: state.undo.slice(0, -1), redo: [...state.redo, change] };
}

/**
 * Does again the change last undone (with typing since carried over, as for `undo`).
 *
 * @example
 * redo(undo(deleteBlock(state, 'a'))).doc; // cell a deleted again
 */
export function redo(state: EditorState): EditorState {
  const change = state.redo.at(-1);
  if (!change) return state;
  const doc = parseNotebook(carryEdits(change.before, serializeNotebook(state.doc), change.after));
  return { ...state, doc, selected: validSelection(doc, change.selectedAfter), mode: 'command', undo: [...state.undo, change], redo: state.redo.slice(0, -1) };
}
