import type { CellChange } from '../../../notebook/diff.js';
import { h } from '../shell/dom.js';
import { inlineDiff, type Segment } from './inline-diff.js';
import './cell-diff-view.css';

const VERB = { added: 'added', removed: 'removed', changed: 'changed', moved: 'moved', unchanged: 'unchanged' } as const;

/**
 * A cell-level diff: each added, removed, changed or moved block with its text before and after
 * (unchanged blocks are counted, not shown, so the eye goes to what changed); inside a changed
 * block the words that differ are marked, so a one-character edit is found at a glance.
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
      c.status === 'moved' && c.before === c.after ? null : sides(c.before, c.after))),
    unchanged ? h('p', { class: 'hint' }, `${unchanged} unchanged block${unchanged === 1 ? '' : 's'} not shown.`) : null);
}

/** Before and after side by side; when both exist, what changed inside them is marked (del / ins). */
function sides(before: string | undefined, after: string | undefined): HTMLElement {
  const inline = before !== undefined && after !== undefined ? inlineDiff(before, after) : null;
  const marked = (segments: Segment[], tag: 'del' | 'ins') => segments.map((s) => (s.changed ? h(tag, {}, s.text) : s.text));
  return h('div', { class: 'diff-sides' },
    before !== undefined ? h('pre', { class: 'diff-before', title: 'before' }, inline ? marked(inline.before, 'del') : before) : null,
    after !== undefined ? h('pre', { class: 'diff-after', title: 'after' }, inline ? marked(inline.after, 'ins') : after) : null);
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
