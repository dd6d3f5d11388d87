import { cellSource, cellSources, parseNotebook, serializeNotebook } from '../../../notebook/format.js';
import { resolveParams } from '../../../notebook/params.js';
import { newCellId, setCellAttrs, setProse, setTitle, updateCellCode } from '../../../notebook/edit.js';
import type { InputRaw } from '../../../notebook/input-spec.js';
import type { FromWorker, SqlRequest } from '../../../notebook/protocol.js';
import type { CellBlock, NotebookDoc } from '../../../notebook/types.js';
import { api, ApiError, type DatasetInfo, type NotebookDoc as SavedNotebook, type NotebookRole, type RecipeInfo, type SessionUser } from '../shell/api.js';
import { h } from '../shell/dom.js';
import { formatMs, mergeStatus, type CellUiState } from '../cells/cell-status.js';
import { CodeCellView } from '../cells/code-cell.js';
import { openPalette } from './command-palette.js';
import { conflictSafeSave, withTypedEdits } from '../saving/conflict-safe-save.js';
import { draftBanner } from '../saving/draft-banner.js';
import { editorActions, paletteCommands } from './editor-commands.js';
import { openKeyHelp } from './key-help.js';
import { CELL_EDITOR, keyboardHandler } from './keyboard.js';
import * as S from './state.js';
import './selection.css';
import { datasetsPanel } from '../datasets/datasets-panel.js';
import { notebookDependencyHooks, openDependencyPopover } from '../cells/dependency-view.js';
import { sourcesPanel } from '../datasets/sources-panel.js';
import { runSqlRequest } from '../sandbox/sql-host.js';
import { download, fileStem } from '../shell/download.js';
import { editorToolbar } from './editor-toolbar.js';
import { loadDataset, runRecipe } from '../sandbox/host-calls.js';
import { openHistoryDialog } from '../sharing/history-dialog.js';
import { htmlReport } from '../outputs/html-report.js';
import { notebookTitle } from '../../../notebook/title.js';
import { insertBar, type NewCellKind } from './insert-bar.js';
import { Kernel } from '../sandbox/kernel.js';
import { markdownCell } from '../cells/markdown-cell.js';
import { confirmDialog } from '../shell/modal.js';
import { notebookNamesSync } from './notebook-names.js';
import type { RemoteTables } from '../outputs/output-view.js';
import { paramsBar } from './params-bar.js';
import { parseRecipeCode, recipeCode, resultName } from '../cells/recipe-code.js';
import { openShareDialog } from '../sharing/share-dialog.js';
import { keepDraft, readDraft } from '../saving/unsaved-drafts.js';

const NEW_PROSE = '_New text: double-click to edit._';

export interface EditorServices {
  recipes: () => Promise<RecipeInfo[]>;
  toast: (message: string, kind?: 'error' | 'info') => void;
  /** Who is signed in: unsaved drafts are kept per user. */
  user?: SessionUser | null;
  /** Who is signed in and Sign out, for the toolbar. */
  account?: HTMLElement | null;
}

const VIEWER_SAVE = 'You are a viewer of this notebook: you can edit and run cells here, but not save. "Save a copy" keeps your edits as a notebook of your own.';

/**
 * The notebook editor: loads a saved notebook, draws its prose and cells, runs cells reactively in
 * the sandbox worker, and saves with optimistic concurrency (If-Match on the version), merging cell
 * by cell when someone saved meanwhile. Viewers read and run; unsaved text is kept in the tab.
 *
 * @example
 * const editor = await openNotebookEditor(document.getElementById('app')!, 'did-personalization-work', services);
 * editor.dispose();
 */
