import { api, listOf, type NotebookSummary } from './api.js';
import { h } from './dom.js';

interface Template { id: string; title: string }

/**
 * The start page: saved notebooks (open) and "new notebook" from a template or blank.
 *
 * @example
 * await notebookList(document.getElementById('app')!, toast);
 */
export async function notebookList(root: HTMLElement, toast: (message: string, kind?: 'error' | 'info') => void): Promise<void> {
  const list = h('ul', { class: 'notebook-list' }, h('li', { class: 'muted' }, 'Loading…'));
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
  root.replaceChildren(h('div', { class: 'home' },
    h('div', { class: 'toolbar' }, h('a', { class: 'brand', href: '#/' }, 'liftbook'), h('span', { class: 'muted' }, 'Did your personalization work?')),
    h('main', { class: 'home-main' },
      h('section', { class: 'new-notebook' }, h('h2', {}, 'New notebook'), h('div', { class: 'row' }, titleInput, templateSelect, h('button', { class: 'primary create', onclick: () => void create() }, 'Create'))),
      h('section', {}, h('h2', {}, 'Notebooks'), list))));
  try {
    const notebooks = listOf<NotebookSummary>(await api('GET', '/api/notebooks'), 'notebooks');
    list.replaceChildren(...notebooks.map((n) => h('li', { class: 'notebook-item', 'data-notebook': n.id },
      h('a', { href: `#/notebook/${encodeURIComponent(n.id)}` }, h('strong', {}, n.title || n.id)),
      h('span', { class: 'muted' }, ` ${n.id}${n.updatedAt ?? n.updated_at ? ` · updated ${String(n.updatedAt ?? n.updated_at).slice(0, 16).replace('T', ' ')}` : ''}`))));
    if (!notebooks.length) list.replaceChildren(h('li', { class: 'muted' }, 'No notebooks yet: create one above.'));
  } catch (error) {
    list.replaceChildren(h('li', { class: 'output-error' }, (error as Error).message));
  }
}
