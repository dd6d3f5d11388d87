import { setTitle } from '../../notebook/edit.js';
import { parseNotebook, serializeNotebook } from '../../notebook/format.js';

/**
 * A notebook's title: the front matter's `title`, else its first Markdown heading, else "Untitled".
 *
 * @example
 * notebookTitle('---\ntitle: Did it work?\n---\n# Hi\n'); // → 'Did it work?'
 */
export function notebookTitle(source: string): string {
  const doc = parseNotebook(source);
  const title = doc.frontMatter?.title;
  if (typeof title === 'string' && title.trim()) return title.trim();
  for (const block of doc.blocks) {
    const heading = block.kind === 'prose' ? /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(block.text) : null;
    if (heading) return heading[1];
  }
  return 'Untitled';
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
