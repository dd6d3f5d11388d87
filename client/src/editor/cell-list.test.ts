// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { deleteCell, updateCellCode } from '../../../notebook/edit.js';
import { parseNotebook } from '../../../notebook/format.js';
import type { CellBlock } from '../../../notebook/types.js';
import type { CellUiState } from '../cells/cell-status.js';

// The real views bring Monaco; these stand-ins keep what the list tells them.
vi.mock('../cells/code-cell.js', () => ({
  CodeCellView: class {
    el = document.createElement('section');
    edited = false;
    state: CellUiState | undefined;
    disposed = false;
    constructor(private block: CellBlock) {
      this.el.className = 'cell code-cell';
    }
    code() {
      return this.block.code;
    }
    setBlock(block: CellBlock) {
      this.block = block;
    }
    setCode(code: string) {
      this.block = { ...this.block, code };
    }
    setEdited(on: boolean) {
      this.edited = on;
    }
    setState(state: CellUiState) {
      this.state = state;
    }
    dispose() {
      this.disposed = true;
    }
  },
}));
vi.mock('../cells/markdown-cell.js', () => ({
  markdownCell: (text: string) => Object.assign(document.createElement('section'), { className: 'cell markdown-cell', textContent: text.trim() }),
}));

// jsdom has no CSS.escape; the ids here need no escaping.
globalThis.CSS ??= { escape: (s: string) => s } as typeof CSS;
const { CellList } = await import('./cell-list.js');

const TEXT = '# Intro\n\n```js id=a\nconst a = 1\n```\n\n\n```js id=b\nconst b = a + 1\n```\n\nAfter.\n';
type Fake = { edited: boolean; state?: CellUiState; disposed: boolean; code(): string };
const hooks = () => ({ context: {} as never, addCell: vi.fn(), onProse: vi.fn(), onMove: vi.fn(), onDelete: vi.fn() });
const drawn = (list: InstanceType<typeof CellList>) => [...list.el.children].map((el) => (el as HTMLElement).dataset.block ?? (el.className === 'insert-bar' ? '+' : el.className));
const done = (id: string, value = 1): Parameters<InstanceType<typeof CellList>['receive']>[0] =>
  ({ type: 'cell-status', id, status: 'done', version: 1, ms: 2, value: { kind: 'number', text: String(value) }, defines: [id], references: [] }) as never;

describe('CellList', () => {
  it('draws every cell and every prose block with text, in order, with an insert bar between them', () => {
    const list = new CellList(hooks());
    const doc = parseNotebook(TEXT);
    list.render(doc, null);
    const prose = doc.blocks.filter((b) => b.kind === 'prose' && b.text.trim()).map((b) => b.id);
    expect(drawn(list)).toEqual(['+', prose[0], '+', 'a', '+', 'b', '+', prose[1], '+']);
    expect(list.blockEl('a')?.className).toContain('code-cell');
  });

  it('keeps a cell\'s view across redraws, and marks code edited since its last run', () => {
    const list = new CellList(hooks());
    let doc = parseNotebook(TEXT);
    list.render(doc, null);
    const view = list.views.get('a') as unknown as Fake;
    list.ran('a', 'const a = 1');
    doc = updateCellCode(doc, 'a', 'const a = 2');
    list.render(doc, null);
    expect(list.views.get('a')).toBe(view);
    expect(view.edited).toBe(true);
    expect(list.kernelSources(doc).find((c) => c.id === 'a')?.code).toBe('const a = 1');
    // A never-run cell gives the runtime its text as it is.
    expect(list.kernelSources(doc).find((c) => c.id === 'b')?.code).toBe('const b = a + 1');
  });

  it('brings a deleted cell back with its output when the deletion is undone, unless its code changed', () => {
    const list = new CellList(hooks());
    const doc = parseNotebook(TEXT);
    list.render(doc, null);
    list.receive(done('a', 7));
    const old = list.views.get('a') as unknown as Fake;
    list.render(deleteCell(doc, 'a'), null);
    expect(old.disposed).toBe(true);
    expect(list.states.has('a')).toBe(false);
    list.render(doc, null);
    expect((list.views.get('a') as unknown as Fake).state?.value).toEqual({ kind: 'number', text: '7' });
    list.render(deleteCell(doc, 'a'), null);
    list.render(updateCellCode(doc, 'a', 'const a = 3'), null);
    expect(list.states.has('a')).toBe(false);
  });

  it('takes statuses and displays of the current run only', () => {
    const list = new CellList(hooks());
    list.render(parseNotebook(TEXT), null);
    expect(list.receive(done('a'))).toBe(true);
    expect(list.definedNames()).toEqual(['a']);
    const display = { type: 'cell-display', id: 'a', version: 1, value: { kind: 'string', text: 'hi' } } as never;
    expect(list.receive(display)).toBe(false);
    expect(list.states.get('a')?.displays).toHaveLength(1);
    list.receive({ ...(display as object), version: 0 } as never);
    expect(list.states.get('a')?.displays).toHaveLength(1);
  });

  it('puts code that came from elsewhere into the editors, to run as it is now', () => {
    const list = new CellList(hooks());
    const doc = parseNotebook(TEXT);
    list.render(doc, null);
    list.ran('a', 'const a = 1');
    const before = doc.blocks.filter((b): b is CellBlock => b.kind === 'cell');
    const merged = updateCellCode(doc, 'a', 'const a = 40');
    list.replaced(before, merged);
    expect((list.views.get('a') as unknown as Fake).code()).toBe('const a = 40');
    expect(list.kernelSources(merged).find((c) => c.id === 'a')?.code).toBe('const a = 40');
  });
});
