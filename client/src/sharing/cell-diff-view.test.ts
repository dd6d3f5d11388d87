import { describe, expect, it } from 'vitest';
import { label } from './cell-diff-view.js';

describe('label', () => {
  it('names cells by id, prose by its first line, and the front matter', () => {
    expect(label({ key: 'lift', kind: 'cell' })).toBe('cell lift');
    expect(label({ key: 'p1', kind: 'prose' }, '\n# Results\nmore')).toBe('text “# Results”');
    expect(label({ key: 'p1', kind: 'prose' })).toBe('text');
    expect(label({ key: 'front-matter', kind: 'front-matter' })).toBe('front matter');
  });

  it('shortens a long first line', () => {
    expect(label({ key: 'p', kind: 'prose' }, 'x'.repeat(100))).toBe(`text “${'x'.repeat(57)}…”`);
  });
});
