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
 * Keys of a longest common subsequence of `a` and `b`, two orders of the same distinct keys. For
 * distinct keys the LCS is the longest increasing run of `a`-positions read in `b`'s order
 * (patience sorting: O(n log n)), so a hostile 12,000-cell reorder costs milliseconds, not a
 * quadratic table.
 */
function commonOrder(a: string[], b: string[]): Set<string> {
  const position = new Map(a.map((key, i) => [key, i]));
  const seq = b.map((key) => position.get(key)!);
  // tails[k]: index in seq of the smallest last value of an increasing run of length k + 1.
  const tails: number[] = [];
  const previous = new Int32Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out = new Set<string>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) out.add(b[i]!);
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
    else {
      const list = removedAfter.get(anchor);
      if (list) list.push(block);
      else removedAfter.set(anchor, [block]);
    }
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
