import type { NotebookRole } from '../shell/api.js';
import { h } from '../shell/dom.js';
import { keysText, type EditorAction } from './editor-commands.js';
import { fitTitleInput } from './notebook-title.js';

export interface ToolbarHooks {
  onTitle: (title: string) => void;
  /** The editor's actions: those with a `button` are drawn, in this order (see editor-commands.ts). */
  actions: readonly EditorAction[];
  /** Who is signed in and Sign out (see user-badge.ts). */
  account?: HTMLElement | null;
}

// Where a button's tooltip says more than the action's palette label.
const TOOLTIPS: Record<string, string> = {
  'run-all': 'Run all cells',
  stop: 'Stop everything',
  lazy: 'Lazy mode: edits mark dependents stale instead of running them',
  'save-copy': 'Save your version as a new notebook of your own',
  share: 'Who may open and edit this notebook',
  history: 'Saved versions: view, compare, restore',
  'delete-notebook': 'Move this notebook to the trash (restore it from the start page)',
  'export-md': 'Download the notebook as Markdown',
  'export-html': 'Download an HTML report',
  datasets: 'Show / hide datasets',
};

/**
 * The editor's top bar: back to the list, title, unsaved dot, your role, then a button for each
 * action that has one (run/stop, lazy mode, save or, for a viewer, save a copy, share, history,
 * delete, export, datasets, the command palette) and who is signed in.
 *
 * @example
 * const bar = editorToolbar('Untitled', { onTitle, actions: editorActions(handlers) });
 * bar.setDirty(true);
 */
export function editorToolbar(title: string, hooks: ToolbarHooks) {
  const titleInput = h('input', { class: 'title-input', value: title, 'aria-label': 'Notebook title', onchange: () => hooks.onTitle(titleInput.value), oninput: () => fitTitleInput(titleInput) });
  fitTitleInput(titleInput);
  const dirty = h('span', { class: 'dirty', title: 'Unsaved changes', hidden: true }, '● unsaved');
  const running = h('span', { class: 'running-indicator', hidden: true }, 'running…');
  const readonly = h('span', { class: 'readonly-badge', hidden: true, title: 'You can read and run this notebook but not save it: Save a copy keeps your edits' }, 'read-only (viewer)');
  const role = h('span', { class: 'role-badge tag', hidden: true, title: 'Your role on this notebook' });
  const buttons = new Map<string, HTMLButtonElement>();
  for (const action of hooks.actions) {
    if (!action.button) continue;
    const keys = keysText(action);
    const tip = `${TOOLTIPS[action.id] ?? action.label}${keys ? ` (${keys})` : ''}`;
    buttons.set(action.id, h('button', { class: action.button.class, title: tip, onclick: () => action.run() }, action.button.text));
  }
  const button = (id: string) => buttons.get(id) ?? null;
  const lazy = button('lazy');
  lazy?.setAttribute('aria-pressed', 'false');
  const save = button('save');
  const saveTitle = save?.title ?? '';
  const saveCopy = button('save-copy');
  if (saveCopy) saveCopy.hidden = true;
  const remove = button('delete-notebook');
  if (remove) remove.hidden = true;
  // Running status sits before the run buttons, as it did when the bar was written out by hand.
  const el = h('div', { class: 'toolbar' },
    h('a', { class: 'brand', href: '#/' }, 'liftbook'),
    h('span', { class: 'sep' }, '/'),
    titleInput, dirty, readonly, role,
    h('span', { class: 'grow' }),
    running,
    [...buttons.values()],
    hooks.account);
  // A long title wraps the bar to a second row: the sticky datasets panel sits below it, whatever its height.
  new ResizeObserver(() => el.parentElement?.style.setProperty('--toolbar-height', `${el.offsetHeight}px`)).observe(el);
  return {
    el,
    setDirty(on: boolean) {
      dirty.hidden = !on;
      el.classList.toggle('is-dirty', on);
    },
    setLazy(on: boolean) {
      lazy?.setAttribute('aria-pressed', String(on));
      lazy?.classList.toggle('on', on);
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
      if (save) {
        save.disabled = viewer;
        save.title = viewer ? 'You are a viewer of this notebook: Save a copy keeps your edits' : saveTitle;
      }
      if (saveCopy) saveCopy.hidden = !viewer;
      if (remove) remove.hidden = value !== 'owner';
      el.classList.toggle('is-readonly', viewer);
    },
    /** Shows Save a copy to anyone whose save the server refused (no longer shared, deleted meanwhile). */
    offerCopy() {
      if (saveCopy) saveCopy.hidden = false;
    },
    setTitle(text: string) {
      if (document.activeElement !== titleInput) titleInput.value = text;
      fitTitleInput(titleInput);
    },
  };
}
