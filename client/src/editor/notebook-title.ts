import type { NotebookDoc } from '../../../notebook/types.js';

/**
 * A notebook's title: front matter `title`, else its first `#` heading, else the stored title.
 *
 * @example
 * titleOf(parseNotebook('# Email lift\n'), 'Untitled'); // → 'Email lift'
 */
export function titleOf(doc: NotebookDoc, fallback: string): string {
  if (doc.frontMatter?.title) return doc.frontMatter.title;
  for (const block of doc.blocks) {
    const heading = block.kind === 'prose' ? /^#\s+(.+)$/m.exec(block.text) : null;
    if (heading) return heading[1]!.trim();
  }
  return fallback;
}

/**
 * Sizes a title input to its text, for browsers without CSS `field-sizing: content` (which,
 * where supported, wins over `size`): a long title must show whole, not scroll inside the field.
 *
 * @example
 * input.addEventListener('input', () => fitTitleInput(input));
 */
export function fitTitleInput(input: HTMLInputElement): void {
  input.size = Math.max(12, input.value.length + 2);
}
