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
}

/**
 * The editor's top bar: back to the list, title, unsaved dot, run/stop, lazy mode, save, export,
 * datasets and the command palette.
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
  const el = h('div', { class: 'toolbar' },
    h('a', { class: 'brand', href: '#/' }, 'liftbook'),
    h('span', { class: 'sep' }, '/'),
    titleInput, dirty,
    h('span', { class: 'grow' }),
    running,
    h('button', { class: 'run-all', title: 'Run all cells', onclick: hooks.runAll }, '▶ Run all'),
    h('button', { class: 'stop-all', title: 'Stop everything', onclick: hooks.stopAll }, '■ Stop'),
    lazy,
    h('button', { class: 'primary save', title: 'Save (Ctrl/Cmd-S)', onclick: hooks.save }, 'Save'),
    h('button', { class: 'export-md', title: 'Download the notebook as Markdown', onclick: hooks.exportMarkdown }, '⤓ .md'),
    h('button', { class: 'export-html', title: 'Download an HTML report', onclick: hooks.exportHtml }, '⤓ Report'),
    h('button', { class: 'datasets-toggle', title: 'Show / hide datasets', onclick: hooks.toggleDatasets }, 'Datasets'),
    h('button', { class: 'palette-button', title: 'Command palette (Ctrl/Cmd-K)', onclick: hooks.palette }, '⌘K'));
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
    setTitle(text: string) {
      if (document.activeElement !== titleInput) titleInput.value = text;
    },
  };
}
