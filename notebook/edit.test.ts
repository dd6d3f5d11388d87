import { describe, expect, it } from 'vitest';
import { parseNotebook, serializeNotebook } from './format.js';
import {
  deleteCell, insertCell, insertProse, moveCell, newCellId, setCellAttrs, setParams, setProse, setTitle, updateCellCode,
} from './edit.js';
import { rng } from './test-fixtures/rng.js';

const TEXT = '# Intro\n\n```js id=a\nconst x = 1\n```\n\nMiddle text.\n\n```js id=b\nx + 1\n```\n';
const doc = parseNotebook(TEXT);
const text = (d: typeof doc) => serializeNotebook(d);

describe('editing helpers', () => {
  it('insert a cell after another, separated by blank lines, without touching the input', () => {
    const next = insertCell(doc, { id: 'c', code: 'const y = 2' }, { after: 'a' });
    expect(text(next)).toBe('# Intro\n\n```js id=a\nconst x = 1\n```\n\n```js id=c\nconst y = 2\n```\n\nMiddle text.\n\n```js id=b\nx + 1\n```\n');
    expect(text(doc)).toBe(TEXT);
  });

  it('insert a cell before a cell, at the end and into an empty notebook', () => {
    expect(text(insertCell(doc, { id: 'c', lang: 'ts', code: 'y' }, { before: 'b' }))).toContain('Middle text.\n\n```ts id=c\ny\n```\n\n```js id=b');
    expect(text(insertCell(doc, { id: 'c', code: 'y' }))).toBe(TEXT + '\n```js id=c\ny\n```\n');
    expect(text(insertCell(parseNotebook(''), { id: 'c', code: 'y' }))).toBe('```js id=c\ny\n```\n');
  });

  it('refuse a duplicate id and generate unique short ids', () => {
    expect(() => insertCell(doc, { id: 'a', code: '' })).toThrow(/already exists/);
    const values = [0, 0, 0.5];
    const id = newCellId(insertCell(doc, { id: 'c00000', code: '' }), () => values.shift() ?? 0.7);
    expect(id).toBe('ci0000');
    expect(newCellId(doc)).toMatch(/^c[0-9a-z]{5}$/);
  });

  it('delete a cell and the blank line before it', () => {
    expect(text(deleteCell(doc, 'a'))).toBe('# Intro\n\nMiddle text.\n\n```js id=b\nx + 1\n```\n');
    expect(text(deleteCell(doc, 'b'))).toBe('# Intro\n\n```js id=a\nconst x = 1\n```\n\nMiddle text.\n');
  });

  it('move a cell before or after another block', () => {
    expect(text(moveCell(doc, 'b', { before: 'a' }))).toBe('# Intro\n\n```js id=b\nx + 1\n```\n\n```js id=a\nconst x = 1\n```\n\nMiddle text.\n');
    const moved = moveCell(doc, 'a', { after: 'b' });
    expect(moved.blocks.filter((b) => b.kind === 'cell').map((b) => b.id)).toEqual(['b', 'a']);
    expect(text(moved)).toBe('# Intro\n\nMiddle text.\n\n```js id=b\nx + 1\n```\n\n```js id=a\nconst x = 1\n```\n');
    expect(text(moveCell(doc, 'a', { after: 'md-1' }))).toContain('Middle text.\n\n```js id=a');
  });

  it('update code, attributes and prose', () => {
    expect(text(updateCellCode(doc, 'b', 'x * 2'))).toContain('```js id=b\nx * 2\n```');
    expect(text(setCellAttrs(doc, 'a', { collapsed: true, recipe: 'lift' }))).toContain('```js id=a collapsed recipe=lift\n');
    expect(text(setProse(doc, 'md-1', 'New *middle*.'))).toBe(TEXT.replace('Middle text.', 'New *middle*.'));
    expect(text(insertProse(doc, '## End', { after: 'b' }))).toBe(TEXT + '\n## End\n');
    expect(() => updateCellCode(doc, 'md-0', 'x')).toThrow(/prose block, not a cell/);
    expect(() => updateCellCode(doc, 'zz', 'x')).toThrow(/no block with id "zz"/);
  });

  it('set params and title, keeping other front matter and comments', () => {
    const withFm = parseNotebook('---\n# keep me\nauthor: Sarah\n---\n' + TEXT);
    const next = setParams(withFm, { seed: { type: 'number', default: 7 }, since: { type: 'date', default: new Date('2024-01-01T00:00:00Z') } });
    expect(text(next)).toBe('---\n# keep me\nauthor: Sarah\nparams:\n  seed:\n    type: number\n    default: 7\n  since:\n    type: date\n    default: 2024-01-01\n---\n' + TEXT);
    expect(next.frontMatter?.params.since.default).toEqual(new Date('2024-01-01T00:00:00Z'));
    const titled = setTitle(doc, 'Lift');
    expect(text(titled)).toBe('---\ntitle: Lift\n---\n\n' + TEXT);
    expect(titled.blocks.find((b) => b.id === 'a')).toMatchObject({ line: 8 });
  });
});


