import { describe, expect, it } from 'vitest';
import { parseNotebook, serializeNotebook } from '../../../notebook/format.js';
import { updateCellCode } from '../../../notebook/edit.js';
import {
  besideSelection, changeKind, copyBlock, cutBlock, deleteBlock, editText, enterCommand, enterEdit, HISTORY_LIMIT, initialState, insertBlock, moveBlock, NEW_PROSE, pasteBlock, redo, replaceDocument, select,
  selectNext, undo, visibleBlocks,
} from './state.js';

const TEXT = '# Intro\n\n```js id=a\nconst a = 1\n```\n\nMiddle text.\n\n```js id=b\nconst b = a + 1\n```\n\n```js id=c\nconst c = b * 2\n```\n';
const start = () => initialState(parseNotebook(TEXT));
// Cells by id, prose by its text (prose ids are positional and count the blank prose between cells).
const order = (state: ReturnType<typeof start>) => visibleBlocks(state.doc).map((b) => (b.kind === 'cell' ? b.id : b.text.trim()));
/** The selected block as `order` names it. */
const chosen = (state: ReturnType<typeof start>) => {
  const block = visibleBlocks(state.doc).find((b) => b.id === state.selected);
  return block?.kind === 'prose' ? block.text.trim() : block?.id;
};
const text = (state: ReturnType<typeof start>) => serializeNotebook(state.doc);

describe('selection and modes', () => {
  it('opens in command mode with the first drawn block selected', () => {
    const state = start();
    expect(chosen(state)).toBe('# Intro');
    expect(state.mode).toBe('command');
    expect(initialState(parseNotebook('')).selected).toBeNull();
  });

  it('moves the selection with the arrows, stopping at both ends', () => {
    let state = start();
    state = selectNext(state, 1);
    expect(state.selected).toBe('a');
    state = selectNext(selectNext(selectNext(selectNext(state, 1), 1), 1), 1);
    expect(state.selected).toBe('c');
    expect(chosen(selectNext(select(state, 'md-0'), -1))).toBe('# Intro');
  });

  it('selects only drawn blocks, and enters and leaves edit mode', () => {
    const state = select(start(), 'b');
    expect(state.selected).toBe('b');
    expect(select(state, 'nope')).toBe(state);
    expect(enterEdit(state).mode).toBe('edit');
    expect(enterCommand(enterEdit(state)).mode).toBe('command');
    // Moving the selection leaves edit mode, as Jupyter's arrows do in command mode.
    expect(selectNext(enterEdit(state), 1).mode).toBe('command');
    expect(enterEdit(initialState(parseNotebook(''))).mode).toBe('command');
  });
});

