import '../cells/sql.css';
import { api } from '../shell/api.js';
import { h } from '../shell/dom.js';
import { listSources, type SourceInfo } from '../sandbox/sql-host.js';

export interface SourcesHooks {
  /** Admins add, test and remove sources; members see the list. */
  admin: boolean;
  toast: (message: string, kind?: 'error' | 'info') => void;
  /** The list changed (SQL cells' source pickers redraw). */
  onChange: () => void;
}

const KIND: Record<SourceInfo['kind'], string> = { duckdb: 'embedded DuckDB', clickhouse: 'ClickHouse', postgres: 'Postgres' };

/**
 * The Sources section of the side panel: the databases SQL cells can query. Everyone sees names
 * and kinds; an admin also sees each URL (password hidden) and adds, tests and removes sources.
 *
 * @example
 * panel.append(sourcesPanel({ admin: true, toast, onChange }).el);
 */
export function sourcesPanel(hooks: SourcesHooks): { el: HTMLElement; refresh: () => Promise<void> } {
  const list = h('ul', { class: 'source-list' });
  const nameInput = h('input', { type: 'text', class: 'source-name', placeholder: 'name, e.g. wh', 'aria-label': 'Source name' });
  const urlInput = h('input', { type: 'password', class: 'source-url', placeholder: 'postgres://reader:…@host:5432/db', autocomplete: 'off', 'aria-label': 'Source URL' });
  const addButton = h('button', { class: 'primary add-source', onclick: () => void add() }, 'Test and add');

  async function add(): Promise<void> {
    const name = nameInput.value.trim();
    const url = urlInput.value.trim();
    if (!name || !url) return hooks.toast('Give the source a name and its URL (clickhouse://… or postgres://…).', 'error');
    addButton.disabled = true;
    try {
      await api('POST', '/api/sources', { name, url, test: true });
      hooks.toast(`Source "${name}" added: SQL cells can pick it.`);
      nameInput.value = '';
      urlInput.value = '';
      await refresh(true);
    } catch (error) {
      hooks.toast((error as Error).message, 'error');
    } finally {
      addButton.disabled = false;
    }
  }

  async function test(name: string, status: HTMLElement): Promise<void> {
    status.textContent = 'testing…';
    try {
      const result = await api<{ ok: boolean; ms: number; error?: string }>('POST', `/api/sources/${encodeURIComponent(name)}/test`);
      status.textContent = result.ok ? `answered in ${Math.round(result.ms)} ms` : (result.error ?? 'did not answer');
      status.className = `source-status ${result.ok ? 'ok' : 'output-error'}`;
    } catch (error) {
      status.textContent = (error as Error).message;
      status.className = 'source-status output-error';
    }
  }

  async function remove(name: string): Promise<void> {
    if (!confirm(`Remove source "${name}"? Notebooks that query it will fail until it is added again.`)) return;
    try {
      await api('DELETE', `/api/sources/${encodeURIComponent(name)}`);
      await refresh(true);
    } catch (error) {
      hooks.toast((error as Error).message, 'error');
    }
  }

  async function refresh(changed = false): Promise<void> {
    try {
      const sources = await listSources(true);
      list.replaceChildren(...sources.map((s) => {
        const status = h('span', { class: 'source-status muted' });
        return h('li', { class: 'source', 'data-source': s.name },
          h('div', { class: 'source-title' }, h('code', {}, s.name), h('span', { class: 'tag' }, KIND[s.kind] ?? s.kind)),
          s.url ? h('div', { class: 'source-meta muted' }, s.url) : null,
          hooks.admin ? h('div', { class: 'source-actions' },
            h('button', { class: 'link test-source', onclick: () => void test(s.name, status) }, 'Test'),
            s.name === 'local' ? null : h('button', { class: 'link danger remove-source', onclick: () => void remove(s.name) }, 'Remove'),
            status) : null);
      }));
      if (changed) hooks.onChange();
    } catch (error) {
      list.replaceChildren(h('li', { class: 'output-error' }, (error as Error).message));
    }
  }

  const el = h('section', { class: 'sources-panel' },
    h('h3', {}, 'Sources'),
    h('p', { class: 'hint muted' }, hooks.admin
      ? 'Databases SQL cells can query. Use a read-only database user: every member can query a source (they never see its URL).'
      : 'Databases SQL cells can query; an admin adds them.'),
    list,
    hooks.admin ? h('div', { class: 'source-form' }, nameInput, urlInput, addButton) : null);
  void refresh();
  return { el, refresh: () => refresh(true) };
}