/** Block ids after putting `id` before/after `anchor` (or at the end). */
function placed(ids: string[], id: string, where: { before?: string; after?: string }): string[] {
  const out = ids.slice();
  const at = where.before !== undefined ? out.indexOf(where.before) : where.after !== undefined ? out.indexOf(where.after) + 1 : out.length;
  out.splice(at, 0, id);
  return out;
}

describe('editing helpers (property)', () => {
  it('keep cells, their order and code exactly as a simple model says, over 1,400 random edits', () => {
    const random = rng(7);
    const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const codes = ['const a = 1', 'x + 1', '```\nfence inside\n```', '', 'line\n\nwith blank', '~~~~'];
    for (const eol of ['\n', '\r\n']) {
      let doc = parseNotebook(TEXT.replace(/\n/g, eol));
      let model: { id: string; code: string }[] = [{ id: 'a', code: 'const x = 1' }, { id: 'b', code: 'x + 1' }];
      for (let step = 0; step < 700; step++) {
        const ids = model.map((c) => c.id);
        const anchors = doc.blocks.map((b) => b.id);
        const op = ids.length === 0 ? 0 : Math.floor(random() * 5);
        if (op === 0) {
          const id = newCellId(doc, random);
          const code = pick(codes);
          const anchor = anchors.length ? pick(anchors) : undefined;
          const where = anchor === undefined ? {} : random() < 0.5 ? { before: anchor } : { after: anchor };
          doc = insertCell(doc, { id, code }, where);
          model = placed(anchors, id, where).flatMap((bid) => (bid === id ? [{ id, code }] : model.filter((c) => c.id === bid)));
        } else if (op === 1) {
          const id = pick(ids);
          doc = deleteCell(doc, id);
          model = model.filter((c) => c.id !== id);
        } else if (op === 2) {
          const id = pick(ids);
          const code = pick(codes);
          doc = updateCellCode(doc, id, code);
          model = model.map((c) => (c.id === id ? { id, code } : c));
        } else if (op === 3) {
          const id = pick(ids);
          const anchor = pick(anchors);
          const where = random() < 0.5 ? { before: anchor } : { after: anchor };
          doc = moveCell(doc, id, where);
          const moved = model.find((c) => c.id === id)!;
          const order = anchor === id ? anchors : placed(anchors.filter((bid) => bid !== id), id, where);
          model = order.flatMap((bid) => (bid === id ? [moved] : model.filter((c) => c.id === bid)));
        } else {
          const prose = doc.blocks.filter((b) => b.kind === 'prose');
          if (prose.length) doc = setProse(doc, pick(prose).id, pick(['# T', 'text *x*', 'a\n\nb']));
          else doc = insertProse(doc, 'new prose', {});
        }
        const reparsed = parseNotebook(serializeNotebook(doc));
        const cells = reparsed.blocks.flatMap((b) => (b.kind === 'cell' ? [{ id: b.id, code: b.code.replace(/\r\n/g, '\n') }] : []));
        expect(cells, `step ${step}, op ${op}`).toEqual(model);
        expect(reparsed.diagnostics).toEqual([]);
      }
    }
  });
});