describe('structural changes', () => {
  it('inserts a cell below and above the selection and selects it', () => {
    const state = select(start(), 'a');
    const below = insertBlock(state, { kind: 'cell', id: 'n1', lang: 'ts', code: '' }, besideSelection(state, 'below'));
    expect(order(below)).toEqual(['# Intro', 'a', 'n1', 'Middle text.', 'b', 'c']);
    expect(below.selected).toBe('n1');
    const above = insertBlock(below, { kind: 'cell', id: 'n2', lang: 'ts', code: 'x' }, besideSelection(below, 'above'));
    expect(order(above)).toEqual(['# Intro', 'a', 'n2', 'n1', 'Middle text.', 'b', 'c']);
    expect(above.undo.map((c) => c.label)).toEqual(['insert cell n1', 'insert cell n2']);
  });

  it('inserts a Markdown block and selects it by its text', () => {
    const state = select(start(), 'b');
    const next = insertBlock(state, { kind: 'prose', text: '## Notes' }, besideSelection(state, 'below'));
    expect(order(next)).toEqual(['# Intro', 'a', 'Middle text.', 'b', '## Notes', 'c']);
    expect(chosen(next)).toBe('## Notes');
  });

  it('deletes the selected block and selects the one that took its place (or the one above, at the end)', () => {
    const state = deleteBlock(select(start(), 'b'), 'b');
    expect(order(state)).toEqual(['# Intro', 'a', 'Middle text.', 'c']);
    expect(state.selected).toBe('c');
    expect(chosen(deleteBlock(state, 'c'))).toBe('Middle text.');
    // Deleting another block keeps the selection.
    expect(deleteBlock(select(start(), 'a'), 'c').selected).toBe('a');
    expect(() => deleteBlock(start(), 'zz')).toThrow(/no block with id "zz"/);
  });

  it('moves a block past its drawn neighbour and keeps it selected; no move past the ends', () => {
    const state = moveBlock(select(start(), 'c'), 'c', -1);
    expect(order(state)).toEqual(['# Intro', 'a', 'Middle text.', 'c', 'b']);
    expect(state.selected).toBe('c');
    expect(moveBlock(state, 'md-0', -1)).toBe(state);
    // Prose moved next to prose reads as one block (the format has no boundary between them); it stays selected.
    const middle = visibleBlocks(start().doc)[2]!.id;
    const prose = moveBlock(select(start(), middle), middle, -1);
    expect(order(prose).slice(1)).toEqual(['a', 'b', 'c']);
    expect(chosen(prose)).toMatch(/^# Intro\s+Middle text\.$/);
  });
});

describe('undo and redo', () => {
  it('undo brings a deleted cell back with its code, where it was, selected; redo deletes it again', () => {
    const deleted = deleteBlock(select(start(), 'b'), 'b');
    const undone = undo(deleted);
    expect(text(undone)).toBe(TEXT);
    expect(undone.selected).toBe('b');
    expect(undone.redo).toHaveLength(1);
    const redone = redo(undone);
    expect(text(redone)).toBe(text(deleted));
    expect(redone.selected).toBe('c');
    expect(redone.undo).toHaveLength(1);
  });

  it('undoes moves and inserts, most recent first, and does nothing with an empty history', () => {
    let state = select(start(), 'c');
    state = moveBlock(state, 'c', -1);
    state = moveBlock(state, 'c', -1);
    state = insertBlock(state, { kind: 'cell', id: 'n', lang: 'js', code: '' }, besideSelection(state, 'below'));
    expect(order(state)).toEqual(['# Intro', 'a', 'c', 'n', 'Middle text.', 'b']);
    state = undo(state);
    expect(order(state)).toEqual(['# Intro', 'a', 'c', 'Middle text.', 'b']);
    state = undo(undo(state));
    expect(text(state)).toBe(TEXT);
    expect(state.selected).toBe('c');
    expect(undo(state)).toBe(state);
    expect(redo(start())).toEqual(start());
  });

  it('keeps typing done after the change when undoing it', () => {
    let state = deleteBlock(start(), 'b');
    state = editText(state, updateCellCode(state.doc, 'c', 'const c = 42'));
    state = undo(state);
    expect(order(state)).toEqual(['# Intro', 'a', 'Middle text.', 'b', 'c']);
    expect(text(state)).toContain('const b = a + 1');
    expect(text(state)).toContain('const c = 42');
  });

  it('keeps the code typed into a moved cell when undoing the move', () => {
    let state = moveBlock(start(), 'c', -1);
    state = editText(state, updateCellCode(state.doc, 'c', 'const c = 7'));
    state = undo(state);
    expect(order(state)).toEqual(['# Intro', 'a', 'Middle text.', 'b', 'c']);
    expect(text(state)).toContain('const c = 7');
  });

  it('a new change clears redo; another document clears the history; the history is bounded', () => {
    const undone = undo(deleteBlock(start(), 'b'));
    expect(deleteBlock(undone, 'a').redo).toEqual([]);
    expect(replaceDocument(deleteBlock(start(), 'b'), parseNotebook(TEXT)).undo).toEqual([]);
    let state = start();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) state = moveBlock(state, 'c', i % 2 ? 1 : -1);
    expect(state.undo).toHaveLength(HISTORY_LIMIT);
  });

  it('keeps a selection that is still drawn after typing, and picks a neighbour when it is gone', () => {
    const state = select(start(), 'b');
    expect(editText(state, updateCellCode(state.doc, 'b', 'x')).selected).toBe('b');
    const gone = parseNotebook(TEXT.replace('```js id=b\nconst b = a + 1\n```\n\n', ''));
    expect(editText(state, gone).selected).toBe('c');
  });
});

