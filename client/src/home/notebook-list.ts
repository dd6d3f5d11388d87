import { api, listOf, type NotebookDoc, type NotebookSummary } from '../shell/api.js';
import { h } from '../shell/dom.js';
import { trashSection } from './trash-section.js';

interface Template { id: string; title: string }

export interface HomeOptions {
  toast: (message: string, kind?: 'error' | 'info') => void;
  /** Who is signed in and Sign out, for the toolbar. */
  account?: HTMLElement | null;
}

/**
 * The start page: "new notebook" from a template or blank, then "My notebooks" (you own them),
 * "Shared with me" (with their owner and your role), the examples that ship with liftbook (nobody
 * owns them; "Copy to my notebooks" makes one yours) and the trash of notebooks you deleted.
 *
 * @example
 * await notebookList(document.getElementById('app')!, { toast, account: userBadge(user, signOut) });
 */
export async function notebookList(root: HTMLElement, options: HomeOptions): Promise<void> {
  const { toast } = options;
  const mine = h('ul', { class: 'notebook-list my-notebook-list' }, h('li', { class: 'muted' }, 'Loading…'));
  const shared = h('ul', { class: 'notebook-list shared-notebook-list' }, h('li', { class: 'muted' }, 'Loading…'));
  const examples = h('ul', { class: 'notebook-list example-notebook-list' }, h('li', { class: 'muted' }, 'Loading…'));
  const templates = await api<unknown>('GET', '/api/templates').then((b) => listOf<Template>(b, 'templates'), () => [] as Template[]);
  const titleInput = h('input', { type: 'text', class: 'new-title', placeholder: 'Title of the new notebook', 'aria-label': 'New notebook title' });
  const templateSelect = h('select', { class: 'new-template', 'aria-label': 'Template' }, h('option', { value: '' }, 'Blank notebook'),
    templates.filter((t) => t.id !== 'blank').map((t) => h('option', { value: t.id }, `Template: ${t.title}`)));
  const create = async () => {
    try {
      const body: Record<string, string> = {};
      if (titleInput.value.trim()) body.title = titleInput.value.trim();
      if (templateSelect.value) body.template = templateSelect.value;
      const created = await api<{ id: string }>('POST', '/api/notebooks', body);
      location.hash = `#/notebook/${encodeURIComponent(created.id)}`;
    } catch (error) {
      toast((error as Error).message, 'error');
    }
  };
  const trash = trashSection({ toast, onRestored: () => void loadLists() });
  root.replaceChildren(h('div', { class: 'home' },
    h('div', { class: 'toolbar' }, h('a', { class: 'brand', href: '#/' }, 'liftbook'), h('span', { class: 'muted' }, 'Did your personalization work?'), h('span', { class: 'grow' }), options.account),
    h('main', { class: 'home-main', 'aria-busy': 'true' },
      h('section', { class: 'new-notebook' }, h('h2', {}, 'New notebook'), h('div', { class: 'row' }, titleInput, templateSelect, h('button', { class: 'primary create', onclick: () => void create() }, 'Create'))),
      h('section', { class: 'my-notebooks' }, h('h2', {}, 'My notebooks'), mine),
      h('section', { class: 'shared-notebooks' }, h('h2', {}, 'Shared with me'), shared),
      h('section', { class: 'example-notebooks' }, h('h2', {}, 'Examples'),
        h('p', { class: 'hint' }, 'They ship with liftbook and the whole team can open them. Copy one to make it yours: edit, save and share it.'), examples),
      trash.el)));

  async function loadLists(): Promise<void> {
    try {
      const notebooks = listOf<NotebookSummary>(await api('GET', '/api/notebooks'), 'notebooks');
      // Nobody owns the examples (owner null); an admin may edit them, but they are not the admin's own.
      const bundled = notebooks.filter((n) => n.owner === null);
      // A server without roles (older data) lists everything as yours.
      const own = notebooks.filter((n) => n.owner !== null && (n.role ?? 'owner') === 'owner');
      const others = notebooks.filter((n) => n.owner !== null && (n.role ?? 'owner') !== 'owner');
      mine.replaceChildren(...own.map((n) => item(n, false)));
      if (!own.length) mine.replaceChildren(h('li', { class: 'muted' }, 'No notebooks of yours yet: create one above, or copy an example.'));
      shared.replaceChildren(...others.map((n) => item(n, true)));
      if (!others.length) shared.replaceChildren(h('li', { class: 'muted' }, 'Nothing is shared with you yet.'));
      examples.replaceChildren(...bundled.map((n) => exampleItem(n, copyExample)));
      if (!bundled.length) examples.replaceChildren(h('li', { class: 'muted' }, 'No examples on this server.'));
    } catch (error) {
      mine.replaceChildren(h('li', { class: 'output-error' }, (error as Error).message));
      shared.replaceChildren();
      examples.replaceChildren();
    }
  }

  /** An owned copy of an example (its text as it is now), opened in the editor. */
  async function copyExample(n: NotebookSummary, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const example = await api<NotebookDoc>('GET', `/api/notebooks/${encodeURIComponent(n.id)}`);
      const created = await api<{ id: string }>('POST', '/api/notebooks', { source: example.source });
      toast(`Copied "${n.title || n.id}" to your notebooks.`);
      location.hash = `#/notebook/${encodeURIComponent(created.id)}`;
    } catch (error) {
      button.disabled = false;
      toast(`Not copied: ${(error as Error).message}`, 'error');
    }
  }
  await Promise.all([loadLists(), trash.refresh()]);
  root.querySelector('.home-main')?.removeAttribute('aria-busy');
}

function metaOf(n: NotebookSummary): string {
  const updated = n.updatedAt ?? n.updated_at;
  return [n.id, updated ? `updated ${String(updated).slice(0, 16).replace('T', ' ')}` : ''].filter(Boolean).join(' · ');
}

function exampleItem(n: NotebookSummary, copy: (n: NotebookSummary, button: HTMLButtonElement) => Promise<void>): HTMLElement {
  const button = h('button', { class: 'link copy-example', title: 'Make a notebook of your own from this example', onclick: () => void copy(n, button) }, 'Copy to my notebooks');
  return h('li', { class: 'notebook-item', 'data-notebook': n.id, 'data-role': n.role ?? 'viewer' },
    h('a', { href: `#/notebook/${encodeURIComponent(n.id)}` }, h('strong', {}, n.title || n.id)),
    ' ', h('span', { class: 'tag' }, 'example'),
    h('span', { class: 'muted' }, ` · ${metaOf(n)} · `), button);
}

function item(n: NotebookSummary, sharedWithMe: boolean): HTMLElement {
  const meta = metaOf(n);
  return h('li', { class: 'notebook-item', 'data-notebook': n.id, 'data-role': n.role ?? 'owner' },
    h('a', { href: `#/notebook/${encodeURIComponent(n.id)}` }, h('strong', {}, n.title || n.id)),
    sharedWithMe ? [' ', h('span', { class: 'notebook-role tag', title: 'Your role on this notebook' }, n.role ?? ''), ' ',
      h('span', { class: 'notebook-owner' }, n.owner ? `by ${n.owner}` : 'team example')] : null,
    !sharedWithMe && n.team_role ? [' ', h('span', { class: 'notebook-team tag', title: 'Everyone on the team may open it' }, `team: ${n.team_role}`)] : null,
    h('span', { class: 'muted' }, ` · ${meta}`));
}
