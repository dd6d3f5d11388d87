import { describe, expect, it } from 'vitest';
import { cellSources, parseNotebook, serializeNotebook } from './format.js';
import { updateCellCode } from './edit.js';
import type { CellBlock } from './types.js';

const roundTrips = (text: string) => expect(serializeNotebook(parseNotebook(text))).toBe(text);

const EXAMPLE = `---
title: Did personalization work?
params:
  seed: { type: number, default: 42, description: Generator seed }
  since: 2024-01-01
---
# Orders

Some prose with a code example that is not a cell:

\`\`\`js
const notACell = 1
\`\`\`

\`\`\`js id=orders
const orders = await load('orders')
\`\`\`

~~~~ts id=c1 recipe=lift collapsed title="my lift"
const r: number = 1
\`\`\`
nested fence above is code
~~~~
Closing words.
`;

describe('parseNotebook', () => {
  it('reads front matter, prose and cells with their attributes', () => {
    const doc = parseNotebook(EXAMPLE);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.frontMatter?.title).toBe('Did personalization work?');
    expect(doc.frontMatter?.params.seed).toEqual({ name: 'seed', type: 'number', default: 42, description: 'Generator seed' });
    expect(doc.frontMatter?.params.since.default).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(doc.blocks.map((b) => `${b.kind}:${b.id}`)).toEqual(['prose:md-0', 'cell:orders', 'prose:md-1', 'cell:c1', 'prose:md-2']);
    const c1 = doc.blocks[3] as CellBlock;
    expect(c1).toMatchObject({ lang: 'ts', attrs: { recipe: 'lift', collapsed: true, title: 'my lift' } });
    expect(c1.code).toBe('const r: number = 1\n```\nnested fence above is code');
    expect(c1.line).toBe(20);
    expect(cellSources(doc)[0]).toEqual({ id: 'orders', lang: 'js', code: "const orders = await load('orders')" });
  });

  it('treats fenced blocks without id=, or in another language, as prose', () => {
    const doc = parseNotebook('```js\nx\n```\n```python id=p\ny\n```\n');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['prose']);
  });

  it('ignores cell-looking fences inside a prose code example', () => {
    const doc = parseNotebook('````md\n```js id=a\nx\n```\n````\n');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['prose']);
  });

  it('strips the opening fence indentation from an indented cell', () => {
    const doc = parseNotebook('  ```js id=a\n  const x = 1\n    y\n  ```\n');
    expect((doc.blocks[0] as CellBlock).code).toBe('const x = 1\n  y');
  });

  it('runs an unterminated cell to the end of the file', () => {
    const doc = parseNotebook('```js id=a\nconst x = 1\n');
    expect((doc.blocks[0] as CellBlock).code).toBe('const x = 1');
  });

  it('reports broken YAML, bad params and duplicate ids as diagnostics, not exceptions', () => {
    const doc = parseNotebook('---\ntitle: [oops\n---\n```js id=a\n1\n```\n```js id=a\n2\n```\n');
    expect(doc.diagnostics.map((d) => d.message).join('\n')).toMatch(/not valid YAML[\s\S]*"a" is used twice/);
    const bad = parseNotebook('---\nparams:\n  n: { type: number, default: abc }\n  t: { type: color }\n---\n');
    expect(bad.diagnostics.map((d) => d.message)).toEqual([
      'parameter "n" expects a number, got "abc"',
      'parameter "t": type must be one of number, string, boolean, date, json, got "color"',
    ]);
  });

  it('reports a would-be cell with an invalid id', () => {
    expect(parseNotebook('x\n```js id=a.b\n1\n```\n').diagnostics).toEqual([
      { message: 'this block looks like a cell but its id is not valid: use letters, digits, - or _ (it is read as prose)', line: 2 },
    ]);
  });

  it('needs a closing --- for front matter', () => {
    const doc = parseNotebook('---\ntitle: x\n');
    expect(doc.frontMatter).toBeNull();
  });
});