export async function openNotebookEditor(root: HTMLElement, id: string, services: EditorServices): Promise<{ dispose: () => void }> {
  const saved = await api<SavedNotebook>('GET', `/api/notebooks/${encodeURIComponent(id)}`);
  const recipes = await services.recipes().catch(() => [] as RecipeInfo[]);
  let doc: NotebookDoc = parseNotebook(saved.source);
  let savedSource = saved.source;
  let version = saved.version;
  let role: NotebookRole = saved.role ?? 'owner';
  let saving = false;
  // Set while an unsaved draft from before waits for the user's answer: new typing must not overwrite it.
  let draftPending = false;
  let leaving = false;
  const userName = services.user?.name ?? '';
  let lazy = localStorage.getItem('liftbook.lazy') === 'true';
  let datasets: DatasetInfo[] = [];
  // Selection, command/edit mode and the undo history: pure transitions in editor/state.ts.
  let ui: S.EditorState = S.initialState(doc);
  const views = new Map<string, CodeCellView>();
  const states = new Map<string, CellUiState>();
  const submitted = new Map<string, string>();
  // Runs of deleted cells, so that undoing a deletion brings the cell back with its outputs.
  const retired = new Map<string, { code: string; state?: CellUiState; submitted?: string }>();
  const names = notebookNamesSync();
  const paramOverrides: Record<string, unknown> = {};
  let busySince: number | null = null;
  let lastWall: number | null = null;

  const cellsEl = h('div', { class: 'cells' });
  const actions = editorActions({
    runCell: () => selectedCell() && runCell(ui.selected!), runAndAdvance: () => runAndAdvance(), runAll, stopAll: () => kernel.stop(), restart: () => kernel.restart([]),
    toggleLazy, lazy: () => lazy, save: () => void save(), addCell: (kind) => addCell(kind, anchorAfterSelection()),
    insertCell: (side) => insertCodeCell(side), editSelected, commandMode: () => setMode('command'),
    selectNext: (delta) => change(S.selectNext(ui, delta)), moveSelected: (delta) => ui.selected && move(ui.selected, delta),
    toggleCollapse: () => selectedCell() && cellContext.onToggleCollapse(ui.selected!), deleteSelected: () => ui.selected && remove(ui.selected),
    undo: () => stepHistory(S.undo, 'Undone'), redo: () => stepHistory(S.redo, 'Redone'), canUndo: () => ui.undo.length > 0, canRedo: () => ui.redo.length > 0,
    hasSelection: () => ui.selected !== null, cellSelected: () => selectedCell() !== undefined,
    exportMarkdown, exportHtml, toggleDatasets: () => root.classList.toggle('hide-datasets'),
    share: showShares, history: showHistory, saveCopy: () => void saveCopy(), deleteNotebook: () => void deleteNotebook(), isOwner: () => role === 'owner',
    palette, showKeys: () => openKeyHelp(actions),
  });
  const keys = keyboardHandler(actions);
  const toolbar = editorToolbar(notebookTitle(doc, saved.title), {
    onTitle: (title) => edit(() => setTitle(doc, title)),
    actions,
    account: services.account,
  });
  const datasetsUi = datasetsPanel({
    insertLoadCell: (name) => addCell('code', anchorAfterSelection(), `const ${name.replace(/\W/g, '_')} = await load(${JSON.stringify(name)})`),
    onList: (list) => {
      datasets = list;
      for (const view of views.values()) view.renderForm();
    },
    toast: services.toast,
  });
  // Sources sit under the datasets: both are what SQL cells query.
  datasetsUi.el.append(sourcesPanel({ admin: services.user?.role === 'admin', toast: services.toast, onChange: () => render() }).el);
  const statusBar = h('footer', { class: 'statusbar' });
  const notebookEl = h('main', { class: 'notebook' }, cellsEl);
  root.replaceChildren(h('div', { class: 'editor-layout', 'data-notebook': id }, toolbar.el, h('div', { class: 'editor-body' }, notebookEl, datasetsUi.el), statusBar));
  toolbar.setLazy(lazy);
  toolbar.setRole(role);
  offerDraft();

  const remote: RemoteTables = (summary) => ({
    numRows: summary.numRows,
    columns: summary.columns.map((name, i) => ({ name, type: summary.types[i] ?? '', missing: 0 })),
    page: (query) => kernel.tablePage(summary.handle!, query),
    summarize: () => kernel.tableColumns(summary.handle!),
  });

  const kernel = new Kernel({
    onMessage: receive,
    onRestart: () => updateStatusBar(),
    hostCall: (fn, args, cellId, signal) => {
      const progress = (fraction: number | null, label?: string) => views.get(cellId)?.setProgress(fraction, label);
      if (fn === 'load') return loadDataset(String(args[0]), args[1] as Record<string, unknown> | undefined, progress, signal).finally(() => progress(null));
      if (fn === 'recipe') return runRecipe(args, progress, signal).finally(() => progress(null));
      if (fn === 'sql') {
        progress(NaN, 'Running the query');
        return runSqlRequest(args[0] as SqlRequest, signal).finally(() => progress(null));
      }
      return Promise.reject(new Error(`Unknown host function ${fn}`));
    },
  });

  function receive(message: FromWorker): void {
    if (message.type === 'cell-status') {
      const state = mergeStatus(states.get(message.id), message);
      states.set(message.id, state);
      views.get(message.id)?.setState(state);
      names.update(states, doc.frontMatter?.params ?? {});
      if (message.status === 'done' || message.status === 'error') {
        if (message.value?.kind === 'table') for (const view of views.values()) view.renderForm();
      }
    } else if (message.type === 'cell-display') {
      const state = states.get(message.id);
      if (!state || state.version !== message.version) return;
      const next = { ...state, displays: [...state.displays, message.value] };
      states.set(message.id, next);
      views.get(message.id)?.setState(next);
    }
    updateStatusBar();
  }

  function updateStatusBar(): void {
    const all = [...states.values()];
    const count = (s: string) => all.filter((x) => x.status === s).length;
    const running = count('running') + count('queued');
    toolbar.setRunning(running > 0);
    // Wall time from the first cell queued to the last one settled (cells overlap: their own times
    // do not add up to what the reader waited).
    if (running && busySince === null) busySince = Date.now();
    if (!running && busySince !== null) {
      lastWall = Date.now() - busySince;
      busySince = null;
    }
    statusBar.textContent = [`${doc.blocks.filter((b) => b.kind === 'cell').length} cells`, running ? `${running} running` : 'idle',
      !running && lastWall !== null ? `last run ${formatMs(lastWall)} wall time` : '',
      count('stale') ? `${count('stale')} stale` : '', count('error') ? `${count('error')} errors` : '', lazy ? 'lazy mode' : 'eager mode',
      `sandbox worker #${kernel.generation}`].filter(Boolean).join(' · ');
  }

  function cellBlocks(): CellBlock[] {
    return doc.blocks.filter((b): b is CellBlock => b.kind === 'cell');
  }

  /** The code the runtime should have: what was last run, or the text of never-run cells. */
  function kernelSources() {
    return cellSources(doc).map((c) => ({ ...c, code: submitted.get(c.id) ?? c.code }));
  }

  /** A text edit (typing, attributes): the document changes, the undo history stays. */
  function edit(update: () => NotebookDoc, redraw = false): void {
    apply((state) => S.editText(state, update()), redraw);
  }

  /**
   * Applies a transition of the editor state that changes the document; a redraw (structural
   * change) also tells the kernel. Refused edits (a vanished id) become a toast.
   */
  function apply(transition: (state: S.EditorState) => S.EditorState, redraw: boolean): boolean {
    let next: S.EditorState;
    try {
      next = transition(ui);
    } catch (error) {
      services.toast((error as Error).message, 'error');
      return false;
    }
    if (next === ui) return false;
    change(next, false);
    toolbar.setDirty(serializeNotebook(doc) !== savedSource);
    persistDraft();
    if (redraw) {
      render();
      kernel.setNotebook(kernelSources(), lazy, currentParams());
    }
    return true;
  }

  /** Takes a new editor state; in command mode the selected block gets the keyboard. */
  function change(next: S.EditorState, focus = true): void {
    const moved = next.selected !== ui.selected || next.mode !== ui.mode;
    ui = next;
    doc = next.doc;
    showSelection();
    if (focus && moved && ui.mode === 'command') focusSelected();
  }

  /** A structural change (insert, delete, move, undo): redrawn, and the selection gets the keyboard. */
  function structural(transition: (state: S.EditorState) => S.EditorState): boolean {
    const done = apply(transition, true);
    if (done && ui.mode === 'command') focusSelected();
    return done;
  }

  function blockEl(id: string | null): HTMLElement | null {
    return id === null ? null : cellsEl.querySelector<HTMLElement>(`[data-block="${CSS.escape(id)}"]`);
  }

  function showSelection(): void {
    for (const el of cellsEl.querySelectorAll<HTMLElement>('[data-block]')) el.classList.toggle('selected', el.dataset.block === ui.selected);
    notebookEl.classList.toggle('edit-mode', ui.mode === 'edit');
    notebookEl.classList.toggle('command-mode', ui.mode === 'command');
  }

  /** Command mode: the selected block's frame has the focus (out of any editor), scrolled into view. */
  function focusSelected(): void {
    const el = blockEl(ui.selected);
    if (!el) return;
    if (document.activeElement !== el) el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }

  function selectedCell(): CellBlock | undefined {
    return cellBlocks().find((b) => b.id === ui.selected);
  }

  function setMode(mode: S.Mode): void {
    if (mode === 'command') {
      change(S.enterCommand(ui), false);
      focusSelected();
    } else editSelected();
  }

  /** Enter: the selected cell's editor gets the cursor (a Markdown block opens for writing). */
  function editSelected(): void {
    const el = blockEl(ui.selected);
    if (!el || ui.selected === null) return;
    const view = views.get(ui.selected);
    if (view) view.focus();
    else el.querySelector('.markdown-body')?.dispatchEvent(new MouseEvent('dblclick'));
    change(S.enterEdit(ui), false);
  }

  /** Shift-Enter: run the selected cell (a Markdown block just renders) and select the next block. */
  function runAndAdvance(from = ui.selected): void {
    if (from === null) return;
    if (views.has(from)) runCell(from);
    change(S.selectNext(S.select(ui, from), 1));
    focusSelected();
  }

  function insertCodeCell(side: 'above' | 'below'): void {
    const at = S.besideSelection(ui, side);
    structural((state) => S.insertBlock(state, { kind: 'cell', id: newCellId(state.doc), lang: 'ts', code: '' }, at));
  }

  function remove(blockId: string): void {
    structural((state) => S.deleteBlock(state, blockId));
  }

  function stepHistory(step: (state: S.EditorState) => S.EditorState, verb: string): void {
    const label = (verb === 'Undone' ? ui.undo : ui.redo).at(-1)?.label;
    if (structural((state) => S.enterCommand(step(state))) && label) services.toast(`${verb}: ${label}.`);
  }

  function currentParams(): Record<string, unknown> {
    try {
      return { ...resolveParams(doc), ...paramOverrides };
    } catch {
      return paramOverrides;
    }
  }

  function render(): void {
    const seen = new Set<string>();
    const children: HTMLElement[] = [];
    const bar = paramsBar(doc.frontMatter?.params ?? {}, paramOverrides, (name, value) => {
      paramOverrides[name] = value;
      kernel.setParams({ [name]: value });
    });
    if (bar) children.push(bar);
    let previous: string | undefined;
    const barAt = (after: string | undefined) => insertBar((kind) => addCell(kind, after ? { after } : { before: doc.blocks[0]?.id }));
    children.push(barAt(undefined));
    for (const block of doc.blocks) {
      if (block.kind === 'prose') {
        if (!block.text.trim()) continue;
        const proseId = block.id;
        const el = markdownCell(block.text, {
          onChange: (markdown) => edit(() => setProse(doc, proseId, markdown), true),
          onMove: (delta) => move(proseId, delta),
          onDelete: () => remove(proseId),
        });
        // Selectable like a code cell: a click gives it the keyboard in command mode.
        el.dataset.block = proseId;
        el.tabIndex = -1;
        children.push(el);
      } else {
        seen.add(block.id);
        let view = views.get(block.id);
        if (!view) {
          restoreRetired(block);
          view = new CodeCellView(block, cellContext);
          view.el.dataset.block = block.id;
          views.set(block.id, view);
          const state = states.get(block.id);
          if (state) view.setState(state);
        } else view.setBlock(block);
        view.setEdited(submitted.has(block.id) && submitted.get(block.id) !== block.code);
        children.push(view.el);
      }
      previous = block.id;
      children.push(barAt(previous));
    }
    for (const [cellId, view] of views) {
      if (!seen.has(cellId)) {
        retired.set(cellId, { code: view.code(), state: states.get(cellId), submitted: submitted.get(cellId) });
        view.dispose();
        views.delete(cellId);
        states.delete(cellId);
        submitted.delete(cellId);
      }
    }
    cellsEl.replaceChildren(...children);
    showSelection();
    updateStatusBar();
  }

  /** A deleted cell back (undo) with the same code shows its last run until it runs again. */
  function restoreRetired(block: CellBlock): void {
    const old = retired.get(block.id);
    if (!old) return;
    retired.delete(block.id);
    if (old.code !== block.code) return;
    if (old.state) states.set(block.id, old.state);
    if (old.submitted !== undefined) submitted.set(block.id, old.submitted);
  }

  // Which cells feed which, from the runtime's names per cell (its graph), in notebook order.
  const dependencies = notebookDependencyHooks(cellsEl, () => cellBlocks().map((b) => ({ id: b.id, defines: states.get(b.id)?.defines, references: states.get(b.id)?.references })));

  const cellContext = {
    remote,
    onDependencies: (cellId: string, anchor: HTMLElement) => void openDependencyPopover(anchor, cellId, dependencies),
    formContext: () => ({
      recipes,
      takenNames: [...states.values()].flatMap((s) => s.defines),
      tables: [...tableNames(), ...datasets.map((d) => `await load(${JSON.stringify(d.name)})`)],
      columnsOf: (expression: string) => columnsOf(expression),
    }),
    onCodeChange: (cellId: string, code: string) => {
      edit(() => updateCellCode(doc, cellId, code));
      const block = cellBlocks().find((b) => b.id === cellId);
      const view = views.get(cellId);
      view?.setEdited(submitted.has(cellId) ? submitted.get(cellId) !== code : true);
      const call = block?.attrs.recipe ? parseRecipeCode(code) : null;
      if (block && call && call.recipe !== block.attrs.recipe) {
        edit(() => setCellAttrs(doc, cellId, { ...block.attrs, recipe: call.recipe }));
        view?.setBlock(cellBlocks().find((b) => b.id === cellId)!);
      }
    },
    onRun: (cellId: string) => runCell(cellId),
    onRunAdvance: (cellId: string) => runAndAdvance(cellId),
    onInput: (cellId: string, key: string, raw: InputRaw) => kernel.setInput(cellId, key, raw),
    onStop: (cellId: string) => kernel.stop(cellId),
    onSave: () => void save(),
    onPalette: () => palette(),
    onMove: (cellId: string, delta: -1 | 1) => move(cellId, delta),
    onDelete: (cellId: string) => remove(cellId),
    onToggleCollapse: (cellId: string) => {
      const block = cellBlocks().find((b) => b.id === cellId);
      if (!block) return;
      const { collapsed, ...rest } = block.attrs;
      edit(() => setCellAttrs(doc, cellId, collapsed ? rest : { ...rest, collapsed: true }));
      views.get(cellId)?.setBlock(cellBlocks().find((b) => b.id === cellId)!);
    },
    // Selection and mode follow focus (see onFocusIn), so a focused editor needs nothing more.
    onFocus: () => {},
    onSource: (cellId: string, source: string) => {
      const block = cellBlocks().find((b) => b.id === cellId);
      if (!block) return;
      const { source: _old, ...rest } = block.attrs;
      // `local` is the default: the file says nothing rather than source=local.
      edit(() => setCellAttrs(doc, cellId, source === 'local' ? rest : { ...rest, source }), true);
    },
  };

  function tableNames(): string[] {
    return [...states.values()].filter((s) => s.value?.kind === 'table' && s.defines.length === 1).map((s) => s.defines[0]!);
  }

  function columnsOf(expression: string): string[] {
    const state = [...states.values()].find((s) => s.defines.length === 1 && s.defines[0] === expression.trim());
    if (state?.value?.kind === 'table') return state.value.columns;
    const dataset = /load\((["'])(.+?)\1/.exec(expression)?.[2];
    const info = datasets.find((d) => d.name === dataset);
    return Array.isArray(info?.columns) ? info.columns.map((c) => (typeof c === 'string' ? c : c.name)) : [];
  }

  function move(blockId: string, delta: -1 | 1): void {
    structural((state) => S.moveBlock(state, blockId, delta));
  }

  function anchorAfterSelection(): { after?: string } {
    return ui.selected !== null ? { after: ui.selected } : {};
  }

  function addCell(kind: NewCellKind, at: { before?: string; after?: string }, code = ''): void {
    if (kind === 'markdown') {
      // Open the new block for writing straight away.
      if (structural((state) => S.insertBlock(state, { kind: 'prose', text: NEW_PROSE }, at))) editSelected();
      return;
    }
    const cellId = newCellId(doc);
    const recipe = recipes[0]?.id ?? 'lift';
    if (kind === 'recipe') {
      code = recipeCode({ name: resultName(recipe, [...states.values()].flatMap((s) => s.defines)), recipe, inputs: {}, params: {} });
      // A new recipe cell has no inputs yet: it waits for "Run recipe" instead of failing at once.
      submitted.set(cellId, '');
    }
    if (kind === 'sql') code ||= 'SELECT *\nFROM "shop/units"\nLIMIT 100';
    if (!structural((state) => S.insertBlock(state, { kind: 'cell', id: cellId, lang: kind === 'sql' ? 'sql' : 'ts', code, attrs: kind === 'recipe' ? { recipe } : {} }, at))) return;
    if (kind === 'recipe') views.get(cellId)?.setEdited(true);
    editSelected();
  }

  function runCell(cellId: string): void {
    const block = cellBlocks().find((b) => b.id === cellId);
    if (!block) return;
    submitted.set(cellId, block.code);
    views.get(cellId)?.setEdited(false);
    kernel.setCell(cellSource(block));
  }

  function runAll(): void {
    for (const block of cellBlocks()) {
      submitted.set(block.id, block.code);
      views.get(block.id)?.setEdited(false);
    }
    kernel.setNotebook(kernelSources(), lazy, currentParams());
    kernel.runAll();
  }

  function toggleLazy(): void {
    lazy = !lazy;
    localStorage.setItem('liftbook.lazy', String(lazy));
    toolbar.setLazy(lazy);
    kernel.setNotebook(kernelSources(), lazy, currentParams());
    updateStatusBar();
  }

  async function save(): Promise<void> {
    if (role === 'viewer' && !(await roleAllowsSave())) {
      services.toast(VIEWER_SAVE, 'error');
      return;
    }
    if (saving) return;
    const typed = serializeNotebook(doc);
    if (typed === savedSource) {
      services.toast('No unsaved changes.');
      return;
    }
    saving = true;
    try {
      const outcome = await conflictSafeSave({ id, base: savedSource, mine: typed, version });
      if (!outcome) {
        services.toast('Not saved: your text is still here, unsaved. Save again to merge.');
        return;
      }
      version = outcome.version;
      savedSource = outcome.source;
      if (outcome.merged) {
        showDocument(withTypedEdits(typed, serializeNotebook(doc), outcome.source), outcome.source, outcome.version);
        services.toast(`Merged and saved as version ${outcome.version}.`);
      } else services.toast('Saved.');
      toolbar.setDirty(serializeNotebook(doc) !== savedSource);
      persistDraft();
    } catch (error) {
      // A 401 already took the page to sign-in; the draft in sessionStorage keeps the text.
      if (error instanceof ApiError && error.status === 401) return;
      if (error instanceof ApiError && error.status === 403) await roleAllowsSave();
      // Refused for good (no longer allowed, or gone): the text can still live on as a copy.
      const refused = error instanceof ApiError && (error.status === 403 || error.status === 404);
      if (refused) toolbar.offerCopy();
      services.toast(`Not saved: ${(error as Error).message}${refused ? ' "Save a copy" keeps your text as a notebook of your own.' : ''}`, 'error');
    } finally {
      saving = false;
    }
  }

  /** Asks the server for our role again (the owner may have made us an editor since the page opened). */
  async function roleAllowsSave(): Promise<boolean> {
    try {
      const latest = await api<SavedNotebook>('GET', `/api/notebooks/${encodeURIComponent(id)}`);
      role = latest.role ?? 'owner';
      toolbar.setRole(role);
    } catch {
      // Keep the role we knew; the save itself will say what is wrong.
    }
    return role !== 'viewer';
  }

  /**
   * Replaces the document in place (after a merge, a restore, a draft): cells keep their views and
   * outputs, changed code goes into their editors, and the kernel gets the new text to run.
   */
  function showDocument(source: string, base: string, at: number): void {
    const before = new Map(cellBlocks().map((b) => [b.id, b]));
    change(S.replaceDocument(ui, parseNotebook(source)), false);
    savedSource = base;
    version = at;
    for (const block of cellBlocks()) {
      const view = views.get(block.id);
      const old = before.get(block.id);
      if (view && old && old.lang !== block.lang) {
        // A cell's language is part of its Monaco model's name: a new view, not an edit.
        view.dispose();
        views.delete(block.id);
      } else if (view && view.code() !== block.code) view.setCode(block.code);
      // Code that came from elsewhere runs as it is now, not as this page last ran it.
      if (old?.code !== block.code) submitted.delete(block.id);
    }
    render();
    kernel.setNotebook(kernelSources(), lazy, currentParams());
    toolbar.setTitle(notebookTitle(doc, saved.title));
    toolbar.setDirty(serializeNotebook(doc) !== savedSource);
    persistDraft();
  }

  function persistDraft(): void {
    if (draftPending || leaving || !userName) return;
    const source = serializeNotebook(doc);
    keepDraft(userName, id, source === savedSource ? null : { source, base: savedSource, version, savedAt: new Date().toISOString() });
  }

  function offerDraft(): void {
    const draft = userName ? readDraft(userName, id) : null;
    if (!draft) return;
    if (draft.source === savedSource) return keepDraft(userName, id, null);
    draftPending = true;
    notebookEl.prepend(draftBanner(draft, version, {
      restore: () => {
        draftPending = false;
        // Based on the version it was typed on, so a save merges it with anything saved since.
        showDocument(draft.source, draft.base, draft.version);
      },
      discard: () => {
        draftPending = false;
        keepDraft(userName, id, null);
        persistDraft();
      },
    }));
  }

  function showShares(): void {
    void openShareDialog({ notebookId: id, isOwner: role === 'owner', me: userName, toast: services.toast });
  }

  function showHistory(): void {
    void openHistoryDialog({
      notebookId: id,
      canRestore: role !== 'viewer',
      beforeRestore: (v) => (serializeNotebook(doc) === savedSource ? Promise.resolve(true)
        : confirmDialog(`Restore version ${v}?`, `The editor has unsaved edits; restoring version ${v} replaces them. Cancel, then Save, to keep them as a version first.`, 'Restore')),
      onRestored: (notebook) => {
        showDocument(notebook.source, notebook.source, notebook.version);
        services.toast(`Restored: the notebook is now at version ${notebook.version}.`);
      },
    });
  }

  async function saveCopy(): Promise<void> {
    const title = `${notebookTitle(doc, saved.title)} (copy)`;
    try {
      const created = await api<{ id: string }>('POST', '/api/notebooks', { title, source: serializeNotebook(doc) });
      // The edits live on in the copy: nothing to offer back on the original.
      leaving = true;
      keepDraft(userName, id, null);
      services.toast(`Saved as "${title}", a notebook of your own.`);
      location.hash = `#/notebook/${encodeURIComponent(created.id)}`;
    } catch (error) {
      services.toast(`Not copied: ${(error as Error).message}`, 'error');
    }
  }

  async function deleteNotebook(): Promise<void> {
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
    download(`${fileStem(notebookTitle(doc, saved.title))}.lb.md`, serializeNotebook(doc), 'text/markdown');
  }

  function exportHtml(): void {
    void htmlReport(doc, notebookTitle(doc, saved.title), states).then((html) => download(`${fileStem(notebookTitle(doc, saved.title))}.html`, html, 'text/html'));
  }

  function palette(): void {
    keys.reset();
    openPalette(paletteCommands(actions));
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

  const onUnload = (e: BeforeUnloadEvent) => {
    if (serializeNotebook(doc) !== savedSource) {
      persistDraft();
      e.preventDefault();
    }
  };
  window.addEventListener('keydown', keys.onKey);
  window.addEventListener('beforeunload', onUnload);
  root.addEventListener('focusin', onFocusIn);

  render();
  // Params are known before any cell runs: the editor types them from their declarations.
  names.update(states, doc.frontMatter?.params ?? {});
  kernel.setNotebook(kernelSources(), lazy, currentParams());
  return {
    dispose() {
      persistDraft();
      window.removeEventListener('keydown', keys.onKey);
      window.removeEventListener('beforeunload', onUnload);
      root.removeEventListener('focusin', onFocusIn);
      kernel.dispose();
      for (const view of views.values()) view.dispose();
      names.dispose();
    },
  };
}
