/**
 * Putting a merged notebook together: the order of the chosen blocks and the whitespace between
 * them, taken from a version where the same two blocks are neighbours so that a merge that
 * changes nothing on one side gives the other side back byte for byte.
 */
import { END, START, pairKey, withoutFinalBreak, type KeyedBlock } from './diff-blocks.js';
import { closesFence, openingFence } from './fence.js';
import { lineContent, splitLines } from './lines.js';

/**
 * The merged order of the kept keys: `skeleton`'s order, with each block only `other` has put
 * right after its nearest preceding kept block in `other` (at the start, after any front
 * matter, when there is none).
 *
 * @example
 * mergeOrder(() => true, ['a', 'b', 'y'], ['a', 'x', 'b']); // → ['a', 'x', 'b', 'y']
 */
export function mergeOrder(keep: (key: string) => boolean, skeleton: string[], other: string[]): string[] {
  const out = skeleton.filter(keep);
  const placed = new Set(out);
  let previous: string | null = null;
  for (const key of other) {
    if (!keep(key)) continue;
    if (!placed.has(key)) {
      const start = key !== 'front-matter' && out[0] === 'front-matter' ? 1 : 0;
      out.splice(previous === null ? start : out.indexOf(previous) + 1, 0, key);
      placed.add(key);
    }
    previous = key;
  }
  return out;
}

/** The gaps between blocks in each version (see `gaps`); `prefer` wins when both sides changed one. */
export interface GapSources {
  base: Map<string, string>;
  mine: Map<string, string>;
  theirs: Map<string, string>;
  prefer: 'mine' | 'theirs';
  eol: string;
}

/** Three-way choice of the gap between two blocks (a changed blank line is an edit too). */
function gapFor(a: string, b: string, sources: GapSources): string | undefined {
  const key = pairKey(a, b);
  const base = sources.base.get(key);
  const mine = sources.mine.get(key);
  const theirs = sources.theirs.get(key);
  if (mine === undefined || theirs === undefined) return theirs ?? mine ?? base;
  if (mine === base) return theirs;
  if (theirs === base) return mine;
  return sources.prefer === 'mine' ? mine : theirs;
}

/** A line break and a blank line between blocks no version had side by side, as the editing helpers leave them. */
function defaultGap(previous: string, next: string, eol: string): string {
  const blankBefore = /\n$/.test(previous.replace(/\r\n?/g, '\n')) ? 1 : 0;
  const blankAfter = /^(\r\n|\r|\n)/.test(next) ? 1 : 0;
  return eol.repeat(Math.max(1, 2 - blankBefore - blankAfter));
}

/** A cell cut off by the end of its file gets a closing fence when something now follows it. */
function closeFence(text: string, eol: string): string {
  const lines = splitLines(text);
  const fence = openingFence(lineContent(lines[0] ?? ''));
  if (!fence || (lines.length > 1 && closesFence(lineContent(lines[lines.length - 1]), fence))) return text;
  return text + (/[\r\n]$/.test(text) ? '' : eol) + ' '.repeat(fence.indent) + fence.char.repeat(fence.length) + eol;
}

/**
 * The merged text: the blocks in order, joined by the gaps their versions had between them (or
 * a blank line), every block starting on a line of its own.
 *
 * @example
 * const cell = (id: string, text: string) => ({ key: id, kind: 'cell' as const, text });
 * assemble([cell('a', '```js id=a\n1\n```'), cell('b', '```js id=b\n2\n```\n')],
 *   { base: new Map(), mine: new Map(), theirs: new Map(), prefer: 'theirs', eol: '\n' });
 * // → '```js id=a\n1\n```\n\n```js id=b\n2\n```\n'
 */
export function assemble(blocks: KeyedBlock[], sources: GapSources): string {
  let out = '';
  let previous = { key: START, body: '' };
  blocks.forEach((block, i) => {
    const last = i === blocks.length - 1;
    const body = withoutFinalBreak(block.kind === 'cell' && !last ? closeFence(block.text, sources.eol) : block.text);
    let gap = gapFor(previous.key, block.key, sources);
    if (i === 0) gap ??= '';
    else if (gap === undefined || !/[\r\n]/.test(gap)) gap = defaultGap(previous.body, body, sources.eol);
    out += gap + body;
    previous = { key: block.key, body };
  });
  return out + (gapFor(previous.key, END, sources) ?? (blocks.length > 0 ? sources.eol : ''));
}
