import type { NotebookRole } from './api.js';
import { h } from './dom.js';

export interface ToolbarHooks {
  onTitle: (title: string) => void;
  runAll: () => void;
  stopAll: () => void;
  toggleLazy: () => void;
  save: () => void;
  exportMarkdown: () => void;
  exportHtml: () => void;
  toggleDatasets: () => void;
  palette: () => void;
  share: () => void;
  history: () => void;
  saveCopy: () => void;
  deleteNotebook: () => void;
  /** Who is signed in and Sign out (see user-badge.ts). */
  account?: HTMLElement | null;
}

/**
 * The editor's top bar: back to the list, title, unsaved dot, your role, run/stop, lazy mode, save
 * (or, for a viewer, save a copy), share, history, delete, export, datasets, the command palette
 * and who is signed in.
 *
 * @example
 * const bar = editorToolbar('Untitled', hooks);
 * bar.setDirty(true);
 */
export function editorToolbar(title: string, hooks: ToolbarHooks) {
  const titleInput = h('input', { class: 'title-input', value: title, 'aria-label': 'Notebook title', onchange: () => hooks.onTitle(titleInput.value) });
  const dirty = h('span', { class: 'dirty', title: 'Unsaved changes', hidden: true }, '● unsaved');
  const lazy = h('button', { class: 'toggle lazy-toggle', 'aria-pressed': 'false', title: 'Lazy mode: edits mark dependents stale instead of running them', onclick: hooks.toggleLazy }, 'Lazy');
  const running = h('span', { class: 'running-indicator', hidden: true }, 'running…');
  const readonly = h('span', { class: 'readonly-badge', hidden: true, title: 'You can read and run this notebook but not save it: Save a copy keeps your edits' }, 'read-only (viewer)');
  const role = h('span', { class: 'role-badge tag', hidden: true, title: 'Your role on this notebook' });
  const save = h('button', { class: 'primary save', title: 'Save (Ctrl/Cmd-S)', onclick: hooks.save }, 'Save');
  const saveCopy = h('button', { class: 'save-copy', title: 'Save your version as a new notebook of your own', hidden: true, onclick: hooks.saveCopy }, 'Save a copy');
  const remove = h('button', { class: 'delete-notebook danger', title: 'Move this notebook to the trash (restore it from the start page)', hidden: true, onclick: hooks.deleteNotebook }, 'Delete');
  const el = h('div', { class: 'toolbar' },
    h('a', { class: 'brand', href: '#/' }, 'liftbook'),
    h('span', { class: 'sep' }, '/'),
    titleInput, dirty, readonly, role,
    h('span', { class: 'grow' }),
    running,
    h('button', { class: 'run-all', title: 'Run all cells', onclick: hooks.runAll }, '▶ Run all'),
    h('button', { class: 'stop-all', title: 'Stop everything', onclick: hooks.stopAll }, '■ Stop'),
    lazy,
    save, saveCopy,
    h('button', { class: 'share', title: 'Who may open and edit this notebook', onclick: hooks.share }, 'Share'),
    h('button', { class: 'history', title: 'Saved versions: view, compare, restore', onclick: hooks.history }, 'History'),
    remove,
    h('button', { class: 'export-md', title: 'Download the notebook as Markdown', onclick: hooks.exportMarkdown }, '⤓ .md'),
    h('button', { class: 'export-html', title: 'Download an HTML report', onclick: hooks.exportHtml }, '⤓ Report'),
    h('button', { class: 'datasets-toggle', title: 'Show / hide datasets', onclick: hooks.toggleDatasets }, 'Datasets'),
    h('button', { class: 'palette-button', title: 'Command palette (Ctrl/Cmd-K)', onclick: hooks.palette }, '⌘K'),
    hooks.account);
  return {
    el,
    setDirty(on: boolean) {
      dirty.hidden = !on;
      el.classList.toggle('is-dirty', on);
    },
    setLazy(on: boolean) {
      lazy.setAttribute('aria-pressed', String(on));
      lazy.classList.toggle('on', on);
    },
    setRunning(on: boolean) {
      running.hidden = !on;
    },
    /** Viewers get the read-only badge, a disabled Save and Save a copy; only owners may delete. */
    setRole(value: NotebookRole) {
      const viewer = value === 'viewer';
      readonly.hidden = !viewer;
      role.hidden = viewer;
      role.textContent = value;
      save.disabled = viewer;
      save.title = viewer ? 'You are a viewer of this notebook: Save a copy keeps your edits' : 'Save (Ctrl/Cmd-S)';
      saveCopy.hidden = !viewer;
      remove.hidden = value !== 'owner';
      el.classList.toggle('is-readonly', viewer);
    },
    /** Shows Save a copy to anyone whose save the server refused (no longer shared, deleted meanwhile). */
    offerCopy() {
      saveCopy.hidden = false;
    },
    setTitle(text: string) {
      if (document.activeElement !== titleInput) titleInput.value = text;
    },
  };
}
