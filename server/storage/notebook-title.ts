import { setTitle } from '../../notebook/edit.js';
import { parseNotebook, serializeNotebook } from '../../notebook/format.js';
import { notebookTitle } from '../../notebook/title.js';

/**
 * The title a stored notebook is listed under (notebook/title.ts's rule), "Untitled" without one.
 *
 * @example
 * sourceTitle('---\ntitle: Did it work?\n---\n# Hi\n'); // → 'Did it work?'
 */
export function sourceTitle(source: string): string {
  return notebookTitle(parseNotebook(source), 'Untitled');
}

/**
 * The source with its front-matter title replaced (front matter is created when missing).
 *
 * @example
 * withTitle('# Notes\n', 'Q3 review'); // → '---\ntitle: Q3 review\n---\n\n# Notes\n'
 */
export function withTitle(source: string, title: string): string {
  return serializeNotebook(setTitle(parseNotebook(source), title));
}
