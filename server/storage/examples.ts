import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceTitle } from './notebook-title.js';

/** The example notebooks that ship in the repository's `notebooks/` folder. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../notebooks/', import.meta.url));

/**
 * The author of a seeded example's first version: the examples ship with liftbook, nobody on the
 * team wrote them. Not a valid user name (it has a space), so it never passes for a person.
 */
export const EXAMPLE_AUTHOR = 'liftbook (example)';

export interface ExampleNotebook {
  /** The file name without `.md` (and without `.lb` in `x.lb.md`): also the seeded notebook's id. */
  id: string;
  title: string;
  source: string;
}

/**
 * Every `*.md` notebook in a folder (default: the bundled examples), sorted by id. A missing folder
 * has none.
 *
 * @example
 * listExamples().map((e) => e.id); // → ['did-personalization-work', …]
 */
export function listExamples(dir: string = EXAMPLES_DIR): ExampleNotebook[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md');
  } catch {
    return [];
  }
  return files
    .map((file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const id = file
        .replace(/(\.lb)?\.md$/, '')
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+/, '')
        .slice(0, 80);
      return { id: id || 'example', title: sourceTitle(source), source };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * A new notebook's text when no template is chosen: a title and one empty code cell.
 *
 * @example
 * blankNotebook('Q3 review'); // → '---\ntitle: "Q3 review"\n---\n\n# Q3 review\n\n```js id=c1\n\n```\n'
 */
export function blankNotebook(title = 'Untitled'): string {
  return `---\ntitle: ${JSON.stringify(title)}\n---\n\n# ${title}\n\n\`\`\`js id=c1\n\n\`\`\`\n`;
}
