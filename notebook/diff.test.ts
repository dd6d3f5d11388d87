import { describe, expect, it } from 'vitest';
import { diffNotebooks } from './diff.js';
import { deleteCell, insertCell, insertProse, moveCell, setCellAttrs, setProse, setTitle, updateCellCode } from './edit.js';
import { parseNotebook, serializeNotebook } from './format.js';
import type { NotebookDoc } from './types.js';

const BASE = '---\ntitle: Lift\n---\n# Intro\n\n```js id=a\nconst x = 1\n```\n\nMiddle text.\n\n```js id=b\nx + 1\n```\n\n```js id=c\nx * 2\n```\n';
const doc = parseNotebook(BASE);
const edit = (f: (d: NotebookDoc) => NotebookDoc) => serializeNotebook(f(doc));
const summary = (after: string, before = BASE) => diffNotebooks(before, after).map((c) => `${c.key} ${c.status}`);

describe('diffNotebooks', () => {
  it('keys cells by id, prose by the cell before it and the front matter as one block, all unchanged for the same text', () => {
    expect(summary(BASE)).toEqual([
      'front-matter unchanged', 'prose:start unchanged', 'a unchanged', 'prose:after:a unchanged', 'b unchanged', 'c unchanged',
    ]);
  });

  it('gives each block its exact text on both sides (a cell with its fences)', () => {
    const changes = diffNotebooks(BASE, edit((d) => updateCellCode(d, 'b', 'x + 2')));
    expect(changes.find((c) => c.key === 'b')).toEqual({
      key: 'b', kind: 'cell', status: 'changed', before: '```js id=b\nx + 1\n```\n', after: '```js id=b\nx + 2\n```\n',
    });
    expect(changes.find((c) => c.key === 'front-matter')).toMatchObject({ kind: 'front-matter', before: '---\ntitle: Lift\n---\n' });
    expect(changes.find((c) => c.key === 'prose:after:a')).toMatchObject({ kind: 'prose', before: '\nMiddle text.\n\n' });
  });

  it('counts an attribute change (collapsed, recipe=) as a change of the cell', () => {
    expect(summary(edit((d) => setCellAttrs(d, 'a', { collapsed: true })))).toContain('a changed');
  });

  it('reports an added cell in the order of after, without touching the prose it was inserted above', () => {
    expect(summary(edit((d) => insertCell(d, { id: 'n', code: 'new' }, { after: 'a' })))).toEqual([
      'front-matter unchanged', 'prose:start unchanged', 'a unchanged', 'n added', 'prose:after:a unchanged', 'b unchanged', 'c unchanged',
    ]);
    const added = diffNotebooks(BASE, edit((d) => insertCell(d, { id: 'n', code: 'new' }))).at(-1);
    expect(added).toEqual({ key: 'n', kind: 'cell', status: 'added', after: '```js id=n\nnew\n```\n' });
  });

  it('places a removed block where it was in before', () => {
    expect(summary(edit((d) => deleteCell(d, 'b')))).toEqual([
      'front-matter unchanged', 'prose:start unchanged', 'a unchanged', 'prose:after:a unchanged', 'b removed', 'c unchanged',
    ]);
    const removed = diffNotebooks(BASE, edit((d) => deleteCell(d, 'b'))).find((c) => c.status === 'removed');
    expect(removed).toEqual({ key: 'b', kind: 'cell', status: 'removed', before: '```js id=b\nx + 1\n```\n' });
  });

  it('reports a cell whose content is the same but whose place among the others changed as moved', () => {
    expect(summary(edit((d) => moveCell(d, 'c', { before: 'a' })))).toEqual([
      'front-matter unchanged', 'prose:start unchanged', 'c moved', 'a unchanged', 'prose:after:a unchanged', 'b unchanged',
    ]);
    expect(summary(edit((d) => updateCellCode(moveCell(d, 'c', { before: 'a' }), 'c', 'x * 3')))).toContain('c changed');
  });

  it('reports a changed title as a change of the front matter, and added or removed front matter', () => {
    expect(summary(edit((d) => setTitle(d, 'Lift, revisited')))).toContain('front-matter changed');
    const bare = BASE.replace('---\ntitle: Lift\n---\n', '');
    expect(summary(BASE, bare)[0]).toBe('front-matter added');
    expect(summary(bare)[0]).toBe('front-matter removed');
  });

  it('reports edited and new prose', () => {
    expect(summary(edit((d) => setProse(d, 'md-1', 'Better middle.')))).toContain('prose:after:a changed');
    expect(summary(edit((d) => insertProse(d, 'Closing words.', { after: 'c' })))).toContain('prose:after:c added');
  });

  it('ignores blank lines around blocks, line endings and a missing final line break', () => {
    const loose = BASE.replace('```\n\nMiddle', '```\n\n\nMiddle').replace('x + 1\n```\n\n', 'x + 1\n```\n\n\n').replace(/\n$/, '');
    expect(summary(loose).every((s) => s.endsWith('unchanged'))).toBe(true);
    expect(summary(BASE.replace(/\n/g, '\r\n')).every((s) => s.endsWith('unchanged'))).toBe(true);
  });

  it('keys a second prose block after the same cell with #2 and a cell named front-matter apart from the front matter', () => {
    const twice = '```js id=a\n1\n```\nOne.\n```js id=a\n2\n```\nTwo.\n```js id=front-matter\n3\n```\n';
    expect(diffNotebooks(twice, twice).map((c) => c.key)).toEqual(['a', 'prose:after:a', 'a#2', 'prose:after:a#2', 'front-matter#2']);
  });

  it('diffs empty notebooks', () => {
    expect(diffNotebooks('', '')).toEqual([]);
    expect(summary('# Just prose\n', '')).toEqual(['prose:start added']);
  });
});

