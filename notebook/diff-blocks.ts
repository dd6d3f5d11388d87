/**
 * What diff and merge compare: a notebook as a list of keyed blocks (front matter, cells by id,
 * prose by the cell it follows) plus the whitespace between them, and a registry that gives a
 * block the same key in every version even when a prose block's anchor changed.
 */
import { parseNotebook } from './format.js';

export type BlockKind = 'cell' | 'prose' | 'front-matter';

/** One block of one version; `text` is its exact source (a cell's fences included). */
export interface KeyedBlock {
  key: string;
  kind: BlockKind;
  text: string;
}

/**
 * A version's blocks and `seps`: the whitespace-only text before each block and after the last
 * (`seps.length === blocks.length + 1`), so that joining them gives the text back.
 */
export interface Layout {
  blocks: KeyedBlock[];
  seps: string[];
}

/** Stand-ins for the start and the end of the file in separator lookups. */
export const START = '\u0000start';
export const END = '\u0000end';

const FRONT_MATTER = 'front-matter';

/**
 * A notebook text as keyed blocks. Whitespace-only prose (the blank line between two cells) is
 * a separator, not a block: otherwise inserting a cell would show up as added prose.
 *
 * @example
 * layoutOf('# Hi\n\n```js id=a\n1\n```\n').blocks.map((b) => b.key); // → ['prose:start', 'a']
 */
export function layoutOf(text: string): Layout {
  const doc = parseNotebook(text);
  // Reserved even without front matter: a cell may be called `front-matter` and must not take it.
  const used = new Set([FRONT_MATTER]);
  // The next suffix per key: a notebook with thousands of cells of one id stays linear.
  const next = new Map<string, number>();
  const unique = (key: string) => {
    let n = next.get(key) ?? 2;
    let candidate = key;
    while (used.has(candidate)) candidate = `${key}#${n++}`;
    next.set(key, n);
    used.add(candidate);
    return candidate;
  };
  const blocks: KeyedBlock[] = [];
  const seps: string[] = [];
  if (doc.frontMatter) {
    blocks.push({ key: FRONT_MATTER, kind: 'front-matter', text: doc.frontMatter.raw });
    seps.push('');
  }
  let pending = '';
  let anchor = 'prose:start';
  for (const block of doc.blocks) {
    if (block.kind === 'prose' && /^\s*$/.test(block.text)) {
      pending += block.text;
      continue;
    }
    seps.push(pending);
    pending = '';
    if (block.kind === 'cell') {
      blocks.push({ key: unique(block.id), kind: 'cell', text: block.raw });
      anchor = `prose:after:${block.id}`;
    } else {
      blocks.push({ key: unique(anchor), kind: 'prose', text: block.text });
    }
  }
  seps.push(pending);
  return { blocks, seps };
}

/**
 * The text that counts as a block's content: line endings, the blank lines around prose and a
 * block's final line break do not (deleting a cell trims the blank line of the prose above it).
 */
function normalize(kind: BlockKind, text: string): string {
  const lf = text.replace(/\r\n?/g, '\n');
  return kind === 'prose' ? lf.trim() : lf.replace(/\n$/, '');
}

/**
 * Whether two versions of a block say the same thing (`undefined` = absent).
 *
 * @example
 * sameContent('prose', '\nText.\n\n', 'Text.\n'); // → true
 */
export function sameContent(kind: BlockKind, a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a === b || normalize(kind, a) === normalize(kind, b);
}

/** Every block seen so far across versions, by key, with the text it was first seen with. */
export interface Registry {
  entries: Map<string, { kind: BlockKind; text: string }>;
}

/**
 * Gives a version's blocks their keys in the registry, adding the blocks it has not seen.
 * Cells and front matter keep their keys. A prose block pairs, in this order of preference, with
 * the entry of the same key and content, then with any entry of the same content (its anchor
 * changed, e.g. a cell was inserted above it), then with the entry of the same key (it was
 * edited in place); otherwise it is new (`#n` appended when its key is taken).
 *
 * @example
 * const registry = { entries: new Map() };
 * alignBlocks(registry, layoutOf('Text.\n\n```js id=a\n1\n```\n').blocks);
 * alignBlocks(registry, layoutOf('```js id=b\n2\n```\n\nText.\n').blocks).map((b) => b.key);
 * // → ['b', 'prose:start']
 */
