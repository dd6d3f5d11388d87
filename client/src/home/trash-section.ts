import { api, listOf, type TrashedNotebook } from '../shell/api.js';
import { h } from '../shell/dom.js';
import { timeText } from '../shell/time-text.js';

export interface TrashHooks {
  toast: (message: string, kind?: 'error' | 'info') => void;
  /** A notebook came back: the lists above should show it again. */
  onRestored: (id: string) => void;
}

/**
 * The home page's Trash: notebooks you deleted (admins also the unowned examples), each with
 * Restore. Deleting never destroys a notebook or its history, so this is the way back.
 *
 * @example
 * const trash = trashSection({ toast, onRestored: () => reload() });
 * page.append(trash.el);
 * await trash.refresh();
 */
export function trashSection(hooks: TrashHooks): { el: HTMLElement; refresh: () => Promise<void> } {
  const list = h('ul', { class: 'notebook-list trash-list' }, h('li', { class: 'muted' }, 'Loading…'));
  const el = h('section', { class: 'trash' }, h('h2', {}, 'Trash'), list);

  async function restore(entry: TrashedNotebook, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      await api('POST', `/api/trash/${encodeURIComponent(entry.id)}/restore`);
      hooks.toast(`"${entry.title || entry.id}" is back.`);
      hooks.onRestored(entry.id);
      await refresh();
    } catch (error) {
      button.disabled = false;
      hooks.toast((error as Error).message, 'error');
    }
  }

  async function refresh(): Promise<void> {
    try {
      const entries = listOf<TrashedNotebook>(await api('GET', '/api/trash'), 'trash');
      list.replaceChildren(...entries.map((entry) => {
        const button = h('button', { class: 'restore', onclick: () => void restore(entry, button) }, 'Restore');
        return h('li', { class: 'trash-item', 'data-notebook': entry.id },
          h('strong', {}, entry.title || entry.id),
          h('span', { class: 'muted' }, ` ${entry.id} · deleted ${timeText(entry.deleted_at)}${entry.owner ? ` · owner ${entry.owner}` : ''} `),
          button);
      }));
      if (!entries.length) list.replaceChildren(h('li', { class: 'muted' }, 'The trash is empty.'));
    } catch (error) {
      list.replaceChildren(h('li', { class: 'output-error' }, (error as Error).message));
    }
  }
  return { el, refresh };
}
