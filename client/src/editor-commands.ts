import type { Command } from './command-palette.js';
import type { NewCellKind } from './insert-bar.js';

export interface EditorActions {
  runCell: () => void;
  runAll: () => void;
  stopAll: () => void;
  restart: () => void;
  toggleLazy: () => void;
  lazy: boolean;
  save: () => void;
  addCell: (kind: NewCellKind) => void;
  toggleCollapse: () => void;
  deleteCell: () => void;
  exportMarkdown: () => void;
  exportHtml: () => void;
  toggleDatasets: () => void;
  share: () => void;
  history: () => void;
  saveCopy: () => void;
  /** Only for the owner: the palette offers Delete only to them. */
  deleteNotebook?: () => void;
}

/**
 * Everything the command palette offers in the notebook editor.
 *
 * @example
 * openPalette(editorCommands(actions));
 */
export function editorCommands(a: EditorActions): Command[] {
  return [
    { id: 'run-cell', title: 'Run focused cell', shortcut: 'Shift-Enter', run: a.runCell },
    { id: 'run-all', title: 'Run all cells', run: a.runAll },
    { id: 'stop', title: 'Stop all running cells', run: a.stopAll },
    { id: 'restart', title: 'Restart sandbox and re-run everything', run: a.restart },
    { id: 'lazy', title: `${a.lazy ? 'Disable' : 'Enable'} lazy mode`, run: a.toggleLazy },
    { id: 'save', title: 'Save notebook', shortcut: 'Ctrl/Cmd-S', run: a.save },
    { id: 'add-code', title: 'Add code cell', run: () => a.addCell('code') },
    { id: 'add-markdown', title: 'Add Markdown cell', run: () => a.addCell('markdown') },
    { id: 'add-recipe', title: 'Add recipe cell', run: () => a.addCell('recipe') },
    { id: 'collapse', title: 'Collapse / expand focused cell', run: a.toggleCollapse },
    { id: 'delete', title: 'Delete focused cell', run: a.deleteCell },
    { id: 'export-md', title: 'Export as Markdown (.md)', run: a.exportMarkdown },
    { id: 'export-html', title: 'Export HTML report', run: a.exportHtml },
    { id: 'datasets', title: 'Show / hide datasets panel', run: a.toggleDatasets },
    { id: 'share', title: 'Share notebook…', run: a.share },
    { id: 'history', title: 'History: saved versions, compare, restore…', run: a.history },
    { id: 'save-copy', title: 'Save a copy as a new notebook', run: a.saveCopy },
    ...(a.deleteNotebook ? [{ id: 'delete-notebook', title: 'Delete notebook (to the trash)', run: a.deleteNotebook }] : []),
    { id: 'list', title: 'Go to notebook list', run: () => (location.hash = '#/') },
  ];
}
