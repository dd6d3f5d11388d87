import type { Command } from './command-palette.js';
import type { Binding, KeyMode } from './keymap.js';
import type { NewCellKind } from './insert-bar.js';

/**
 * One thing the editor can do. The toolbar draws the actions that have a `button`, the command
 * palette lists them all, and the keymap binds their `keys`: one list, so a key shown in the
 * palette is the key that works.
 */
export interface EditorAction {
  id: string;
  label: string;
  /** As people read them: 'Shift-Enter', 'Ctrl/Cmd-Z', 'D D' (see editor/keymap.ts). */
  keys?: string[];
  /** Where the keys work; default `command` (not while typing in a cell). */
  keyMode?: KeyMode;
  /** False when it would do nothing now (nothing to undo, no cell selected): the palette leaves it out. */
  enabled?: () => boolean;
  run: () => void;
  /** A toolbar button: its text and CSS class (its tooltip is the label and keys). */
  button?: { text: string; class: string };
  /** Keys only, not a palette entry (Enter to edit, Esc, moving the selection). */
  hidden?: boolean;
}

/** What the actions do, supplied by the notebook editor. */
export interface EditorHandlers {
  runCell: () => void;
  runAndAdvance: () => void;
  runAll: () => void;
  stopAll: () => void;
  restart: () => void;
  toggleLazy: () => void;
  lazy: () => boolean;
  save: () => void;
  addCell: (kind: NewCellKind) => void;
  insertCell: (side: 'above' | 'below') => void;
  editSelected: () => void;
  commandMode: () => void;
  selectNext: (delta: -1 | 1) => void;
  moveSelected: (delta: -1 | 1) => void;
  toggleCollapse: () => void;
  deleteSelected: () => void;
  /** M, Y: the selected block becomes Markdown, or a code cell. */
  changeKind: (to: 'markdown' | 'code') => void;
  copySelected: () => void;
  cutSelected: () => void;
  paste: (side: 'above' | 'below') => void;
  /** A block was copied or cut: there is something to paste. */
  canPaste: () => boolean;
  undo: () => void;
  redo: () => void;
  canUndo: () => boolean;
  canRedo: () => boolean;
  /** A block is selected (a cell or Markdown). */
  hasSelection: () => boolean;
  /** The selected block is a code cell (it can run, collapse). */
  cellSelected: () => boolean;
  exportMarkdown: () => void;
  exportHtml: () => void;
  toggleDatasets: () => void;
  share: () => void;
  history: () => void;
  saveCopy: () => void;
  deleteNotebook: () => void;
  /** Only the owner may delete the notebook: the palette offers Delete only to them. */
  isOwner: () => boolean;
  palette: () => void;
  /** The keyboard shortcuts dialog. */
  showKeys: () => void;
}

/**
 * Everything the notebook editor offers, with its keys (Jupyter's command/edit mode keys).
 *
 * @example
 * const actions = editorActions(handlers);
 * openPalette(paletteCommands(actions));
 */
