import { closesFence, openingFence, type Fence } from './fence.js';
import { lineContent, splitLines } from './lines.js';
import type { NotebookDoc } from './types.js';

// An ATX level-1 heading (CommonMark): up to 3 spaces, one `#`, then a space or the end of the
// line; an optional closing run of `#`s is not part of the text.
const H1 = /^ {0,3}#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/**
 * A notebook's title, the one rule the workbench, the store and both reports use: the front
 * matter's `title` (trimmed), else the text of the first level-1 `#` heading in the prose, else
 * `fallback`. Only level 1: a notebook without a title heading is not titled by its first section
 * (`## Setup`). Lines inside fenced examples in the prose (a `# comment` in a Python snippet) are
 * not headings.
 *
 * @example
 * notebookTitle(parseNotebook('---\ntitle: " Did it work? "\n---\n# Intro\n'), 'Untitled'); // → 'Did it work?'
 * notebookTitle(parseNotebook('## Setup\n\n# Email lift #\n'), 'Untitled'); // → 'Email lift'
 */
export function notebookTitle(doc: NotebookDoc, fallback: string): string {
  const title = doc.frontMatter?.title?.trim();
  if (title) return title;
  for (const block of doc.blocks) {
    if (block.kind !== 'prose') continue;
    let fence: Fence | null = null;
    for (const line of splitLines(block.text).map(lineContent)) {
      if (fence) {
        if (closesFence(line, fence)) fence = null;
        continue;
      }
      fence = openingFence(line);
      const heading = fence ? null : H1.exec(line)?.[1]?.trim();
      if (heading) return heading;
    }
  }
  return fallback;
}
