import { cellSources, parseNotebook, serializeNotebook } from '../../notebook/format.js';
import { resolveParams } from '../../notebook/params.js';
import { deleteCell, insertCell, insertProse, moveCell, newCellId, setCellAttrs, setProse, setTitle, updateCellCode } from '../../notebook/edit.js';
import type { FromWorker } from '../../notebook/protocol.js';
import type { CellBlock, NotebookDoc } from '../../notebook/types.js';
import { api, ApiError, type DatasetInfo, type NotebookDoc as SavedNotebook, type RecipeInfo } from './api.js';
import { h } from './dom.js';
import { mergeStatus, type CellUiState } from './cell-status.js';
import { CodeCellView } from './code-cell.js';
import { openPalette } from './command-palette.js';
import { editorCommands } from './editor-commands.js';
import { datasetsPanel } from './datasets-panel.js';
import { download, fileStem } from './download.js';
import { editorToolbar } from './editor-toolbar.js';
import { loadDataset, runRecipe } from './host-calls.js';
import { htmlReport } from './html-report.js';
import { insertBar, type NewCellKind } from './insert-bar.js';
import { Kernel } from './kernel.js';
import { markdownCell } from './markdown-cell.js';
import { notebookNamesSync } from './notebook-names.js';
import type { RemoteTables } from './output-view.js';
import { paramsBar } from './params-bar.js';
import { titleOf } from './notebook-title.js';
import { parseRecipeCode, recipeCode } from './recipe-code.js';

const NEW_PROSE = '_New text: double-click to edit._';

export interface EditorServices {
  recipes: () => Promise<RecipeInfo[]>;
  toast: (message: string, kind?: 'error' | 'info') => void;
}

