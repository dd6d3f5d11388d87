/**
 * A cell-level diff of two versions of a notebook: which cells, prose blocks and front matter
 * were added, removed, changed or moved — what a reviewer or the conflict dialog shows.
 */
import { alignBlocks, layoutOf, sameContent, type KeyedBlock, type Registry } from './diff-blocks.js';

/** What happened to one block between two versions. */
export interface CellChange {
  /** The cell's id, a prose key (`prose:start`, `prose:after:<cellId>`, `#2`… when shared) or `front-matter`. */
  key: string;
  kind: 'cell' | 'prose' | 'front-matter';
  status: 'added' | 'removed' | 'changed' | 'moved' | 'unchanged';
  /** The block's text in `before` (a cell's fences included); absent when added. */
  before?: string;
  /** The block's text in `after`; absent when removed. */
  after?: string;
}

/**
 * Keys of a longest common subsequence of `a` and `b` (lists of distinct keys). The common head
 * and tail are trimmed first: versions of a notebook mostly agree, so the table stays small.
 */
function commonOrder(a: string[], b: string[]): Set<string> {
  const out = new Set<string>();
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) out.add(a[head++]);
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) out.add(a[a.length - 1 - tail++]);
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const cols = y.length + 1;
  const table = new Uint32Array((x.length + 1) * cols);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      table[i * cols + j] = x[i] === y[j] ? table[(i + 1) * cols + j + 1] + 1 : Math.max(table[(i + 1) * cols + j], table[i * cols + j + 1]);
    }
  }
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      out.add(x[i]);
      i++;
      j++;
    } else if (table[(i + 1) * cols + j] >= table[i * cols + j + 1]) i++;
    else j++;
  }
  return out;
}

/**
 * Compares two notebook texts block by block, in `after`'s order, each removed block placed
 * after the block that preceded it in `before`. A block whose content is unchanged but whose
 * place among the surviving blocks changed is `moved`. Changes of blank lines around blocks,
 * of line endings and of a block's final line break do not count. A prose block that kept its
 * text while its anchor changed (a cell was inserted above it) keeps its `before` key.
 *
 * @example
 * diffNotebooks('```js id=a\n1\n```\n', '```js id=a\n2\n```\n\n```js id=b\n3\n```\n').map((c) => `${c.key} ${c.status}`);
 * // → ['a changed', 'b added']
 */
export function diffNotebooks(before: string, after: string): CellChange[] {
  const registry: Registry = { entries: new Map() };
  const old = alignBlocks(registry, layoutOf(before).blocks);
  const now = alignBlocks(registry, layoutOf(after).blocks);
  const oldByKey = new Map(old.map((b) => [b.key, b]));
  const nowKeys = new Set(now.map((b) => b.key));
  const kept = commonOrder(old.filter((b) => nowKeys.has(b.key)).map((b) => b.key), now.filter((b) => oldByKey.has(b.key)).map((b) => b.key));

  // Removed blocks follow the nearest block before them in `before` that is still there.
  const removedAfter = new Map<string | null, KeyedBlock[]>();
  let anchor: string | null = null;
  for (const block of old) {
    if (nowKeys.has(block.key)) anchor = block.key;
    else removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), block]);
  }
  const removed = (key: string | null): CellChange[] =>
    (removedAfter.get(key) ?? []).map((b) => ({ key: b.key, kind: b.kind, status: 'removed', before: b.text }));

  const out = removed(null);
  for (const block of now) {
    const was = oldByKey.get(block.key);
    if (!was) out.push({ key: block.key, kind: block.kind, status: 'added', after: block.text });
    else {
      const status = !sameContent(block.kind, was.text, block.text) ? 'changed' : kept.has(block.key) ? 'unchanged' : 'moved';
      out.push({ key: block.key, kind: block.kind, status, before: was.text, after: block.text });
    }
    out.push(...removed(block.key));
  }
  return out;
}
