import { parseNotebook, serializeNotebook } from '../../../notebook/format.js';
import { newCellId, setProse, setTitle, type Position } from '../../../notebook/edit.js';
import type { CellBlock } from '../../../notebook/types.js';
import { api, type DatasetInfo, type NotebookDoc as SavedNotebook, type RecipeInfo, type SessionUser } from '../shell/api.js';
import { h } from '../shell/dom.js';
import { openPalette } from './command-palette.js';
import { editorActions, paletteCommands } from './editor-commands.js';
import { openKeyHelp } from './key-help.js';
import { keyboardHandler } from './keyboard.js';
import * as S from './state.js';
import './selection.css';
import { datasetsPanel } from '../datasets/datasets-panel.js';
import { notebookDependencyHooks, openDependencyPopover } from '../cells/dependency-view.js';
import { sourcesPanel } from '../datasets/sources-panel.js';
import { download, fileStem } from '../shell/download.js';
import { editorToolbar } from './editor-toolbar.js';
import { htmlReport } from '../outputs/html-report.js';
import { notebookTitle } from '../../../notebook/title.js';
import type { NewCellKind } from './insert-bar.js';
import { confirmDialog } from '../shell/modal.js';
import { notebookNamesSync } from './notebook-names.js';
import { recipeCode, resultName } from '../cells/recipe-code.js';
import { notebookDialogs } from '../sharing/notebook-dialogs.js';
import { notebookSaver } from '../saving/notebook-saver.js';
import { CellList } from './cell-list.js';
import { withCode, withSqlSource } from './cell-edits.js';
import { editorSession } from './editor-session.js';
import { notebookRunner } from './notebook-runner.js';

export interface EditorServices {
  recipes: () => Promise<RecipeInfo[]>;
  toast: (message: string, kind?: 'error' | 'info') => void;
  /** Who is signed in: unsaved drafts are kept per user. */
  user?: SessionUser | null;
  /** Who is signed in and Sign out, for the toolbar. */
  account?: HTMLElement | null;
}

/**
 * The notebook editor: loads a saved notebook and wires its parts together: the cells on the page
 * (cell-list.ts), selection, modes and undo (editor-session.ts over the pure state.ts), running
 * (notebook-runner.ts), saving, merging and drafts (saving/notebook-saver.ts), and one action list
 * (editor-commands.ts) that the toolbar, palette and keymap all show.
 *
 * @example
 * const editor = await openNotebookEditor(document.getElementById('app')!, 'did-personalization-work', services);
 * editor.dispose();
 */