export function alignBlocks(registry: Registry, blocks: KeyedBlock[]): KeyedBlock[] {
  const keys: (string | undefined)[] = blocks.map((b) => (b.kind === 'prose' ? undefined : b.key));
  const claimed = new Set<string>();
  const free = (key: string) => registry.entries.get(key)?.kind === 'prose' && !claimed.has(key);
  // Prose keys by content, with a cursor past the ones already claimed: thousands of identical
  // prose blocks must not make matching quadratic.
  const byContent = new Map<string, { keys: string[]; has: Set<string>; cursor: number }>();
  for (const [key, entry] of registry.entries) {
    if (entry.kind !== 'prose') continue;
    const text = normalize('prose', entry.text);
    const group = byContent.get(text);
    if (group) {
      group.keys.push(key);
      group.has.add(key);
    } else byContent.set(text, { keys: [key], has: new Set([key]), cursor: 0 });
  }
  const content = blocks.map((b) => (b.kind === 'prose' ? normalize('prose', b.text) : ''));
  const pass = (match: (block: KeyedBlock, content: string) => string | undefined) => {
    blocks.forEach((block, i) => {
      if (block.kind !== 'prose' || keys[i] !== undefined) return;
      const key = match(block, content[i]);
      if (key !== undefined) {
        keys[i] = key;
        claimed.add(key);
      }
    });
  };
  pass((block, text) => (free(block.key) && byContent.get(text)?.has.has(block.key) ? block.key : undefined));
  pass((_, text) => {
    const group = byContent.get(text);
    if (!group) return undefined;
    // Claimed keys never become free again, so the cursor only moves forward.
    while (group.cursor < group.keys.length && !free(group.keys[group.cursor]!)) group.cursor++;
    return group.keys[group.cursor];
  });
  pass((block) => (free(block.key) ? block.key : undefined));
  const nextSuffix = new Map<string, number>();
  return blocks.map((block, i) => {
    let key = keys[i];
    if (key === undefined) {
      const stem = block.key.replace(/#\d+$/, '');
      let n = nextSuffix.get(stem) ?? 2;
      key = stem;
      while (registry.entries.has(key)) key = `${stem}#${n++}`;
      nextSuffix.set(stem, n);
    }
    if (!registry.entries.has(key)) registry.entries.set(key, { kind: block.kind, text: block.text });
    return { ...block, key };
  });
}

const FINAL_BREAK = /(?:\r\n|\r|\n)$/;

/**
 * A block's text without its final line break: that break belongs to the gap after the block,
 * so that a block taken from a version where it ended the file without one still gets it back.
 *
 * @example
 * withoutFinalBreak('```js id=a\n1\n```\n'); // → '```js id=a\n1\n```'
 */
export function withoutFinalBreak(text: string): string {
  return text.replace(FINAL_BREAK, '');
}

/**
 * The gap between each pair of neighbouring blocks of a version — the first block's final line
 * break and the whitespace after it — by `pairKey(a, b)` (the file's start and end are `START`
 * and `END`).
 *
 * @example
 * const layout = layoutOf('```js id=a\n1\n```\n\n```js id=b\n2\n```\n');
 * gaps(layout, layout.blocks).get(pairKey('a', 'b')); // → '\n\n'
 */
export function gaps(layout: Layout, aligned: KeyedBlock[]): Map<string, string> {
  const keys = [START, ...aligned.map((b) => b.key), END];
  const out = new Map<string, string>();
  for (let i = 0; i < layout.seps.length; i++) {
    const finalBreak = i === 0 ? '' : FINAL_BREAK.exec(aligned[i - 1].text)?.[0] ?? '';
    out.set(pairKey(keys[i], keys[i + 1]), finalBreak + layout.seps[i]);
  }
  return out;
}

/**
 * The lookup key of two neighbouring blocks.
 *
 * @example
 * pairKey('a', 'b'); // → 'a\u0000b'
 */
export function pairKey(a: string, b: string): string {
  return `${a}\u0000${b}`;
}
