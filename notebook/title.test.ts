import { describe, expect, it } from 'vitest';
import { parseNotebook } from './format.js';
import { notebookTitle } from './title.js';

const title = (text: string) => notebookTitle(parseNotebook(text), 'Fallback');

describe('notebookTitle', () => {
  it('takes the front matter title first, trimmed, over any heading', () => {
    expect(title('---\ntitle: "  Did it work?  "\n---\n# Intro\n')).toBe('Did it work?');
  });

  it('else the first level-1 heading, without closing #s or surrounding blanks', () => {
    expect(title('Some words.\n\n#   Email lift   ##  \n\n# Later\n')).toBe('Email lift');
    expect(title('```js id=a\nconst a = 1\n```\n\n# After a cell\n')).toBe('After a cell');
    expect(title('---\ntitle: "   "\n---\n# Heading wins over a blank title\n')).toBe('Heading wins over a blank title');
  });

  it('is not fooled by sections, non-headings or code', () => {
    expect(title('## Setup\n\n### Data\n')).toBe('Fallback');
    expect(title('#hashtag\n    # indented code\n#\n')).toBe('Fallback');
    expect(title('```python\n# a comment\n```\n\n~~~\n# another\n~~~\n\n# Real\n')).toBe('Real');
    expect(title('```js id=c\n# not prose\n```\n')).toBe('Fallback');
  });

  it('falls back when there is nothing to go on, and for every example notebook finds its stated title', async () => {
    expect(title('')).toBe('Fallback');
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../notebooks/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const stated = /^title: (.+)$/m.exec(text)![1]!;
      expect(title(text), file).toBe(stated);
      // Without front matter the heading gives the same title.
      expect(title(text.replace(/^---\n[\s\S]*?\n---\n/, '')), file).toBe(stated);
    }
  });
});
