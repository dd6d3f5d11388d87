import type { Journey } from './journeys.js';

export type Handoff = { from: string; to: string; count: number; share: number };

/**
 * Channel → next channel counts over consecutive touches of every journey (repeats on the same
 * channel included, on the diagonal); share is of all handoffs leaving `from`, so each row of
 * the matrix sums to 1.
 *
 * @example
 * handoffMatrix([{ touches: [{ channel: 'a', personalized: false, offer: null }, { channel: 'b', personalized: false, offer: null }], converted: null }]);
 * // → [{ from: 'a', to: 'b', count: 1, share: 1 }]
 */
export function handoffMatrix(journeys: readonly Journey[]): Handoff[] {
  const counts = new Map<string, Map<string, number>>();
  for (const j of journeys) {
    for (let i = 1; i < j.touches.length; i++) {
      const from = j.touches[i - 1]!.channel;
      const to = j.touches[i]!.channel;
      const row = counts.get(from) ?? new Map<string, number>();
      row.set(to, (row.get(to) ?? 0) + 1);
      counts.set(from, row);
    }
  }
  return [...counts].sort((a, b) => a[0].localeCompare(b[0])).flatMap(([from, row]) => {
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    return [...row].sort((a, b) => a[0].localeCompare(b[0])).map(([to, count]) => ({ from, to, count, share: count / total }));
  });
}
