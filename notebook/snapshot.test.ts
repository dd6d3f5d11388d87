import { describe, expect, it } from 'vitest';
import { parseNotebook } from './format.js';
import { deleteCell, insertCell, updateCellCode } from './edit.js';
import { cellHash, createSnapshot, hashText, isFresh, staleCells } from './snapshot.js';

describe('hashText', () => {
  it('is FNV-1a 64 (the reference implementation\'s published test vectors)', () => {
    expect(hashText('')).toBe('cbf29ce484222325');
    expect(hashText('a')).toBe('af63dc4c8601ec8c');
    expect(hashText('foobar')).toBe('85944171f73967e8');
  });

  it('hashes UTF-8 bytes', () => {
    // Independently: FNV-1a 64 over the two UTF-8 bytes of "é" (c3 a9), computed in Python.
    expect(hashText('é')).toBe('0ac21707b7181e01');
  });
});

const doc = parseNotebook('---\nparams:\n  seed: 1\n---\n```js id=a\nconst x = seed\n```\n\n```js id=b\nx + 1\n```\n\n```js id=c\n"alone"\n```\n');
const outcomes = {
  a: { status: 'done' as const, ms: 3, value: { kind: 'json' as const, json: 1 } },
  b: { status: 'done' as const, ms: 1, value: { kind: 'json' as const, json: 2 } },
  c: { status: 'error' as const, error: { message: 'boom', line: 1 } },
};

describe('snapshots', () => {
  it('stamp each cell with its code hash, status, timing and value summary', () => {
    const snapshot = createSnapshot(doc, outcomes, { params: { seed: 1, since: new Date(0) }, createdAt: new Date(0) });
    expect(snapshot).toEqual({
      version: 1,
      createdAt: '1970-01-01T00:00:00.000Z',
      params: { seed: 1, since: '1970-01-01T00:00:00.000Z' },
      cells: {
        a: { hash: cellHash({ id: 'a', lang: 'js', code: 'const x = seed' }), status: 'done', ms: 3, summary: { kind: 'json', json: 1 } },
        b: { hash: cellHash({ id: 'b', lang: 'js', code: 'x + 1' }), status: 'done', ms: 1, summary: { kind: 'json', json: 2 } },
        c: { hash: expect.any(String), status: 'error', error: { message: 'boom', line: 1 } },
      },
    });
  });

  it('are fresh until a cell changes; a changed cell makes its dependents stale too', () => {
    const snapshot = createSnapshot(doc, outcomes, { params: { seed: 1 } });
    expect(isFresh(snapshot, doc)).toBe(true);
    expect(isFresh(snapshot, doc, { seed: 1 })).toBe(true);
    expect(isFresh(snapshot, doc, { seed: 2 })).toBe(false);
    const edited = updateCellCode(doc, 'a', 'const x = seed * 2');
    expect(isFresh(snapshot, edited)).toBe(false);
    expect(staleCells(snapshot, edited)).toEqual(['a', 'b']);
    expect(staleCells(snapshot, insertCell(doc, { id: 'd', code: 'x' }))).toEqual(['d']);
    expect(isFresh(snapshot, deleteCell(doc, 'c'))).toBe(false);
  });

  it('ignore line-ending differences between checkouts', () => {
    const snapshot = createSnapshot(doc, outcomes);
    const crlf = parseNotebook('```js id=a\r\nconst x = seed\r\n```\r\n');
    expect(snapshot.cells.a.hash).toBe(cellHash(crlf.blocks[0] as never));
  });
});
