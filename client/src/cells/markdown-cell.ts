import 'katex/dist/katex.min.css';
import './markdown.css';
import { renderMarkdown } from '../../../notebook/markdown.js';
import { h } from '../shell/dom.js';
import { cellToolbar } from './cell-toolbar.js';
import { safeHtml } from '../outputs/safe-html.js';

export interface MarkdownHooks {
  onChange: (markdown: string) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}

/**
 * A Markdown block (with `$…$`/`$$…$$` math and GFM tables, notebook/markdown.ts): rendered;
 * double-click to edit in place, with a live preview beside the text that follows every keystroke;
 * Shift-Enter, Escape or leaving the box renders it again and saves the change.
 *
 * @example
 * document.body.append(markdownCell('# Title', hooks));
 */
export function markdownCell(markdown: string, hooks: MarkdownHooks): HTMLElement {
  const rendered = h('div', { class: 'markdown-body', title: 'Double-click to edit' });
  const editor = h('textarea', { class: 'markdown-editor', hidden: true, spellcheck: 'true', 'aria-label': 'Markdown' });
  const preview = h('div', { class: 'markdown-body markdown-preview', 'aria-label': 'Preview', 'aria-live': 'polite' });
  // The preview pane is in the page only while editing, so the block has one .markdown-body otherwise.
  const previewPane = h('div', { class: 'markdown-preview-pane' }, h('div', { class: 'markdown-preview-label' }, 'Preview'), preview);
  const split = h('div', { class: 'markdown-split', hidden: true }, editor);
  const el = h('section', { class: 'cell markdown-cell' },
    h('header', { class: 'cell-header' }, h('span', { class: 'tag' }, 'markdown'), h('span', { class: 'grow' }),
      cellToolbar({ moveUp: () => hooks.onMove(-1), moveDown: () => hooks.onMove(1), remove: hooks.onDelete })),
    rendered, split);
  let text = markdown.trim();
  let pending = 0;

  const fill = (target: HTMLElement, source: string) => {
    target.replaceChildren(source ? safeHtml(renderMarkdown(source)) : h('p', { class: 'muted' }, 'Empty Markdown cell: double-click to write.'));
  };
  // One render per frame however fast the typing: KaTeX and marked take a few ms on a long block.
  const schedulePreview = () => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      if (!split.hidden) fill(preview, editor.value.trim());
    });
  };
  const edit = () => {
    editor.value = text;
    split.append(previewPane);
    split.hidden = editor.hidden = false;
    rendered.hidden = true;
    el.classList.add('editing');
    fill(preview, text);
    grow();
    editor.focus();
  };
  const commit = () => {
    if (split.hidden) return;
    split.hidden = editor.hidden = true;
    rendered.hidden = false;
    el.classList.remove('editing');
    previewPane.remove();
    preview.replaceChildren();
    if (editor.value.trim() !== text) {
      text = editor.value.trim();
      hooks.onChange(text);
    }
    fill(rendered, text);
  };
  const grow = () => {
    editor.style.height = 'auto';
    editor.style.height = `${editor.scrollHeight + 2}px`;
  };
  rendered.addEventListener('dblclick', edit);
  editor.addEventListener('input', () => {
    grow();
    schedulePreview();
  });
  editor.addEventListener('blur', commit);
  editor.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' && e.shiftKey) || e.key === 'Escape') {
      e.preventDefault();
      commit();
    }
  });
  fill(rendered, text);
  return el;
}
