import { newCellId } from '../../../notebook/edit.js';
import type { NotebookDoc } from '../../../notebook/types.js';
import { toggleCollapsed } from './cell-edits.js';
import type { CellList } from './cell-list.js';
import { CELL_EDITOR } from './keyboard.js';
import * as S from './state.js';

export interface SessionHooks {
  list: CellList;
  /** Carries the `edit-mode` / `command-mode` classes. */
  notebookEl: HTMLElement;
  toast: (message: string, kind?: 'error' | 'info') => void;
  /** The document changed (after every applied transition). */
  onEdited: () => void;
  /** A structural change: draw the cells again and give the runtime the new cells. */
  onRedraw: () => void;
}

/**
 * The editor's state on the page: takes the pure transitions of state.ts (selection, command/edit
 * mode, structural changes with undo), shows their result (selection, mode, focus) and says when
 * the document changed. Focus moving into a cell (a click, Tab) moves the selection with it.
 *
 * @example
 * const session = editorSession(doc, hooks);
 * session.structural((state) => S.deleteBlock(state, 'c1'));
 */
export function editorSession(initial: NotebookDoc, hooks: SessionHooks) {
  const { list, notebookEl } = hooks;
  let ui: S.EditorState = S.initialState(initial);

  /**
   * Applies a transition that changes the document; a redraw (structural change) also tells the
   * kernel. Refused edits (a vanished id) become a toast.
   */
  function apply(transition: (state: S.EditorState) => S.EditorState, redraw: boolean): boolean {
    let next: S.EditorState;
    try {
      next = transition(ui);
    } catch (error) {
      hooks.toast((error as Error).message, 'error');
      return false;
    }
    if (next === ui) return false;
    change(next, false);
    hooks.onEdited();
    if (redraw) hooks.onRedraw();
    return true;
  }

  /** Takes a new editor state; in command mode the selected block gets the keyboard. */
  function change(next: S.EditorState, focus = true): void {
    const moved = next.selected !== ui.selected || next.mode !== ui.mode;
    ui = next;
    showSelection();
    if (focus && moved && ui.mode === 'command') list.focusBlock(ui.selected);
  }

  function showSelection(): void {
    list.showSelection(ui.selected);
    notebookEl.classList.toggle('edit-mode', ui.mode === 'edit');
    notebookEl.classList.toggle('command-mode', ui.mode === 'command');
  }

  /** Enter: the selected cell's editor gets the cursor (a Markdown block opens for writing). */
  function editSelected(): void {
    const el = list.blockEl(ui.selected);
    if (!el || ui.selected === null) return;
    const view = list.views.get(ui.selected);
    if (view) view.focus();
    else el.querySelector('.markdown-body')?.dispatchEvent(new MouseEvent('dblclick'));
    change(S.enterEdit(ui), false);
  }

  /**
   * Clicks and Tab move the selection: focus in a cell's editor is edit mode, anywhere else in a
   * cell command mode; focus outside the cells (title, toolbar, a panel) leaves edit mode.
   */
  const onFocusIn = (e: FocusEvent) => {
    const target = e.target as HTMLElement;
    const blockId = target.closest<HTMLElement>('.cells [data-block]')?.dataset.block;
    if (!blockId) return change(S.enterCommand(ui), false);
    const editing = target.closest(CELL_EDITOR) !== null;
    const selected = S.select(ui, blockId);
    change(editing ? S.enterEdit(selected) : S.enterCommand(selected), false);
  };

  /** A structural change (insert, delete, move, undo): redrawn, and the selection gets the keyboard. */
  function structural(transition: (state: S.EditorState) => S.EditorState): boolean {
    const done = apply(transition, true);
    if (done && ui.mode === 'command') list.focusBlock(ui.selected);
    return done;
  }

  /** A text edit (typing, attributes): the document changes, the undo history stays. */
  function edit(update: (doc: NotebookDoc) => NotebookDoc, redraw = false): void {
    apply((state) => S.editText(state, update(state.doc)), redraw);
  }

  return {
    get state(): S.EditorState {
      return ui;
    },
    get doc(): NotebookDoc {
      return ui.doc;
    },
    change,
    showSelection,
    editSelected,
    onFocusIn,
    edit,
    structural,
    /** A, B: a new code cell above or below the selection. */
    insertCodeCell(side: 'above' | 'below'): void {
      const at = S.besideSelection(ui, side);
      structural((state) => S.insertBlock(state, { kind: 'cell', id: newCellId(state.doc), lang: 'ts', code: '' }, at));
    },
    remove(blockId: string): void {
      structural((state) => S.deleteBlock(state, blockId));
    },
    move(blockId: string, delta: -1 | 1): void {
      structural((state) => S.moveBlock(state, blockId, delta));
    },
    /** Undo or redo, saying what was undone or redone. */
    stepHistory(step: (state: S.EditorState) => S.EditorState, verb: 'Undone' | 'Redone'): void {
      const label = (verb === 'Undone' ? ui.undo : ui.redo).at(-1)?.label;
      if (structural((state) => S.enterCommand(step(state))) && label) hooks.toast(`${verb}: ${label}.`);
    },
    /**
     * M, Y: the selected block as Markdown or as a code cell. A cell made from text waits to be
     * run, as in Jupyter (text is rarely code that runs).
     */
    changeKind(to: 'markdown' | 'code'): void {
      const id = ui.selected;
      if (id === null) return;
      const newId = newCellId(ui.doc);
      const fromText = to === 'code' && ui.doc.blocks.find((b) => b.id === id)?.kind === 'prose';
      if (fromText) list.holdBack(newId);
      structural((state) => S.changeKind(state, id, to, newId));
    },
    /** C: nothing on the page changes; V pastes it. */
    copy(): void {
      if (ui.selected !== null) change(S.copyBlock(ui, ui.selected), false);
    },
    cut(): void {
      const id = ui.selected;
      if (id !== null) structural((state) => S.cutBlock(state, id));
    },
    paste(side: 'above' | 'below'): void {
      structural((state) => S.pasteBlock(state, side, newCellId(state.doc)));
    },
    toggleCollapse(cellId: string): void {
      edit((doc) => toggleCollapsed(doc, cellId));
      const block = ui.doc.blocks.find((b) => b.id === cellId);
      if (block?.kind === 'cell') list.views.get(cellId)?.setBlock(block);
    },
    /** Esc: command mode, the selected block's frame gets the keyboard. */
    commandMode(): void {
      change(S.enterCommand(ui), false);
      list.focusBlock(ui.selected);
    },
    /** Where added cells go: after the selection. */
    afterSelection(): { after?: string } {
      return ui.selected !== null ? { after: ui.selected } : {};
    },
  };
}

export type EditorSession = ReturnType<typeof editorSession>;
