import type { CellChange } from '../../../notebook/diff.js';
import { api, listOf, type NotebookDoc, type Revision } from '../shell/api.js';
import { cellDiffView } from './cell-diff-view.js';
import { h, replaceChildren } from '../shell/dom.js';
import { openModal } from '../shell/modal.js';
import { timeText } from '../shell/time-text.js';

// Versions saved before sign-in existed carry no name; the seeded examples say "liftbook (example)".
const NO_AUTHOR = 'author not recorded';

export interface HistoryOptions {
  notebookId: string;
  /** Editors and owners may restore; viewers see the history only. */
  canRestore: boolean;
  /** Asked before restoring (the editor warns when it has unsaved edits); false cancels. */
  beforeRestore: (version: number) => Promise<boolean>;
  /** The restored notebook (a new version whose text is the old revision's). */
  onRestored: (notebook: NotebookDoc) => void;
}

/**
 * The History panel: every saved version (who, when), one version's text, a cell-level diff
 * between two chosen versions, and "Restore this version" (a new version; nothing is rewritten).
 *
 * @example
 * await openHistoryDialog({ notebookId: 'q3-review', canRestore: true, beforeRestore: async () => true, onRestored: load });
 */
export async function openHistoryDialog(options: HistoryOptions): Promise<void> {
  const path = `/api/notebooks/${encodeURIComponent(options.notebookId)}`;
  const modal = openModal({ title: 'History', class: 'history-dialog' });
  const list = h('ul', { class: 'revision-list' }, h('li', { class: 'muted' }, 'Loading…'));
  const detail = h('div', { class: 'history-detail' });
  const from = h('select', { class: 'diff-from', 'aria-label': 'Compare from version' });
  const to = h('select', { class: 'diff-to', 'aria-label': 'Compare to version' });
  const compare = h('div', { class: 'diff-controls row' }, 'Compare version ', from, ' with ', to, h('button', { class: 'diff-show', onclick: () => void showDiff() }, 'Show changes'));
  modal.body.append(h('div', { class: 'history-layout' }, h('div', { class: 'history-side' }, compare, list), detail));
  modal.actions.append(h('button', { class: 'history-close', onclick: () => modal.close() }, 'Close'));

  let revisions: Revision[] = [];
  try {
    revisions = listOf<Revision>(await api('GET', `${path}/revisions`), 'revisions');
  } catch (error) {
    list.replaceChildren();
    modal.error((error as Error).message);
    return;
  }
  const option = (r: Revision) => h('option', { value: String(r.version) }, `v${r.version}${r.author ? ` · ${r.author}` : ''}`);
  from.replaceChildren(...revisions.map(option));
  to.replaceChildren(...revisions.map(option));
  // Newest first: by default compare the one before the latest with the latest.
  if (revisions[1]) from.value = String(revisions[1].version);
  if (revisions[0]) to.value = String(revisions[0].version);
  list.replaceChildren(...revisions.map((r, i) => h('li', { class: 'revision', 'data-version': String(r.version) },
    h('button', { class: 'link revision-view', onclick: () => void view(r.version) }, `Version ${r.version}`),
    i === 0 ? h('span', { class: 'tag' }, 'current') : null,
    h('span', { class: 'revision-meta muted' }, ` ${r.author ?? NO_AUTHOR} · ${timeText(r.created_at)}`))));
  if (!revisions.length) list.replaceChildren(h('li', { class: 'muted' }, 'No saved versions yet.'));
  if (revisions[0]) await view(revisions[0].version);

  async function view(version: number): Promise<void> {
    modal.error(null);
    for (const li of list.querySelectorAll('.revision')) li.classList.toggle('selected', li.getAttribute('data-version') === String(version));
    try {
      const revision = await api<Revision & { source: string }>('GET', `${path}/revisions/${version}`);
      const current = revisions[0]?.version === version;
      const restore = options.canRestore && !current ? h('button', { class: 'primary revision-restore', onclick: () => void restoreVersion(version, restore!) }, 'Restore this version') : null;
      replaceChildren(detail,
        h('div', { class: 'history-detail-head' }, h('strong', {}, `Version ${revision.version}`), h('span', { class: 'muted' }, ` ${revision.author ? `by ${revision.author}` : NO_AUTHOR} · ${timeText(revision.created_at)}`), h('span', { class: 'grow' }), restore),
        !options.canRestore ? h('p', { class: 'hint' }, 'Viewers can read the history; an editor or the owner can restore a version.') : null,
        h('pre', { class: 'revision-source', 'data-version': String(version) }, revision.source));
    } catch (error) {
      modal.error((error as Error).message);
    }
  }

  async function showDiff(): Promise<void> {
    modal.error(null);
    try {
      const body = await api<{ from: number; to: number; changes: CellChange[] }>('GET', `${path}/diff?from=${encodeURIComponent(from.value)}&to=${encodeURIComponent(to.value)}`);
      detail.replaceChildren(h('div', { class: 'history-detail-head' }, h('strong', {}, `Changes from version ${body.from} to ${body.to}`)), cellDiffView(body.changes));
    } catch (error) {
      modal.error((error as Error).message);
    }
  }

  async function restoreVersion(version: number, button: HTMLButtonElement): Promise<void> {
    if (!(await options.beforeRestore(version))) return;
    button.disabled = true;
    try {
      const notebook = await api<NotebookDoc>('POST', `${path}/revisions/${version}/restore`);
      modal.close();
      options.onRestored(notebook);
    } catch (error) {
      button.disabled = false;
      modal.error((error as Error).message);
    }
  }
}
