/**
 * Rows of aligned numeric columns grouped by their values, the way the CLV fits and valuations
 * use them: many customers share a history (whole days on a calendar), so the likelihoods and the
 * 2F1 series run once per distinct row. An open-addressing hash table on the values' bits, not
 * text keys or nested Maps: formatting half a million doubles as text, or a Map per prefix, costs
 * more than the work it saves.
 */

export interface DistinctRows {
  /** Index of each row's group, in order of first appearance. */
  index: Int32Array;
  /** The first row of each group. */
  first: number[];
}

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** A hash of a double's bits, with −0 as 0 and every NaN as one NaN, as a Map's SameValueZero has them. */
function hashValue(h: number, v: number): number {
  bits[0] = v === 0 ? 0 : v === v ? v : NaN;
  h = Math.imul(h ^ words[0]!, 0x9e3779b1);
  h = Math.imul(h ^ words[1]!, 0x85ebca77);
  return h ^ (h >>> 15);
}

function sameValueZero(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/** The hash table: slots of (hash, group + 1), 0 for empty, and each group's values side by side. */
interface Table {
  mask: number;
  slots: Int32Array;
  keys: Float64Array;
  first: number[];
}

/** Doubles the table (its slots and its room for keys), re-placing the groups by their stored hashes. */
function grow(t: Table, width: number): void {
  const old = t.slots;
  const mask = 2 * t.mask + 1;
  const slots = new Int32Array(2 * (mask + 1));
  for (let o = 1; o < old.length; o += 2) {
    if (old[o] === 0) continue;
    let s = old[o - 1]! & mask;
    while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
    slots[2 * s] = old[o - 1]!;
    slots[2 * s + 1] = old[o]!;
  }
  const keys = new Float64Array(((mask + 1) / 2) * width);
  keys.set(t.keys);
  t.mask = mask;
  t.slots = slots;
  t.keys = keys;
}

/**
 * Groups rows from `start` on until the table is half full; returns the row it stopped at. Growing
 * happens outside this loop: inside it, the rarely taken path had no type feedback when the loop
 * was optimised, and the loop deoptimised at each growth.
 */
function insert(columns: ArrayLike<number>[], start: number, t: Table, index: Int32Array): number {
  const n = index.length;
  const width = columns.length;
  const { mask, slots, keys, first } = t;
  const full = (mask + 1) / 2;
  const row = new Float64Array(width);
  for (let i = start; i < n; i++) {
    if (first.length >= full) return i;
    let h = 0x2545f491;
    for (let c = 0; c < width; c++) {
      const v = columns[c]![i]!;
      row[c] = v;
      h = hashValue(h, v);
    }
    let slot = h & mask;
    let k = -1;
    for (;;) {
      const s = slots[2 * slot + 1]!;
      if (s === 0) break;
      if (slots[2 * slot] === h) {
        const at = (s - 1) * width;
        let same = true;
        for (let c = 0; c < width && same; c++) same = sameValueZero(row[c]!, keys[at + c]!);
        if (same) {
          k = s - 1;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (k < 0) {
      k = first.length;
      first.push(i);
      for (let c = 0; c < width; c++) keys[k * width + c] = row[c]!;
      slots[2 * slot] = h;
      slots[2 * slot + 1] = k + 1;
    }
    index[i] = k;
  }
  return n;
}

/**
 * Groups the rows of `columns` (all the same length) by equal values (NaN equals NaN and −0
 * equals 0, as in a Map).
 *
 * @example
 * distinctRows([[1, 1, 0], [2, 2, 0]]); // → { index: Int32Array [0, 0, 1], first: [0, 2] }
 */
export function distinctRows(columns: ArrayLike<number>[]): DistinctRows {
  const n = columns[0]?.length ?? 0;
  const width = columns.length;
  const index = new Int32Array(n);
  // A lookup touches two places in memory (the slot, the group's keys): on large inputs they are
  // cache misses. Small to start, so few distinct values stay in cache.
  const t: Table = { mask: 255, slots: new Int32Array(512), keys: new Float64Array(128 * width), first: [] };
  for (let i = insert(columns, 0, t, index); i < n; i = insert(columns, i, t, index)) grow(t, width);
  return { index, first: t.first };
}