export function editorActions(a: EditorHandlers): EditorAction[] {
  return [
    { id: 'run-advance', label: 'Run cell and select the next', keys: ['Shift-Enter'], keyMode: 'any', enabled: a.hasSelection, run: a.runAndAdvance },
    { id: 'run-cell', label: 'Run selected cell', keys: ['Ctrl/Cmd-Enter'], keyMode: 'any', enabled: a.cellSelected, run: a.runCell },
    { id: 'run-all', label: 'Run all cells', run: a.runAll, button: { text: '▶ Run all', class: 'run-all' } },
    { id: 'stop', label: 'Stop all running cells', run: a.stopAll, button: { text: '■ Stop', class: 'stop-all' } },
    { id: 'restart', label: 'Restart sandbox and re-run everything', run: a.restart },
    { id: 'lazy', get label() { return `${a.lazy() ? 'Disable' : 'Enable'} lazy mode: edits mark dependents stale instead of running them`; }, run: a.toggleLazy, button: { text: 'Lazy', class: 'toggle lazy-toggle' } },
    { id: 'save', label: 'Save notebook', keys: ['Ctrl/Cmd-S'], keyMode: 'any', run: a.save, button: { text: 'Save', class: 'primary save' } },
    { id: 'save-copy', label: 'Save a copy as a new notebook', run: a.saveCopy, button: { text: 'Save a copy', class: 'save-copy' } },
    { id: 'share', label: 'Share notebook…', run: a.share, button: { text: 'Share', class: 'share' } },
    { id: 'history', label: 'History: saved versions, compare, restore…', run: a.history, button: { text: 'History', class: 'history' } },
    { id: 'delete-notebook', label: 'Delete notebook (to the trash)', enabled: a.isOwner, run: a.deleteNotebook, button: { text: 'Delete', class: 'delete-notebook danger' } },
    { id: 'edit', label: 'Edit selected cell', keys: ['Enter'], enabled: a.hasSelection, run: a.editSelected, hidden: true },
    { id: 'command-mode', label: 'Leave the editor (command mode)', keys: ['Esc'], keyMode: 'edit', run: a.commandMode, hidden: true },
    { id: 'select-up', label: 'Select the cell above', keys: ['Up', 'K'], run: () => a.selectNext(-1), hidden: true },
    { id: 'select-down', label: 'Select the cell below', keys: ['Down', 'J'], run: () => a.selectNext(1), hidden: true },
    { id: 'insert-above', label: 'Insert code cell above', keys: ['A'], run: () => a.insertCell('above') },
    { id: 'insert-below', label: 'Insert code cell below', keys: ['B'], run: () => a.insertCell('below') },
    { id: 'add-code', label: 'Add code cell', run: () => a.addCell('code') },
    { id: 'add-sql', label: 'Add SQL cell', run: () => a.addCell('sql') },
    { id: 'add-markdown', label: 'Add Markdown cell', run: () => a.addCell('markdown') },
    { id: 'add-recipe', label: 'Add recipe cell', run: () => a.addCell('recipe') },
    { id: 'move-up', label: 'Move selected cell up', keys: ['Ctrl/Cmd-Shift-Up'], enabled: a.hasSelection, run: () => a.moveSelected(-1) },
    { id: 'move-down', label: 'Move selected cell down', keys: ['Ctrl/Cmd-Shift-Down'], enabled: a.hasSelection, run: () => a.moveSelected(1) },
    { id: 'collapse', label: 'Collapse / expand selected cell', enabled: a.cellSelected, run: a.toggleCollapse },
    { id: 'delete', label: 'Delete selected cell', keys: ['D D'], enabled: a.hasSelection, run: a.deleteSelected },
    { id: 'to-markdown', label: 'Change cell to Markdown', keys: ['M'], enabled: a.cellSelected, run: () => a.changeKind('markdown') },
    { id: 'to-code', label: 'Change Markdown to a code cell', keys: ['Y'], enabled: () => a.hasSelection() && !a.cellSelected(), run: () => a.changeKind('code') },
    { id: 'copy', label: 'Copy selected cell', keys: ['C'], enabled: a.hasSelection, run: a.copySelected },
    { id: 'cut', label: 'Cut selected cell', keys: ['X'], enabled: a.hasSelection, run: a.cutSelected },
    { id: 'paste-below', label: 'Paste cell below', keys: ['V'], enabled: a.canPaste, run: () => a.paste('below') },
    { id: 'paste-above', label: 'Paste cell above', keys: ['Shift-V'], enabled: a.canPaste, run: () => a.paste('above') },
    { id: 'undo', label: 'Undo cell deletion, move or insert', keys: ['Ctrl/Cmd-Z', 'Z'], enabled: a.canUndo, run: a.undo },
    { id: 'redo', label: 'Redo cell deletion, move or insert', keys: ['Ctrl/Cmd-Shift-Z', 'Shift-Z'], enabled: a.canRedo, run: a.redo },
    { id: 'export-md', label: 'Export as Markdown (.md)', run: a.exportMarkdown, button: { text: '⤓ .md', class: 'export-md' } },
    { id: 'export-html', label: 'Export HTML report', run: a.exportHtml, button: { text: '⤓ Report', class: 'export-html' } },
    { id: 'datasets', label: 'Show / hide datasets panel', run: a.toggleDatasets, button: { text: 'Datasets', class: 'datasets-toggle' } },
    { id: 'palette', label: 'Command palette', keys: ['Ctrl/Cmd-K', 'Ctrl-Shift-P'], keyMode: 'any', run: a.palette, button: { text: '⌘K', class: 'palette-button' }, hidden: true },
    { id: 'keys', label: 'Keyboard shortcuts', keys: ['H'], run: a.showKeys },
    { id: 'list', label: 'Go to notebook list', run: () => (location.hash = '#/') },
  ];
}

/** How a key binding is shown: arrows as arrows. */
export function keyLabel(spec: string): string {
  return spec.replace(/\bUp\b/g, '↑').replace(/\bDown\b/g, '↓');
}

/** An action's keys for a tooltip or the palette: 'Up / K'. */
export function keysText(action: EditorAction): string {
  return (action.keys ?? []).map(keyLabel).join(' / ');
}

/**
 * The palette's entries: every action that is not keys-only and would do something now.
 *
 * @example
 * openPalette(paletteCommands(actions));
 */
export function paletteCommands(actions: readonly EditorAction[]): Command[] {
  return actions.filter((a) => !a.hidden && (a.enabled?.() ?? true)).map((a) => ({ id: a.id, title: a.label, shortcut: keysText(a) || undefined, run: a.run }));
}

/**
 * The keymap's bindings, from the actions that have keys.
 *
 * @example
 * createKeymap(keyBindings(actions));
 */
export function keyBindings(actions: readonly EditorAction[]): Binding[] {
  return actions.filter((a) => a.keys?.length).map((a) => ({ id: a.id, keys: a.keys!, mode: a.keyMode ?? 'command' }));
}

/**
 * The keyboard help: every action with keys, keys first, for the palette's help and the README.
 *
 * @example
 * keyHelp(actions)[0]; // → { keys: 'Shift-Enter', label: 'Run cell and select the next' }
 */
export function keyHelp(actions: readonly EditorAction[]): { keys: string; label: string }[] {
  return actions.filter((a) => a.keys?.length).map((a) => ({ keys: keysText(a), label: a.label }));
}
