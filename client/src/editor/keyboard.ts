import { keyBindings, type EditorAction } from './editor-commands.js';
import { createKeymap } from './keymap.js';

/** A cell's editor: Monaco, or the textarea of a Markdown block being written. */
export const CELL_EDITOR = '.monaco-editor, .markdown-editor';
// Form fields (title, parameters, recipe forms, table filters) take every key but these.
const FIELD = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const GLOBAL_IN_FIELDS = new Set(['save', 'palette']);
const ARROWS = new Set(['ArrowUp', 'ArrowDown']);

/**
 * The notebook editor's keydown handler: finds the action a key (or chord) names in the action
 * list and runs it, when it applies where the key was typed. Command-mode keys never fire while
 * typing in a cell or a form field; an open dialog or palette has the keyboard to itself; keys a
 * cell editor handled itself (Monaco's Shift-Enter, Escape closing a suggestion list) are left
 * alone, except the Markdown box's Shift-Enter and Escape, which render the block and then move on.
 *
 * @example
 * const keys = keyboardHandler(actions);
 * window.addEventListener('keydown', keys.onKey);
 */
export function keyboardHandler(actions: readonly EditorAction[], doc: Document = document) {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const keymap = createKeymap(keyBindings(actions));
  return {
    onKey(e: KeyboardEvent): void {
      if (doc.querySelector('.modal-backdrop, .palette-backdrop')) return keymap.reset();
      const target = e.target instanceof doc.defaultView!.HTMLElement ? e.target : null;
      const inCellEditor = target?.closest(CELL_EDITOR) != null;
      if (e.defaultPrevented && !target?.closest('.markdown-editor')) return;
      const inField = !inCellEditor && target?.closest(FIELD) != null;
      // The event's own time: D D typed quickly stays a chord on a page busy drawing outputs.
      const id = keymap.press(e, inCellEditor || inField, e.timeStamp);
      if (id === 'pending') {
        // The first D of D D: not a key for the page to act on (no find-as-you-type).
        if (!inField && !inCellEditor) e.preventDefault();
        return;
      }
      const action = id ? byId.get(id) : undefined;
      if (!action) return;
      if (inField && !GLOBAL_IN_FIELDS.has(action.id)) return;
      // A focused button or link keeps Enter; a scrolled output (a table) keeps its arrow keys.
      if (action.id === 'edit' && target?.closest('button, a[href]')) return;
      if (ARROWS.has(e.key) && target?.closest('.outputs')) return;
      if (action.enabled && !action.enabled()) return;
      e.preventDefault();
      action.run();
    },
    /** Forgets a half-typed chord. */
    reset: () => keymap.reset(),
  };
}