describe('serializeNotebook', () => {
  it.each([
    ['the example', EXAMPLE],
    ['empty', ''],
    ['CRLF', EXAMPLE.replace(/\n/g, '\r\n')],
    ['CR only', EXAMPLE.replace(/\n/g, '\r')],
    ['no final newline', '# hi\n\n```js id=a\nx\n```'],
    ['unterminated fence', '```js id=a\nx\n\n# still code'],
    ['front matter only', '---\n---'],
    ['BOM front matter', '\uFEFF---\ntitle: x\n...\nbody'],
    ['broken front matter', '---\n: : :\n---\n'],
    ['odd markdown', '   ```js id=a   \n\t\n    ```\n> ```js id=b\n- ```\n```` ``\n~~~ ~~~\n'],
    ['blank lines only', '\n\n\r\n'],
  ])('is lossless for %s', (_name, text) => roundTrips(text));

  it('re-renders an edited cell with a fence longer than any fence inside its code', () => {
    const doc = updateCellCode(parseNotebook('```js id=a\nx\n```\n'), 'a', 'const md = `\n````\n`');
    const text = serializeNotebook(doc);
    expect(text).toBe('`````js id=a\nconst md = `\n````\n`\n`````\n');
    expect((parseNotebook(text).blocks[0] as CellBlock).code).toBe('const md = `\n````\n`');
  });

  it('keeps the file line ending and fence character when re-rendering', () => {
    const doc = updateCellCode(parseNotebook('~~~ts id=a\r\nx\r\n~~~\r\n'), 'a', 'y\nz');
    expect(serializeNotebook(doc)).toBe('~~~ts id=a\r\ny\r\nz\r\n~~~\r\n');
  });

  it('re-renders a cell whose fields were changed in place', () => {
    const doc = parseNotebook('```js id=a\nx\n```\n');
    (doc.blocks[0] as CellBlock).code = 'y';
    expect(serializeNotebook(doc)).toBe('```js id=a\ny\n```\n');
  });
});

/** A small seeded generator (mulberry32) so the property test is reproducible. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '# Title', '', 'plain prose', '---', '...', 'title: x', 'params:', '  a: 1', '  b: {type: date, default: 2024-02-30}',
  '```', '```js', '```js id=a', '```ts id=b collapsed', '~~~js id=c x="y z"', '````js id=d', '   ```js id=e',
  '    ```js id=f', '```js id=', '```js id=a', '~~~', '~~~~', '````', '```py id=g', 'const x = 1', 'x + y',
  '`````', '```` ```', '\t```', '  ~~~  ', 'const s = `\n```\n`', '> quote', '- item', '<div>', 'ü ☃ 𝄞',
];
const EOLS = ['\n', '\r\n', '\r'];

describe('parse → serialize (property)', () => {
  it('is lossless for 3,000 strings of random characters drawn from the syntax\'s own', () => {
    const random = rng(99);
    const alphabet = ['`', '`', '`', '~', '~', '-', '-', '-', '.', ' ', ' ', '\n', '\n', '\r', '\r\n', 'js', 'ts', ' id=', 'a', ':', '"', '\t', '\uFEFF', 'é'];
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(serializeNotebook(parseNotebook(text)), JSON.stringify(text)).toBe(text);
    }
  });

  it('is byte-for-byte lossless for 2,000 generated documents, and edits re-parse to what was set', () => {
    const random = rng(20240601);
    const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    for (let n = 0; n < 2000; n++) {
      const lines = Array.from({ length: Math.floor(random() * 14) }, () => pick(PIECES));
      const eol = pick(EOLS);
      let text = lines.map((l) => l + (random() < 0.1 ? pick(EOLS) : eol)).join('');
      if (random() < 0.3) text = text.replace(/(\r\n|\r|\n)$/, '');
      const doc = parseNotebook(text);
      expect(serializeNotebook(doc), JSON.stringify(text)).toBe(text);
      // An unclosed leading `---` would be closed by a `---` line put into a cell: not an edit round trip.
      const openFrontMatter = doc.frontMatter === null && /^---[ \t]*(\r|\n|$)/.test(text);
      for (const cell of doc.blocks.filter((b): b is CellBlock => b.kind === 'cell' && !openFrontMatter)) {
        const code = Array.from({ length: Math.floor(random() * 4) }, () => pick(PIECES)).join('\n');
        const edited = parseNotebook(serializeNotebook(updateCellCode(doc, cell.id, code)));
        const again = edited.blocks.find((b): b is CellBlock => b.kind === 'cell' && b.id === cell.id);
        expect(again?.code.replace(/\r\n?/g, '\n'), JSON.stringify({ text, code })).toBe(code);
      }
    }
  });
});