describe('diffNotebooks on hostile sizes', () => {
  const cells = (ids: string[], prose = '') => ids.map((id) => `${prose}\`\`\`js id=${id}\nconst ${id} = 1\n\`\`\`\n`).join('\n');

  // The quadratic versions took 17 s and 73 s here on a shared 2-core machine; now about 2 s.
  const LIMIT_MS = 8000;

  it('diffs 12,000 cells in reverse order in a few seconds at most (no quadratic table)', () => {
    const ids = Array.from({ length: 12_000 }, (_, i) => `c${i}`);
    const started = performance.now();
    const changes = diffNotebooks(cells(ids), cells([...ids].reverse()));
    const big = performance.now() - started;
    expect(changes).toHaveLength(12_000);
    // Reversed, exactly one cell can keep its place among the others; all the rest moved.
    expect(changes.filter((c) => c.status === 'unchanged')).toHaveLength(1);
    expect(changes.filter((c) => c.status === 'moved')).toHaveLength(11_999);
    expect(big).toBeLessThan(LIMIT_MS);
  });

  it('stays fast with thousands of identical prose blocks and duplicate cell ids', () => {
    const text = (n: number) => Array.from({ length: n }, () => 'Same words.\n\n```js id=dup\n1\n```\n').join('\n');
    const started = performance.now();
    const changes = diffNotebooks(text(4000), 'New start.\n\n' + text(4000));
    const big = performance.now() - started;
    expect(changes.some((c) => c.status !== 'unchanged')).toBe(true);
    expect(big).toBeLessThan(LIMIT_MS);
  });

  it('keeps a longest run of cells in place, as an exhaustive LCS would', () => {
    // Independent check: a textbook O(n·m) LCS length on small random orders.
    const lcs = (a: string[], b: string[]) => {
      const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
      return t[0]![0]!;
    };
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 30; round++) {
      const a = Array.from({ length: 12 }, (_, i) => `k${i}`);
      const b = a.filter(() => random() > 0.2).sort(() => random() - 0.5);
      const kept = diffNotebooks(cells(a), cells(b)).filter((c) => c.status === 'unchanged').length;
      expect(kept).toBe(lcs(a.filter((k) => b.includes(k)), b));
    }
  });
});
