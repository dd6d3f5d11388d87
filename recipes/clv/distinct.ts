/**
 * Rows of aligned numeric columns grouped by their values, the way the CLV fits and valuations
 * use them: many customers share a history (whole days on a calendar), so the likelihoods and the
 * 2F1 series run once per distinct row. Nested maps on the numbers, not text keys: formatting
 * half a million doubles as text costs more than the work it saves.
 */

export interface DistinctRows {
  /** Index of each row's group, in order of first appearance. */
  index: Int32Array;
  /** The first row of each group. */
  first: number[];
}

/**
 * Groups the rows of `columns` (all the same length) by equal values (NaN equals NaN, as in a Map).
 *
 * @example
 * distinctRows([[1, 1, 0], [2, 2, 0]]); // → { index: Int32Array [0, 0, 1], first: [0, 2] }
 */
export function distinctRows(columns: ArrayLike<number>[]): DistinctRows {
  const n = columns[0]?.length ?? 0;
  const index = new Int32Array(n);
  const first: number[] = [];
  const last = columns.length - 1;
  const root = new Map<number, unknown>();
  for (let i = 0; i < n; i++) {
    let map = root;
    for (let c = 0; c < last; c++) {
      const v = columns[c]![i]!;
      let next = map.get(v) as Map<number, unknown> | undefined;
      if (!next) map.set(v, (next = new Map()));
      map = next;
    }
    const v = columns[last]![i]!;
    let k = map.get(v) as number | undefined;
    if (k === undefined) {
      k = first.length;
      map.set(v, k);
      first.push(i);
    }
    index[i] = k;
  }
  return { index, first };
}