describe('Markdown and code (M, Y)', () => {
  it('M turns a code cell into Markdown with its code as the text, selected; undo brings the cell back', () => {
    const state = changeKind(select(start(), 'b'), 'b', 'markdown');
    // Markdown next to Markdown reads as one block: "Middle text." and the new text join.
    expect(order(state)).toEqual(['# Intro', 'a', 'Middle text.\n\nconst b = a + 1', 'c']);
    expect(chosen(state)).toBe('Middle text.\n\nconst b = a + 1');
    expect(state.undo.at(-1)?.label).toBe('cell b to Markdown');
    const undone = undo(state);
    expect(text(undone)).toBe(TEXT);
    expect(undone.selected).toBe('b');
  });

  it('Y turns Markdown into a code cell with its text as the code, in place', () => {
    const middle = visibleBlocks(start().doc)[2]!.id;
    const state = changeKind(select(start(), middle), middle, 'code', 'n1');
    expect(order(state)).toEqual(['# Intro', 'a', 'n1', 'b', 'c']);
    expect(state.selected).toBe('n1');
    const cell = state.doc.blocks.find((b) => b.id === 'n1');
    expect(cell).toMatchObject({ kind: 'cell', lang: 'ts', code: 'Middle text.' });
    expect(text(undo(state))).toBe(TEXT);
    // The last block, with nothing after it, stays last.
    const end = initialState(parseNotebook('```js id=a\n1\n```\n\nThe end.\n'));
    const last = visibleBlocks(end.doc)[1]!.id;
    expect(order(changeKind(end, last, 'code', 'n2'))).toEqual(['a', 'n2']);
  });

  it('leaves a block that already is of that kind alone, and an empty cell becomes placeholder text', () => {
    const state = start();
    expect(changeKind(state, 'a', 'code', 'x')).toBe(state);
    expect(changeKind(state, 'md-0', 'markdown')).toBe(state);
    const empty = insertBlock(state, { kind: 'cell', id: 'e', lang: 'ts', code: '' }, {});
    expect(chosen(changeKind(empty, 'e', 'markdown'))).toBe(NEW_PROSE);
  });
});

describe('copy, cut and paste (C, X, V, Shift-V)', () => {
  it('C copies without touching the document or the history; V pastes a copy below with a new id', () => {
    const copied = copyBlock(select(start(), 'a'), 'a');
    expect(text(copied)).toBe(TEXT);
    expect(copied.undo).toEqual([]);
    const pasted = pasteBlock(select(copied, 'c'), 'below', 'p1');
    expect(order(pasted)).toEqual(['# Intro', 'a', 'Middle text.', 'b', 'c', 'p1']);
    expect(pasted.selected).toBe('p1');
    expect(pasted.doc.blocks.find((b) => b.id === 'p1')).toMatchObject({ kind: 'cell', lang: 'js', code: 'const a = 1' });
    expect(pasted.undo.at(-1)?.label).toBe('paste cell p1');
    // Shift-V: above; the clipboard stays for more pastes.
    const above = pasteBlock(select(pasted, 'a'), 'above', 'p2');
    expect(order(above)).toEqual(['# Intro', 'p2', 'a', 'Middle text.', 'b', 'c', 'p1']);
  });

  it('X cuts (undoable as a deletion) and V puts the block back elsewhere, attributes and all', () => {
    const withAttrs = initialState(parseNotebook('```js id=a collapsed\nconst a = 1\n```\n\n```js id=b\nconst b = 2\n```\n'));
    const cut = cutBlock(withAttrs, 'a');
    expect(order(cut)).toEqual(['b']);
    expect(cut.undo.at(-1)?.label).toBe('cut cell a');
    expect(text(undo(cut))).toBe(text(withAttrs));
    const pasted = pasteBlock(cut, 'below', 'a2');
    expect(order(pasted)).toEqual(['b', 'a2']);
    expect(text(pasted)).toContain('```js id=a2 collapsed\nconst a = 1\n```');
  });

  it('copies and pastes Markdown; with nothing copied, V does nothing', () => {
    const pasted = pasteBlock(copyBlock(select(start(), 'c'), 'md-0'), 'below', 'unused');
    expect(order(pasted)).toEqual(['# Intro', 'a', 'Middle text.', 'b', 'c', '# Intro']);
    expect(pasted.undo.at(-1)?.label).toBe('paste Markdown');
    const state = start();
    expect(pasteBlock(state, 'below', 'p')).toBe(state);
    expect(() => copyBlock(state, 'zz')).toThrow(/no block with id "zz"/);
  });
});
