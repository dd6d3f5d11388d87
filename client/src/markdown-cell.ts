import { marked } from 'marked';
import { h } from './dom.js';
import { cellToolbar } from './cell-toolbar.js';
import { safeHtml } from './safe-html.js';

export interface MarkdownHooks {
  onChange: (markdown: string) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}

/**
 * A Markdown block: rendered, double-click to edit in place; Shift-Enter, Escape or leaving the
 * box renders it again.
 *
 * @example
 * document.body.append(markdownCell('# Title', hooks));
 */
export function markdownCell(markdown: string, hooks: MarkdownHooks): HTMLElement {
  const rendered = h('div', { class: 'markdown-body', title: 'Double-click to edit' });
  const editor = h('textarea', { class: 'markdown-editor', hidden: true, spellcheck: 'true', 'aria-label': 'Markdown' });
  const el = h('section', { class: 'cell markdown-cell' },
    h('header', { class: 'cell-header' }, h('span', { class: 'tag' }, 'markdown'), h('span', { class: 'grow' }),
      cellToolbar({ moveUp: () => hooks.onMove(-1), moveDown: () => hooks.onMove(1), remove: hooks.onDelete })),
    rendered, editor);
  let text = markdown.trim();

  const render = () => {
    rendered.replaceChildren(text ? safeHtml(marked.parse(text, { async: false }) as string) : h('p', { class: 'muted' }, 'Empty Markdown cell: double-click to write.'));
  };
  const edit = () => {
    editor.value = text;
    editor.hidden = false;
    rendered.hidden = true;
    el.classList.add('editing');
    grow();
    editor.focus();
  };
  const commit = () => {
    if (editor.hidden) return;
    editor.hidden = true;
    rendered.hidden = false;
    el.classList.remove('editing');
    if (editor.value.trim() !== text) {
      text = editor.value.trim();
      hooks.onChange(text);
    }
    render();
  };
  const grow = () => {
    editor.style.height = 'auto';
    editor.style.height = `${editor.scrollHeight + 2}px`;
  };
  rendered.addEventListener('dblclick', edit);
  editor.addEventListener('input', grow);
  editor.addEventListener('blur', commit);
  editor.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' && e.shiftKey) || e.key === 'Escape') {
      e.preventDefault();
      commit();
    }
  });
  render();
  return el;
}
