/**
 * A three-way, cell-level merge of two saves of the same notebook version (the server refused
 * the second save with 412): each block is taken from whichever side changed it, and blocks
 * both sides changed differently are conflicts for the analyst to settle.
 */
import { alignBlocks, gaps, layoutOf, sameContent, type BlockKind, type KeyedBlock, type Registry } from './diff-blocks.js';
import { assemble, mergeOrder } from './merge-order.js';
import { detectEol } from './lines.js';

/** A block both sides changed differently; an absent text means that side deleted it (or, for `base`, that it is new). */
export interface MergeConflict {
  key: string;
  kind: 'cell' | 'prose' | 'front-matter';
  base?: string;
  mine?: string;
  theirs?: string;
}

export interface MergeResult {
  /** The merged notebook text; an unresolved conflict keeps `mine`'s version of the block. */
  source: string;
  /** Unresolved conflicts, in the merged document's order. */
  conflicts: MergeConflict[];
  /** Keys whose content was taken from theirs while differing from mine (deletions included). */
  fromTheirs: string[];
}

type Side = 'mine' | 'theirs';

/** Which side's version of a block wins, or null for a conflict. */
function decide(kind: BlockKind, base?: string, mine?: string, theirs?: string): Side | null {
  // Exact comparisons first: a side left untouched must give the other side's bytes back.
  if (mine === theirs || theirs === base) return 'mine';
  if (mine === base) return 'theirs';
  if (sameContent(kind, mine, theirs) || sameContent(kind, theirs, base)) return 'mine';
  if (sameContent(kind, mine, base)) return 'theirs';
  return null;
}

/** Whether a version lists the blocks it shares with base in another order than base. */
function reordered(base: KeyedBlock[], side: KeyedBlock[]): boolean {
  const inBase = new Set(base.map((b) => b.key));
  const shared = side.map((b) => b.key).filter((k) => inBase.has(k));
  const inSide = new Set(shared);
  return shared.join('\u0000') !== base.map((b) => b.key).filter((k) => inSide.has(k)).join('\u0000');
}

/**
 * Merges `mine` and `theirs`, two edits of `base`, block by block (cells by id, prose by the cell
 * it follows, the front matter as one block): a block changed on one side only takes that
 * change, the same change on both sides is taken once, a block deleted on one side and
 * untouched on the other is deleted, and anything else is a conflict — kept as `mine` unless
 * `resolutions[key]` picks a side (a side without the block drops it). Blocks follow theirs'
 * order (mine's when only mine reordered), each block only the other side has placed right
 * after its nearest preceding surviving block there. With nothing in conflict and one side
 * unchanged, `source` is the other side byte for byte.
 *
 * @example
 * const base = '```js id=a\n1\n```\n\n```js id=b\n2\n```\n';
 * const mine = base.replace('1', 'one');
 * const theirs = base.replace('2', 'two');
 * mergeNotebooks(base, mine, theirs);
 * // → { source: '```js id=a\none\n```\n\n```js id=b\ntwo\n```\n', conflicts: [], fromTheirs: ['b'] }
 */
export function mergeNotebooks(
  base: string,
  mine: string,
  theirs: string,
  resolutions: Record<string, 'mine' | 'theirs'> = {},
): MergeResult {
  const registry: Registry = { entries: new Map() };
  const layouts = { base: layoutOf(base), mine: layoutOf(mine), theirs: layoutOf(theirs) };
  const aligned = {
    base: alignBlocks(registry, layouts.base.blocks),
    mine: alignBlocks(registry, layouts.mine.blocks),
    theirs: alignBlocks(registry, layouts.theirs.blocks),
  };
  const texts = (blocks: KeyedBlock[]) => new Map(blocks.map((b) => [b.key, b.text]));
  const [inBase, inMine, inTheirs] = [texts(aligned.base), texts(aligned.mine), texts(aligned.theirs)];

  const chosen = new Map<string, KeyedBlock>();
  const conflicts = new Map<string, MergeConflict>();
  const fromTheirs = new Set<string>();
  for (const [key, { kind }] of registry.entries) {
    const [b, m, t] = [inBase.get(key), inMine.get(key), inTheirs.get(key)];
    let side = decide(kind, b, m, t);
    if (side === null) {
      const resolution = resolutions[key];
      if (resolution === 'mine' || resolution === 'theirs') side = resolution;
      else {
        conflicts.set(key, { key, kind, ...(b !== undefined && { base: b }), ...(m !== undefined && { mine: m }), ...(t !== undefined && { theirs: t }) });
        side = 'mine';
      }
    }
    const text = side === 'mine' ? m : t;
    if (side === 'theirs' && !sameContent(kind, m, t)) fromTheirs.add(key);
    if (text !== undefined) chosen.set(key, { key, kind, text });
  }

  const prefer: Side = reordered(aligned.base, aligned.theirs) || !reordered(aligned.base, aligned.mine) ? 'theirs' : 'mine';
  const other: Side = prefer === 'theirs' ? 'mine' : 'theirs';
  const keys = (side: Side) => aligned[side].map((b) => b.key);
  const order = mergeOrder((key) => chosen.has(key), keys(prefer), keys(other));
  // Conflicts and updates are listed where they sit, deleted blocks where they were.
  const position = new Map(mergeOrder(() => true, keys(prefer), keys(other)).map((key, i) => [key, i]));
  const listed = (set: Iterable<string>) => [...set].sort((x, y) => position.get(x)! - position.get(y)!);

  const source = assemble(order.map((key) => chosen.get(key)!), {
    base: gaps(layouts.base, aligned.base),
    mine: gaps(layouts.mine, aligned.mine),
    theirs: gaps(layouts.theirs, aligned.theirs),
    prefer,
    eol: detectEol(prefer === 'theirs' ? theirs : mine),
  });
  return { source, conflicts: listed(conflicts.keys()).map((key) => conflicts.get(key)!), fromTheirs: listed(fromTheirs) };
}
