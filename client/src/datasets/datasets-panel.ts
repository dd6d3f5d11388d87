import './datasets-panel.css';
import { api, datasetPath, listOf, type DatasetInfo, type DatasetPreview } from '../shell/api.js';
import { h } from '../shell/dom.js';
import { openModal } from '../shell/modal.js';
import { progressBar } from '../shell/progress-bar.js';
import { tableViewer } from '../outputs/table-viewer.js';
import { localSource } from '../outputs/table-source.js';
import { datasetNameFor, uploadDataset } from './upload.js';

export interface DatasetsHooks {
  /** Inserts a `load("name")` cell into the open notebook. */
  insertLoadCell: (name: string) => void;
  /** The dataset list changed (recipe forms offer datasets as inputs). */
  onList: (datasets: DatasetInfo[]) => void;
  toast: (message: string, kind?: 'error' | 'info') => void;
}

/**
 * The datasets side panel: upload (with progress), list, preview in the table viewer (a dialog),
 * delete, and "use in a cell".
 *
 * @example
 * document.body.append(datasetsPanel(hooks).el);
 */
export function datasetsPanel(hooks: DatasetsHooks): { el: HTMLElement; refresh: () => Promise<void> } {
  const list = h('ul', { class: 'dataset-list' });
  const bar = progressBar();
  const nameInput = h('input', { type: 'text', class: 'dataset-name', placeholder: 'name', 'aria-label': 'Dataset name' });
  const fileInput = h('input', { type: 'file', class: 'dataset-file', accept: '.csv,.tsv,.txt,.json,.parquet,.arrow,.gz', 'aria-label': 'Dataset file', onchange: () => {
    const file = fileInput.files?.[0];
    if (file && !nameInput.value) nameInput.value = datasetNameFor(file.name);
  } });
  const uploadButton = h('button', { class: 'primary upload', onclick: () => void upload() }, 'Upload');

  async function upload(): Promise<void> {
    const file = fileInput.files?.[0];
    if (!file) return hooks.toast('Choose a CSV, TSV, JSON or Parquet file first.', 'error');
    const name = nameInput.value.trim() || datasetNameFor(file.name);
    uploadButton.disabled = true;
    bar.set(0, `Uploading ${file.name}`);
    try {
      await uploadDataset(file, name, (f) => bar.set(f < 1 ? f : NaN, f < 1 ? `Uploading ${file.name}` : 'Reading the file on the server…'));
      hooks.toast(`Dataset "${name}" uploaded.`);
      fileInput.value = '';
      nameInput.value = '';
      await refresh();
      await showPreview(name);
    } catch (error) {
      hooks.toast((error as Error).message, 'error');
    } finally {
      uploadButton.disabled = false;
      bar.set(null);
    }
  }

  /**
   * The first rows in a dialog over the page: the sidebar is too narrow for a table, and a preview
   * at its foot opened out of view.
   */
  async function showPreview(name: string): Promise<void> {
    const modal = openModal({ title: `Preview: ${name}`, class: 'dataset-preview-dialog' });
    const content = h('div', { class: 'dataset-preview' }, h('p', { class: 'muted' }, `Loading ${name}…`));
    modal.body.append(content);
    modal.actions.append(
      h('button', { class: 'preview-insert', title: 'Insert a cell that loads this dataset', onclick: () => { modal.close(); hooks.insertLoadCell(name); } }, 'Use in cell'),
      h('button', { class: 'primary preview-close', onclick: () => modal.close() }, 'Close'));
    try {
      const body = await api<DatasetPreview & { total?: number; numRows?: number; rows: Record<string, unknown>[]; columns: ({ name: string } | string)[] }>('GET', `${datasetPath(name)}/preview`);
      const names = (body.columns ?? []).map((c) => (typeof c === 'string' ? c : c.name));
      const total = body.total ?? body.numRows ?? body.rows.length;
      content.replaceChildren(
        h('p', { class: 'preview-head muted' }, `The first ${body.rows.length.toLocaleString()} of ${Number(total).toLocaleString()} rows.`),
        tableViewer(localSource(body.rows, names.length ? names : undefined), name));
    } catch (error) {
      content.replaceChildren();
      modal.error((error as Error).message);
    }
  }

  async function refresh(): Promise<void> {
    try {
      const datasets = listOf<DatasetInfo>(await api('GET', '/api/datasets'), 'datasets');
      hooks.onList(datasets);
      list.replaceChildren(...datasets.map((d) => h('li', { class: 'dataset', 'data-dataset': d.name },
        h('div', { class: 'dataset-title' }, h('code', {}, d.name), d.bundled ? h('span', { class: 'tag' }, 'sample') : null),
        h('div', { class: 'dataset-meta muted' }, [d.rows !== undefined ? `${Number(d.rows).toLocaleString()} rows` : '', Array.isArray(d.columns) ? `${d.columns.length} columns` : '', typeof d.title === 'string' ? d.title : ''].filter(Boolean).join(' · ')),
        h('div', { class: 'dataset-actions' },
          h('button', { class: 'link preview', onclick: () => void showPreview(d.name) }, 'Preview'),
          h('button', { class: 'link insert', onclick: () => hooks.insertLoadCell(d.name) }, 'Use in cell'),
          d.bundled ? null : h('button', { class: 'link danger', onclick: () => void remove(d.name) }, 'Delete')))));
      if (!datasets.length) list.replaceChildren(h('li', { class: 'muted' }, 'No datasets yet: upload one.'));
    } catch (error) {
      list.replaceChildren(h('li', { class: 'output-error' }, (error as Error).message));
    }
  }

  async function remove(name: string): Promise<void> {
    if (!confirm(`Delete dataset "${name}"?`)) return;
    try {
      await api('DELETE', datasetPath(name));
      await refresh();
    } catch (error) {
      hooks.toast((error as Error).message, 'error');
    }
  }

  const el = h('aside', { class: 'datasets-panel' },
    h('h3', {}, 'Datasets'),
    h('div', { class: 'upload-form' }, fileInput, h('div', { class: 'row' }, nameInput, uploadButton), bar.el),
    list);
  void refresh();
  return { el, refresh };
}
