import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import { numberColumn, requireRows, stringColumn } from '../columns.js';
import { optionalColumn } from '../stats/roles.js';
import { groupIndices } from '../stats/versus-control.js';
import type { FairnessParams } from './params.js';
import { columnName, defaultColumn } from '../column.js';
import { fairnessParams } from './params.js';

export interface ExposureRow {
  item_group: string;
  catalogue_items: number;
  catalogue_share: number;
  exposures: number;
  exposure_share: number;
  /** exposure_share / catalogue_share: 1 is parity, below 1 under-exposed. */
  exposure_ratio: number;
  /** Share of position-weighted exposure, weight 1/log2(1 + rank) (the DCG discount). */
  weighted_exposure_share: number;
}

/**
 * Exposure of item groups in each user's top k against their share of the catalogue. Items
 * recommended but absent from `items` count in the group "(not in items)".
 *
 * @example
 * exposure(recommended, items, fairnessParams.parse({ k: 5 }));
 */
export function exposure(recommended: ColumnTable, items: ColumnTable, p: FairnessParams): { rows: ExposureRow[]; unknown: number; users: number } {
  requireRows(recommended, 'recommended');
  requireRows(items, 'items');
  const users = stringColumn(recommended, 'recommended', columnName(fairnessParams, p, 'user'), 'user');
  const recItems = stringColumn(recommended, 'recommended', columnName(fairnessParams, p, 'item'), 'item');
  const rankCol = optionalColumn(recommended, 'recommended', 'rank', p.rank, defaultColumn(fairnessParams, 'rank'));
  const ranks = rankCol ? numberColumn(recommended, 'recommended', rankCol, 'rank') : null;
  const catItems = stringColumn(items, 'items', columnName(fairnessParams, p, 'item'), 'item');
  const catGroups = stringColumn(items, 'items', columnName(fairnessParams, p, 'item_group'), 'item_group');
  const groupOf = new Map<string, string>();
  catItems.forEach((item, i) => {
    const g = groupOf.get(item);
    if (g !== undefined && g !== catGroups[i]) throw new RecipeInputError(`items lists item "${item}" twice with different groups ("${g}" and "${catGroups[i]}"); give each item one group.`);
    groupOf.set(item, catGroups[i]!);
  });
  const counts = new Map<string, { n: number; w: number }>();
  let unknown = 0;
  const byUser = groupIndices(users);
  for (const rows of byUser.values()) {
    const ordered = ranks ? [...rows].sort((a, b) => ranks[a]! - ranks[b]!) : rows;
    ordered.slice(0, p.k).forEach((r, position) => {
      const group = groupOf.get(recItems[r]!) ?? '(not in items)';
      if (group === '(not in items)') unknown++;
      const rank = ranks ? ranks[r]! : position + 1;
      const c = counts.get(group) ?? { n: 0, w: 0 };
      c.n++;
      c.w += 1 / Math.log2(1 + Math.max(1, rank));
      counts.set(group, c);
    });
  }
  const catalogue = new Map<string, number>();
  for (const g of groupOf.values()) catalogue.set(g, (catalogue.get(g) ?? 0) + 1);
  const totalN = [...counts.values()].reduce((s, c) => s + c.n, 0);
  const totalW = [...counts.values()].reduce((s, c) => s + c.w, 0);
  const groups = [...new Set([...catalogue.keys(), ...counts.keys()])].sort();
  const rows = groups.map((g) => {
    const c = counts.get(g) ?? { n: 0, w: 0 };
    const catalogueShare = (catalogue.get(g) ?? 0) / groupOf.size;
    const share = c.n / totalN;
    return {
      item_group: g, catalogue_items: catalogue.get(g) ?? 0, catalogue_share: catalogueShare,
      exposures: c.n, exposure_share: share, exposure_ratio: catalogueShare > 0 ? share / catalogueShare : NaN,
      weighted_exposure_share: c.w / totalW,
    };
  });
  return { rows, unknown, users: byUser.size };
}
