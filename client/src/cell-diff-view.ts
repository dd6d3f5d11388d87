import type { CellChange } from '../../notebook/diff.js';
import { h } from './dom.js';

const VERB = { added: 'added', removed: 'removed', changed: 'changed', moved: 'moved', unchanged: 'unchanged' } as const;

/**
 * A cell-level diff: each added, removed, changed or moved block with its text before and after
 * (unchanged blocks are counted, not shown, so the eye goes to what changed).
 *
 * @example
 * panel.append(cellDiffView(diffNotebooks(before, after)));
 */
export function cellDiffView(changes: CellChange[]): HTMLElement {
  const shown = changes.filter((c) => c.status !== 'unchanged');
  const unchanged = changes.length - shown.length;
  return h('div', { class: 'diff-view' },
    shown.length ? null : h('p', { class: 'muted diff-empty' }, 'No differences.'),
    shown.map((c) => h('div', { class: `diff-change diff-${c.status}`, 'data-key': c.key, 'data-status': c.status },
      h('div', { class: 'diff-head' }, h('span', { class: `diff-status tag` }, VERB[c.status]), ' ', h('code', {}, label(c, c.after ?? c.before))),
      c.status === 'moved' && c.before === c.after ? null : h('div', { class: 'diff-sides' },
        c.before !== undefined ? h('pre', { class: 'diff-before', title: 'before' }, c.before) : null,
        c.after !== undefined ? h('pre', { class: 'diff-after', title: 'after' }, c.after) : null))),
    unchanged ? h('p', { class: 'hint' }, `${unchanged} unchanged block${unchanged === 1 ? '' : 's'} not shown.`) : null);
}

/**
 * How a block is named to a reader: a cell by its id, prose by its first line, the front matter as such.
 *
 * @example
 * label({ key: 'lift', kind: 'cell' }); // → 'cell lift'
 * label({ key: 'p1', kind: 'prose' }, '# Results\n'); // → 'text “# Results”'
 */
export function label(c: { key: string; kind: CellChange['kind'] }, text?: string): string {
  if (c.kind === 'front-matter') return 'front matter';
  if (c.kind === 'prose') {
    const first = text?.split('\n').find((line) => line.trim())?.trim();
    return first ? `text “${first.length > 60 ? `${first.slice(0, 57)}…` : first}”` : 'text';
  }
  return `cell ${c.key}`;
}
