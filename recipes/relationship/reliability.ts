import { finiteOrNull } from '../format.js';
import { cronbachAlpha } from '../stats/cronbach.js';
import type { GroupRow } from './group-scores.js';
import type { Responses } from './responses.js';
import { completeTrust } from './scores.js';

/**
 * Cronbach's alpha of the trust items over all responses, the `items` table (each item's mean,
 * item-rest correlation and alpha if deleted), and each group's alpha written into its 'all' row
 * (null for groups of two answers or fewer).
 *
 * @example
 * trustReliability(responses, groups, rows).alpha; // → 0.82
 */
export function trustReliability(r: Responses, groups: Map<string, number[]>, rows: GroupRow[]): { alpha: number | null; items: Record<string, unknown>[] } {
  const all = cronbachAlpha(completeTrust(r, [...Array(r.n).keys()]), r.trustItems);
  for (const row of rows) {
    if (row.period !== 'all') continue;
    const idx = groups.get(row.group)!;
    row.cronbach_alpha = idx.length > 2 ? finiteOrNull(cronbachAlpha(completeTrust(r, idx), r.trustItems).alpha) : null;
  }
  return {
    alpha: finiteOrNull(all.alpha),
    items: all.items.map((i) => ({ item: i.item, mean: i.mean, item_rest_correlation: i.itemRestCorrelation, alpha_if_deleted: i.alphaIfDeleted })),
  };
}