export async function openNotebookEditor(root: HTMLElement, id: string, services: EditorServices): Promise<{ dispose: () => void }> {
  const saved = await api<SavedNotebook>('GET', `/api/notebooks/${encodeURIComponent(id)}`);
  const recipes = await services.recipes().catch(() => [] as RecipeInfo[]);
  const userName = services.user?.name ?? '';
  let datasets: DatasetInfo[] = [];
  const names = notebookNamesSync();
  const cellBlocks = () => session.doc.blocks.filter((b): b is CellBlock => b.kind === 'cell');
  const selectedCell = () => cellBlocks().find((b) => b.id === session.state.selected);

  const actions = editorActions({
    runCell: () => selectedCell() && runner.runCell(session.state.selected!), runAndAdvance: () => runAndAdvance(), runAll: () => runner.runAll(),
    stopAll: () => runner.kernel.stop(), restart: () => runner.kernel.restart([]), toggleLazy: () => runner.toggleLazy(), lazy: () => runner.lazy(),
    save: () => void saver.save(), addCell: (kind) => addCell(kind, session.afterSelection()),
    insertCell: (side) => session.insertCodeCell(side), editSelected: () => session.editSelected(), commandMode: () => session.commandMode(),
    selectNext: (delta) => session.change(S.selectNext(session.state, delta)), moveSelected: (delta) => session.state.selected && session.move(session.state.selected, delta),
    toggleCollapse: () => selectedCell() && session.toggleCollapse(session.state.selected!), deleteSelected: () => session.state.selected && session.remove(session.state.selected),
    changeKind: (to) => session.changeKind(to), copySelected: () => session.copy(), cutSelected: () => session.cut(), paste: (side) => session.paste(side),
    canPaste: () => session.state.clipboard !== null,
    undo: () => session.stepHistory(S.undo, 'Undone'), redo: () => session.stepHistory(S.redo, 'Redone'), canUndo: () => session.state.undo.length > 0, canRedo: () => session.state.redo.length > 0,
    hasSelection: () => session.state.selected !== null, cellSelected: () => selectedCell() !== undefined,
    exportMarkdown, exportHtml, toggleDatasets: () => root.classList.toggle('hide-datasets'),
    share: () => dialogs.share(), history: () => dialogs.history(), saveCopy: () => void saveCopy(), deleteNotebook: () => void deleteNotebook(), isOwner: () => saver.role() === 'owner',
    palette, showKeys: () => openKeyHelp(actions),
  });
  const keys = keyboardHandler(actions);
  const list: CellList = new CellList({
    addCell, onProse: (proseId, markdown) => session.edit((doc) => setProse(doc, proseId, markdown), true), onMove: (blockId, delta) => session.move(blockId, delta), onDelete: (blockId) => session.remove(blockId),
    context: {
      remote: (summary) => runner.remote(summary),
      onDependencies: (cellId, anchor) => void openDependencyPopover(anchor, cellId, dependencies),
      formContext: () => ({
        recipes,
        takenNames: list.definedNames(),
        tables: [...list.tableNames(), ...datasets.map((d) => `await load(${JSON.stringify(d.name)})`)],
        columnsOf: (expression: string) => list.columnsOf(expression) ?? datasetColumns(expression),
      }),
      onCodeChange: (cellId, code) => {
        const recipe = cellBlocks().find((b) => b.id === cellId)?.attrs.recipe;
        session.edit((doc) => withCode(doc, cellId, code));
        list.typed(cellId, code);
        const block = cellBlocks().find((b) => b.id === cellId);
        if (block && block.attrs.recipe !== recipe) list.views.get(cellId)?.setBlock(block);
      },
      onRun: (cellId) => runner.runCell(cellId),
      onRunAdvance: (cellId) => runAndAdvance(cellId),
      onInput: (cellId, key, raw) => runner.kernel.setInput(cellId, key, raw),
      onStop: (cellId) => runner.kernel.stop(cellId),
      onSave: () => void saver.save(),
      onPalette: () => palette(),
      onMove: (cellId, delta) => session.move(cellId, delta),
      onDelete: (cellId) => session.remove(cellId),
      onToggleCollapse: (cellId) => session.toggleCollapse(cellId),
      // Selection and mode follow focus (see the session's onFocusIn), so a focused editor needs nothing more.
      onFocus: () => {},
      onSource: (cellId, source) => session.edit((doc) => withSqlSource(doc, cellId, source), true),
    },
  });
  const states = list.states;
  // Which cells feed which, from the runtime's names per cell (its graph), in notebook order.
  const dependencies = notebookDependencyHooks(list.el, () => cellBlocks().map((b) => ({ id: b.id, defines: states.get(b.id)?.defines, references: states.get(b.id)?.references })));
  const notebookEl = h('main', { class: 'notebook' }, list.el);
  const session = editorSession(parseNotebook(saved.source), {
    list, notebookEl, toast: services.toast, onEdited: () => saver.edited(),
    onRedraw: () => {
      render();
      runner.sync();
    },
  });
  const toolbar = editorToolbar(notebookTitle(session.doc, saved.title), {
    onTitle: (title) => session.edit((doc) => setTitle(doc, title)),
    actions,
    account: services.account,
  });
  const statusBar = h('footer', { class: 'statusbar' });
  const runner = notebookRunner({ list, doc: () => session.doc, statusBar, names, setRunning: (on) => toolbar.setRunning(on), setLazy: (on) => toolbar.setLazy(on) });
  const saver = notebookSaver(saved, {
    id, user: userName, text: () => serializeNotebook(session.doc), show: showDocument, toast: services.toast,
    setDirty: (on) => toolbar.setDirty(on), setRole: (role) => toolbar.setRole(role), offerCopy: () => toolbar.offerCopy(),
  });
  const datasetsUi = datasetsPanel({
    insertLoadCell: (name) => addCell('code', session.afterSelection(), `const ${name.replace(/\W/g, '_')} = await load(${JSON.stringify(name)})`),
    onList: (found) => {
      datasets = found;
      list.renderForms();
    },
    toast: services.toast,
  });
  // Sources sit under the datasets: both are what SQL cells query.
  datasetsUi.el.append(sourcesPanel({ admin: services.user?.role === 'admin', toast: services.toast, onChange: () => render() }).el);
  root.replaceChildren(h('div', { class: 'editor-layout', 'data-notebook': id }, toolbar.el, h('div', { class: 'editor-body' }, notebookEl, datasetsUi.el), statusBar));
  const dialogs = notebookDialogs({ notebookId: id, me: userName, role: () => saver.role(), dirty: () => saver.dirty(), onRestored: (nb) => showDocument(nb.source, nb.source, nb.version), toast: services.toast });
  toolbar.setRole(saver.role());
  saver.offerDraft(notebookEl);

  function datasetColumns(expression: string): string[] {
    const dataset = /load\((["'])(.+?)\1/.exec(expression)?.[2];
    const info = datasets.find((d) => d.name === dataset);
    return Array.isArray(info?.columns) ? info.columns.map((c) => (typeof c === 'string' ? c : c.name)) : [];
  }

  function render(): void {
    list.render(session.doc, runner.paramsBar());
    session.showSelection();
    runner.updateStatus();
  }

  /** Shift-Enter: run the selected cell (a Markdown block just renders) and select the next block. */
  function runAndAdvance(from = session.state.selected): void {
    if (from === null) return;
    if (list.views.has(from)) runner.runCell(from);
    session.change(S.selectNext(S.select(session.state, from), 1));
    list.focusBlock(session.state.selected);
  }

  function addCell(kind: NewCellKind, at: Position, code = ''): void {
    if (kind === 'markdown') {
      // Open the new block for writing straight away.
      if (session.structural((state) => S.insertBlock(state, { kind: 'prose', text: S.NEW_PROSE }, at))) session.editSelected();
      return;
    }
    const cellId = newCellId(session.doc);
    const recipe = recipes[0]?.id ?? 'lift';
    if (kind === 'recipe') {
      code = recipeCode({ name: resultName(recipe, list.definedNames()), recipe, inputs: {}, params: {} });
      list.holdBack(cellId);
    }
    if (kind === 'sql') code ||= 'SELECT *\nFROM "shop/units"\nLIMIT 100';
    if (!session.structural((state) => S.insertBlock(state, { kind: 'cell', id: cellId, lang: kind === 'sql' ? 'sql' : 'ts', code, attrs: kind === 'recipe' ? { recipe } : {} }, at))) return;
    if (kind === 'recipe') list.views.get(cellId)?.setEdited(true);
    session.editSelected();
  }

  /**
   * Replaces the document in place (after a merge, a restore, a draft): cells keep their views and
   * outputs, changed code goes into their editors, and the kernel gets the new text to run.
   */
  function showDocument(source: string, base: string, at: number): void {
    const before = cellBlocks();
    session.change(S.replaceDocument(session.state, parseNotebook(source)), false);
    list.replaced(before, session.doc);
    render();
    runner.sync();
    toolbar.setTitle(notebookTitle(session.doc, saved.title));
    saver.rebased(base, at);
  }

  async function saveCopy(): Promise<void> {
    const doc = session.doc;
    const title = `${notebookTitle(doc, saved.title)} (copy)`;
    await saver.saveCopy(title);
  }

  async function deleteNotebook(): Promise<void> {
    const doc = session.doc;
    const title = notebookTitle(doc, saved.title);
    if (!(await confirmDialog(`Delete "${title}"?`, 'It moves to the trash with its history; restore it from the start page.', 'Delete', true))) return;
    try {
      await api('DELETE', `/api/notebooks/${encodeURIComponent(id)}`);
      services.toast(`"${title}" moved to the trash.`);
      location.hash = '#/';
    } catch (error) {
      services.toast(`Not deleted: ${(error as Error).message}`, 'error');
    }
  }

  function exportMarkdown(): void {
    const doc = session.doc;
    download(`${fileStem(notebookTitle(doc, saved.title))}.lb.md`, serializeNotebook(doc), 'text/markdown');
  }

  function exportHtml(): void {
    const doc = session.doc;
    void htmlReport(doc, notebookTitle(doc, saved.title), states, runner.params()).then((html) => download(`${fileStem(notebookTitle(doc, saved.title))}.html`, html, 'text/html'));
  }

  function palette(): void {
    keys.reset();
    openPalette(paletteCommands(actions));
  }

  window.addEventListener('keydown', keys.onKey);
  root.addEventListener('focusin', session.onFocusIn);

  render();
  // Params are known before any cell runs: the editor types them from their declarations.
  names.update(states, session.doc.frontMatter?.params ?? {});
  runner.sync();
  return {
    dispose() {
      saver.dispose();
      window.removeEventListener('keydown', keys.onKey);
      root.removeEventListener('focusin', session.onFocusIn);
      runner.kernel.dispose();
      list.dispose();
      names.dispose();
    },
  };
}