/**
 * The notebook editor: loads a saved notebook, draws its prose and cells, runs cells reactively in
 * the sandbox worker, and saves with optimistic concurrency (If-Match on the version).
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
  let lazy = localStorage.getItem('liftbook.lazy') === 'true';
  let datasets: DatasetInfo[] = [];
  let focused: string | null = null;
  const views = new Map<string, CodeCellView>();
  const states = new Map<string, CellUiState>();
  const submitted = new Map<string, string>();
  const names = notebookNamesSync();
  const paramOverrides: Record<string, unknown> = {};

  const cellsEl = h('div', { class: 'cells' });
  const toolbar = editorToolbar(titleOf(doc, saved.title), {
    onTitle: (title) => edit(() => setTitle(doc, title)),
    runAll, stopAll: () => kernel.stop(), toggleLazy, save, exportMarkdown, exportHtml,
    toggleDatasets: () => root.classList.toggle('hide-datasets'),
    palette,
  });
  const datasetsUi = datasetsPanel({
    insertLoadCell: (name) => addCell('code', anchorAfterFocus(), `const ${name.replace(/\W/g, '_')} = await load(${JSON.stringify(name)})`),
    onList: (list) => {
      datasets = list;
      for (const view of views.values()) view.renderForm();
    },
    toast: services.toast,
  });
  const statusBar = h('footer', { class: 'statusbar' });
  root.replaceChildren(h('div', { class: 'editor-layout' }, toolbar.el, h('div', { class: 'editor-body' }, h('main', { class: 'notebook' }, cellsEl), datasetsUi.el), statusBar));
  toolbar.setLazy(lazy);

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
      return Promise.reject(new Error(`Unknown host function ${fn}`));
    },
  });

  function receive(message: FromWorker): void {
    if (message.type === 'cell-status') {
      const state = mergeStatus(states.get(message.id), message);
      states.set(message.id, state);
      views.get(message.id)?.setState(state);
      if (message.status === 'done' || message.status === 'error') {
        names.update(states);
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
    statusBar.textContent = [`${doc.blocks.filter((b) => b.kind === 'cell').length} cells`, running ? `${running} running` : 'idle',
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

  function edit(change: () => NotebookDoc, structural = false): void {
    try {
      doc = change();
    } catch (error) {
      services.toast((error as Error).message, 'error');
      return;
    }
    toolbar.setDirty(serializeNotebook(doc) !== savedSource);
    if (structural) {
      render();
      kernel.setNotebook(kernelSources(), lazy, currentParams());
    }
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
        children.push(markdownCell(block.text, {
          onChange: (markdown) => edit(() => setProse(doc, proseId, markdown), true),
          onMove: (delta) => move(proseId, delta),
          onDelete: () => edit(() => deleteCell(doc, proseId), true),
        }));
      } else {
        seen.add(block.id);
        let view = views.get(block.id);
        if (!view) {
          view = new CodeCellView(block, cellContext);
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
        view.dispose();
        views.delete(cellId);
        states.delete(cellId);
        submitted.delete(cellId);
      }
    }
    cellsEl.replaceChildren(...children);
    updateStatusBar();
  }

  const cellContext = {
    remote,
    formContext: () => ({
      recipes,
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
    onStop: (cellId: string) => kernel.stop(cellId),
    onSave: () => void save(),
    onPalette: () => palette(),
    onMove: (cellId: string, delta: -1 | 1) => move(cellId, delta),
    onDelete: (cellId: string) => edit(() => deleteCell(doc, cellId), true),
    onToggleCollapse: (cellId: string) => {
      const block = cellBlocks().find((b) => b.id === cellId);
      if (!block) return;
      const { collapsed, ...rest } = block.attrs;
      edit(() => setCellAttrs(doc, cellId, collapsed ? rest : { ...rest, collapsed: true }));
      views.get(cellId)?.setBlock(cellBlocks().find((b) => b.id === cellId)!);
    },
    onFocus: (cellId: string) => {
      focused = cellId;
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
    const visible = doc.blocks.filter((b) => b.kind === 'cell' || b.text.trim());
    const index = visible.findIndex((b) => b.id === blockId);
    const target = visible[index + delta];
    if (!target) return;
    edit(() => moveCell(doc, blockId, delta < 0 ? { before: target.id } : { after: target.id }), true);
  }

  function anchorAfterFocus(): { after?: string } {
    return focused && views.has(focused) ? { after: focused } : {};
  }

  function addCell(kind: NewCellKind, at: { before?: string; after?: string }, code = ''): void {
    if (kind === 'markdown') {
      edit(() => insertProse(doc, NEW_PROSE, at), true);
      // Open the new block for writing straight away.
      const fresh = [...cellsEl.querySelectorAll<HTMLElement>('.markdown-body')].find((el) => el.textContent === 'New text: double-click to edit.');
      fresh?.dispatchEvent(new MouseEvent('dblclick'));
      return;
    }
    const cellId = newCellId(doc);
    if (kind === 'recipe') {
      const recipe = recipes[0]?.id ?? 'lift';
      code = recipeCode({ name: `${recipe.replace(/\W/g, '_')}_${cellId}`, recipe, inputs: {}, params: {} });
    }
    edit(() => insertCell(doc, { id: cellId, lang: 'ts', code, attrs: kind === 'recipe' ? { recipe: recipes[0]?.id ?? 'lift' } : {} }, at), true);
    views.get(cellId)?.focus();
  }

  function runCell(cellId: string): void {
    const block = cellBlocks().find((b) => b.id === cellId);
    if (!block) return;
    submitted.set(cellId, block.code);
    views.get(cellId)?.setEdited(false);
    kernel.setCell({ id: cellId, code: block.code, lang: block.lang });
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
    const source = serializeNotebook(doc);
    try {
      const result = await api<{ version: number }>('PUT', `/api/notebooks/${encodeURIComponent(id)}`, { source }, { 'if-match': `"${version}"` });
      version = result.version ?? version + 1;
      savedSource = source;
      toolbar.setDirty(false);
      services.toast('Saved.');
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        if (confirm('Someone else saved this notebook since you opened it. Overwrite their version with yours? (Cancel keeps theirs on the server; your text stays here.)')) {
          const latest = await api<SavedNotebook>('GET', `/api/notebooks/${encodeURIComponent(id)}`);
          version = latest.version;
          return save();
        }
      } else services.toast(`Not saved: ${(error as Error).message}`, 'error');
    }
  }

  function exportMarkdown(): void {
    download(`${fileStem(titleOf(doc, saved.title))}.lb.md`, serializeNotebook(doc), 'text/markdown');
  }

  function exportHtml(): void {
    download(`${fileStem(titleOf(doc, saved.title))}.html`, htmlReport(doc, titleOf(doc, saved.title), states), 'text/html');
  }

  function palette(): void {
    openPalette(editorCommands({
      runCell: () => focused && runCell(focused), runAll, stopAll: () => kernel.stop(), restart: () => kernel.restart([]),
      toggleLazy, lazy, save: () => void save(), addCell: (kind) => addCell(kind, anchorAfterFocus()),
      toggleCollapse: () => focused && cellContext.onToggleCollapse(focused), deleteCell: () => focused && cellContext.onDelete(focused),
      exportMarkdown, exportHtml, toggleDatasets: () => root.classList.toggle('hide-datasets'),
    }));
  }

  const onKey = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    } else if ((mod && e.key.toLowerCase() === 'k') || (e.ctrlKey && e.shiftKey && e.key.toLowerCase() === 'p')) {
      e.preventDefault();
      palette();
    }
  };
  const onUnload = (e: BeforeUnloadEvent) => {
    if (serializeNotebook(doc) !== savedSource) e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  window.addEventListener('beforeunload', onUnload);

  render();
  kernel.setNotebook(kernelSources(), lazy, currentParams());
  return {
    dispose() {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onUnload);
      kernel.dispose();
      for (const view of views.values()) view.dispose();
      names.dispose();
    },
  };
}
