import { describe, expect, it } from 'vitest';
import { deleteCell, insertCell, insertProse, moveCell, newCellId, setCellAttrs, setProse, setTitle, updateCellCode } from './edit.js';
import { cellsOf, parseNotebook, serializeNotebook } from './format.js';
import { mergeNotebooks } from './merge.js';
import type { NotebookDoc } from './types.js';
import { rng } from './test-fixtures/rng.js';

const BASE = '---\ntitle: Lift\n---\n# Intro\n\n```js id=a\nconst x = 1\n```\n\nMiddle text.\n\n```js id=b\nx + 1\n```\n\n```js id=c\nx * 2\n```\n';
const doc = parseNotebook(BASE);
const edit = (...fs: ((d: NotebookDoc) => NotebookDoc)[]) => serializeNotebook(fs.reduce((d, f) => f(d), doc));

/** The merged notebook's cells as `id: code`, after checking that it parses cleanly. */
function cells(source: string): string[] {
  const parsed = parseNotebook(source);
  expect(parsed.diagnostics).toEqual([]);
  return cellsOf(parsed).map((c) => `${c.id}: ${c.code}`);
}

describe('mergeNotebooks', () => {
  it('gives base back when neither side changed anything', () => {
    expect(mergeNotebooks(BASE, BASE, BASE)).toEqual({ source: BASE, conflicts: [], fromTheirs: [] });
  });

  it('keeps an edit of one cell on each side, without conflict', () => {
    const mine = edit((d) => updateCellCode(d, 'a', 'const x = 10'));
    const theirs = edit((d) => updateCellCode(d, 'c', 'x * 3'));
    const merged = mergeNotebooks(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.source).toBe(BASE.replace('const x = 1\n', 'const x = 10\n').replace('x * 2', 'x * 3'));
    expect(merged.fromTheirs).toEqual(['c']);
  });

  it('reports a cell both sides edited differently as a conflict, keeping mine until resolved', () => {
    const mine = edit((d) => updateCellCode(d, 'b', 'x + 100'));
    const theirs = edit((d) => updateCellCode(d, 'b', 'x + 200'));
    const merged = mergeNotebooks(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([{
      key: 'b', kind: 'cell', base: '```js id=b\nx + 1\n```\n', mine: '```js id=b\nx + 100\n```\n', theirs: '```js id=b\nx + 200\n```\n',
    }]);
    expect(merged.source).toBe(mine);
    expect(merged.fromTheirs).toEqual([]);
  });

  it('takes the side a resolution picks for a conflict', () => {
    const mine = edit((d) => updateCellCode(d, 'b', 'x + 100'), (d) => updateCellCode(d, 'a', 'const x = 5'));
    const theirs = edit((d) => updateCellCode(d, 'b', 'x + 200'));
    const keepMine = mergeNotebooks(BASE, mine, theirs, { b: 'mine' });
    expect(keepMine).toEqual({ source: mine, conflicts: [], fromTheirs: [] });
    const takeTheirs = mergeNotebooks(BASE, mine, theirs, { b: 'theirs' });
    expect(takeTheirs.conflicts).toEqual([]);
    expect(takeTheirs.fromTheirs).toEqual(['b']);
    expect(cells(takeTheirs.source)).toEqual(['a: const x = 5', 'b: x + 200', 'c: x * 2']);
  });

  it('counts an attribute change as an edit of the cell', () => {
    const mine = edit((d) => setCellAttrs(d, 'c', { collapsed: true }));
    const theirs = edit((d) => setCellAttrs(d, 'c', { recipe: 'lift' }));
    expect(mergeNotebooks(BASE, mine, BASE).source).toContain('```js id=c collapsed\n');
    expect(mergeNotebooks(BASE, mine, theirs).conflicts.map((c) => c.key)).toEqual(['c']);
  });

  it('keeps a cell added on each side, each after the cell it followed', () => {
    const mine = edit((d) => insertCell(d, { id: 'm', code: 'mine' }, { after: 'a' }));
    const theirs = edit((d) => insertCell(d, { id: 't', code: 'theirs' }, { after: 'b' }));
    const merged = mergeNotebooks(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(cells(merged.source)).toEqual(['a: const x = 1', 'm: mine', 'b: x + 1', 't: theirs', 'c: x * 2']);
    expect(merged.source).toBe(
      '---\ntitle: Lift\n---\n# Intro\n\n```js id=a\nconst x = 1\n```\n\n```js id=m\nmine\n```\n\nMiddle text.\n\n' +
        '```js id=b\nx + 1\n```\n\n```js id=t\ntheirs\n```\n\n```js id=c\nx * 2\n```\n',
    );
    expect(merged.fromTheirs).toEqual(['t']);
  });

  it('puts both sides\' cells appended at the end mine first, and treats the same new cell on both sides as one', () => {
    const mine = edit((d) => insertCell(d, { id: 'm', code: 'mine' }));
    const theirs = edit((d) => insertCell(d, { id: 't', code: 'theirs' }));
    expect(cells(mergeNotebooks(BASE, mine, theirs).source).slice(-2)).toEqual(['m: mine', 't: theirs']);
    const same = edit((d) => insertCell(d, { id: 'n', code: 'same' }));
    expect(mergeNotebooks(BASE, same, same)).toEqual({ source: same, conflicts: [], fromTheirs: [] });
  });

  it('reports a new cell with the same id but different code on each side as a conflict without base', () => {
    const mine = edit((d) => insertCell(d, { id: 'n', code: 'one' }));
    const theirs = edit((d) => insertCell(d, { id: 'n', code: 'two' }));
    const merged = mergeNotebooks(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([{ key: 'n', kind: 'cell', mine: '```js id=n\none\n```\n', theirs: '```js id=n\ntwo\n```\n' }]);
    expect(cells(merged.source).at(-1)).toBe('n: one');
  });

  it('deletes a cell one side deleted and the other left alone', () => {
    const mine = edit((d) => deleteCell(d, 'b'));
    const theirs = edit((d) => updateCellCode(d, 'a', 'const x = 3'));
    const merged = mergeNotebooks(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(cells(merged.source)).toEqual(['a: const x = 3', 'c: x * 2']);
    const theirsDeleted = mergeNotebooks(BASE, theirs, mine);
    expect(cells(theirsDeleted.source)).toEqual(['a: const x = 3', 'c: x * 2']);
    expect(theirsDeleted.fromTheirs).toEqual(['b']);
  });

  it('reports a cell deleted on one side and edited on the other as a conflict', () => {
    const mine = edit((d) => updateCellCode(d, 'b', 'x + 5'));
    const theirs = edit((d) => deleteCell(d, 'b'));
    const merged = mergeNotebooks(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([{ key: 'b', kind: 'cell', base: '```js id=b\nx + 1\n```\n', mine: '```js id=b\nx + 5\n```\n' }]);
    expect(cells(merged.source)).toEqual(['a: const x = 1', 'b: x + 5', 'c: x * 2']);
    const dropped = mergeNotebooks(BASE, mine, theirs, { b: 'theirs' });
    expect(cells(dropped.source)).toEqual(['a: const x = 1', 'c: x * 2']);
    expect(dropped.fromTheirs).toEqual(['b']);
    const reversed = mergeNotebooks(BASE, theirs, mine);
    expect(reversed.conflicts.map((c) => [c.key, c.mine, c.theirs !== undefined])).toEqual([['b', undefined, true]]);
    expect(cells(reversed.source)).toEqual(['a: const x = 1', 'c: x * 2']);
  });

  it('takes a title changed on one side, and reports titles changed differently as a front-matter conflict', () => {
    const theirs = edit((d) => setTitle(d, 'Lift, revisited'));
    const mine = edit((d) => updateCellCode(d, 'a', 'const x = 4'));
    const merged = mergeNotebooks(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.fromTheirs).toEqual(['front-matter']);
    expect(parseNotebook(merged.source).frontMatter?.title).toBe('Lift, revisited');
    expect(cells(merged.source)[0]).toBe('a: const x = 4');
    const clash = mergeNotebooks(BASE, edit((d) => setTitle(d, 'Mine')), theirs);
    expect(clash.conflicts.map((c) => c.key)).toEqual(['front-matter']);
    expect(parseNotebook(mergeNotebooks(BASE, edit((d) => setTitle(d, 'Mine')), theirs, { 'front-matter': 'theirs' }).source).frontMatter?.title)
      .toBe('Lift, revisited');
  });

  it('keeps a title added on one side first, before a cell the other side added at the top', () => {
    const bare = '```js id=a\n1\n```\n';
    const theirs = serializeNotebook(setTitle(parseNotebook(bare), 'New'));
    const mine = serializeNotebook(insertCell(parseNotebook(bare), { id: 'z', code: '0' }, { before: 'a' }));
    const merged = mergeNotebooks(bare, mine, theirs);
    expect(parseNotebook(merged.source).frontMatter?.title).toBe('New');
    expect(cells(merged.source)).toEqual(['z: 0', 'a: 1']);
  });

  it('merges prose edits like cell edits', () => {
    const mine = edit((d) => setProse(d, 'md-1', 'Middle, mine.'));
    const theirs = edit((d) => setProse(d, 'md-0', '# Intro, theirs'));
    const merged = mergeNotebooks(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.source).toBe(BASE.replace('Middle text.', 'Middle, mine.').replace('# Intro', '# Intro, theirs'));
    const clash = mergeNotebooks(BASE, mine, edit((d) => setProse(d, 'md-1', 'Middle, theirs.')));
    expect(clash.conflicts).toEqual([{ key: 'prose:after:a', kind: 'prose', base: '\nMiddle text.\n\n', mine: '\nMiddle, mine.\n\n', theirs: '\nMiddle, theirs.\n\n' }]);
  });

  it('keeps a prose edit when the other side inserted a cell above that prose or deleted the cell below it', () => {
    const theirs = edit((d) => setProse(d, 'md-1', 'Edited middle.'));
    const inserted = mergeNotebooks(BASE, edit((d) => insertCell(d, { id: 'n', code: 'new' }, { after: 'a' })), theirs);
    expect(inserted.conflicts).toEqual([]);
    expect(inserted.source).toContain('```js id=n\nnew\n```\n\nEdited middle.\n\n```js id=b');
    const deleted = mergeNotebooks(BASE, edit((d) => deleteCell(d, 'b')), theirs);
    expect(deleted.conflicts).toEqual([]);
    expect(deleted.source).toContain('Edited middle.');
    expect(cells(deleted.source)).toEqual(['a: const x = 1', 'c: x * 2']);
  });

  it('reports an edit of the prose below a cell the other side deleted as a conflict (deleting joined it to the prose above)', () => {
    const base = 'Above.\n\n```js id=a\n1\n```\n\nBelow.\n';
    const merged = mergeNotebooks(base, 'Above.\n\nBelow.\n', base.replace('Below.', 'Below, edited.'));
    expect(merged.conflicts).toEqual([{ key: 'prose:after:a', kind: 'prose', base: '\nBelow.\n', theirs: '\nBelow, edited.\n' }]);
    expect(merged.source).toBe('Above.\n\nBelow.\n');
  });

  it('does not let blank lines around prose or a dropped final line break conflict with an edit (the dropped break is kept)', () => {
    const mine = edit((d) => setProse(d, 'md-1', 'Edited middle.'), (d) => updateCellCode(d, 'c', 'x * 5'));
    const theirs = BASE.replace('Middle text.\n\n', 'Middle text.\n\n\n').replace(/\n$/, '');
    const expected = { source: mine.replace(/\n$/, ''), conflicts: [], fromTheirs: [] };
    expect(mergeNotebooks(BASE, mine, theirs)).toEqual(expected);
    expect(mergeNotebooks(BASE, theirs, mine)).toEqual({ ...expected, fromTheirs: ['prose:after:a', 'c'] });
  });

  it('starts every block on a line of its own, closing a cell that was cut off at the end of its file', () => {
    const base = '```js id=a\n1\n```\n';
    const appended = base + '\n```js id=t\n2\n```\n';
    expect(mergeNotebooks(base, base + '\n```js id=m\nunterminated', appended).source)
      .toBe('```js id=a\n1\n```\n\n```js id=m\nunterminated\n```\n\n```js id=t\n2\n```\n');
    expect(mergeNotebooks(base, base + '\nA note', appended).source).toBe('```js id=a\n1\n```\n\nA note\n\n```js id=t\n2\n```\n');
    expect(mergeNotebooks(base, '```js id=a\n1\n```', appended).source).toBe(appended);
  });

  it('keeps a move on one side and an edit of the moved cell on the other', () => {
    const mine = edit((d) => moveCell(d, 'c', { before: 'a' }));
    const theirs = edit((d) => updateCellCode(d, 'c', 'x * 9'), (d) => updateCellCode(d, 'a', 'const x = 2'));
    const merged = mergeNotebooks(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(cells(merged.source)).toEqual(['c: x * 9', 'a: const x = 2', 'b: x + 1']);
    expect(cells(mergeNotebooks(BASE, theirs, mine).source)).toEqual(['c: x * 9', 'a: const x = 2', 'b: x + 1']);
  });

  it('follows theirs\' order when both sides moved cells', () => {
    const mine = edit((d) => moveCell(d, 'c', { before: 'a' }));
    const theirs = edit((d) => moveCell(d, 'a', { after: 'c' }));
    const merged = mergeNotebooks(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(cells(merged.source)).toEqual(['b: x + 1', 'c: x * 2', 'a: const x = 1']);
  });

  it('takes identical edits on both sides once, without conflict', () => {
    const both = edit((d) => updateCellCode(d, 'b', 'x + 7'), (d) => setTitle(d, 'Same'));
    expect(mergeNotebooks(BASE, both, both)).toEqual({ source: both, conflicts: [], fromTheirs: [] });
    const alsoA = edit((d) => updateCellCode(d, 'b', 'x + 7'), (d) => updateCellCode(d, 'a', 'const x = 0'));
    const merged = mergeNotebooks(BASE, alsoA, edit((d) => updateCellCode(d, 'b', 'x + 7')));
    expect(merged).toEqual({ source: alsoA, conflicts: [], fromTheirs: [] });
  });

  it('lists conflicts in document order and ignores resolutions for keys that are not in conflict', () => {
    const mine = edit((d) => updateCellCode(d, 'c', 'm'), (d) => updateCellCode(d, 'a', 'm'));
    const theirs = edit((d) => updateCellCode(d, 'c', 't'), (d) => updateCellCode(d, 'a', 't'), (d) => updateCellCode(d, 'b', 't'));
    const merged = mergeNotebooks(BASE, mine, theirs, { b: 'mine' });
    expect(merged.conflicts.map((c) => c.key)).toEqual(['a', 'c']);
    expect(cells(merged.source)).toEqual(['a: m', 'b: t', 'c: m']);
  });

  it('gives the other side back byte for byte when one side is unchanged (property)', () => {
    const random = rng(11);
    const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const variants = [
      BASE.replace(/\n/g, '\r\n'),
      BASE.replace(/\n$/, ''),
      BASE.replace('```\n\n```js id=c', '```\n```js id=c'),
      BASE.replace('---\ntitle: Lift\n---\n', ''),
      '',
      '# Only prose\n',
      '```js id=c\nx * 2\n```\n\n\n```js id=a\nconst x = 1\n```\n\n\n',
      '```js id=a\nunterminated',
    ];
    let current = doc;
    for (let step = 0; step < 120; step++) {
      const ids = cellsOf(current).map((c) => c.id);
      const op = ids.length === 0 ? 0 : Math.floor(random() * 6);
      if (op === 0) current = insertCell(current, { id: newCellId(current, random), code: pick(['y', 'const z = 3', '']) }, ids.length ? { after: pick(ids) } : {});
      else if (op === 1) current = deleteCell(current, pick(ids));
      else if (op === 2) current = updateCellCode(current, pick(ids), pick(['a', 'b + 1', '```\nfence\n```']));
      else if (op === 3) current = moveCell(current, pick(ids), { before: pick(ids) });
      else if (op === 4) current = insertProse(current, pick(['More.', '## Heading']), { after: pick(ids) });
      else current = setTitle(current, pick(['One', 'Two']));
      variants.push(serializeNotebook(current));
    }
    for (const x of variants) {
      expect(mergeNotebooks(BASE, BASE, x)).toEqual({ source: x, conflicts: [], fromTheirs: expect.any(Array) });
      expect(mergeNotebooks(BASE, x, BASE)).toEqual({ source: x, conflicts: [], fromTheirs: [] });
      expect(mergeNotebooks(x, x, x).source).toBe(x);
    }
  });

  it('keeps every edit when the two sides edit and insert different cells (property)', () => {
    const random = rng(3);
    for (let round = 0; round < 40; round++) {
      const ids = cellsOf(doc).map((c) => c.id);
      const mineId = ids[Math.floor(random() * ids.length)];
      const theirsId = ids.filter((id) => id !== mineId)[Math.floor(random() * (ids.length - 1))];
      const mine = edit((d) => updateCellCode(d, mineId, `mine ${round}`), (d) => insertCell(d, { id: 'm', code: 'm' }, { after: ids[Math.floor(random() * ids.length)] }));
      const theirs = edit((d) => updateCellCode(d, theirsId, `theirs ${round}`), (d) => insertCell(d, { id: 't', code: 't' }, { before: ids[Math.floor(random() * ids.length)] }));
      const merged = mergeNotebooks(BASE, mine, theirs);
      expect(merged.conflicts).toEqual([]);
      const result = cells(merged.source);
      expect(result).toHaveLength(5);
      expect(result).toContain(`${mineId}: mine ${round}`);
      expect(result).toContain(`${theirsId}: theirs ${round}`);
      expect(result.filter((c) => /^[abc]:/.test(c)).map((c) => c[0])).toEqual(['a', 'b', 'c']);
    }
  });
});

