import { RecipeInputError } from '../errors.js';
import { sampleVariance } from './moments.js';

/**
 * Cronbach's alpha of a multi-item scale: α = k/(k−1)·(1 − Σ var(item)/var(total)), sample
 * variances (n − 1), rows with every item answered (listwise). It measures whether the items move
 * together enough to be summed into one index; ≥ 0.7 is the usual bar for "acceptable".
 */

export interface ItemStats {
  item: string;
  mean: number;
  /** Correlation of the item with the sum of the other items (corrected item–total). */
  itemRestCorrelation: number;
  /** α of the scale without this item (NaN when only two items would leave one). */
  alphaIfDeleted: number;
}

function alphaOf(rows: number[][], cols: number[]): number {
  const k = cols.length;
  const n = rows.length;
  let itemVar = 0;
  for (const j of cols) {
    let s = 0;
    let ss = 0;
    for (const r of rows) {
      s += r[j]!;
      ss += r[j]! * r[j]!;
    }
    itemVar += sampleVariance(n, s, ss);
  }
  let s = 0;
  let ss = 0;
  for (const r of rows) {
    const t = cols.reduce((acc, j) => acc + r[j]!, 0);
    s += t;
    ss += t * t;
  }
  const totalVar = sampleVariance(n, s, ss);
  return totalVar > 0 ? (k / (k - 1)) * (1 - itemVar / totalVar) : NaN;
}

function correlation(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((x, y) => x + y, 0) / n;
  const mb = b.reduce((x, y) => x + y, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

/**
 * α and per-item diagnostics. `rows` are complete answers, one array of item scores per respondent.
 * Refuses fewer than two items: α of one item is undefined, and a single question is not a scale.
 *
 * @example
 * cronbachAlpha([[1, 2], [2, 3], [4, 4]], ['t1', 't2']).alpha; // → 0.947…
 */
export function cronbachAlpha(rows: number[][], items: readonly string[]): { alpha: number; n: number; items: ItemStats[] } {
  if (items.length < 2) {
    throw new RecipeInputError(
      `A multi-item scale needs at least two item columns for Cronbach's alpha (got ${items.length}: ${items.map((i) => `"${i}"`).join(', ') || 'none'}). Name two or more item columns, e.g. --param trust='["trust_1","trust_2","trust_3"]'.`,
    );
  }
  const all = items.map((_, j) => j);
  const alpha = rows.length > 1 ? alphaOf(rows, all) : NaN;
  const stats = items.map((item, j): ItemStats => {
    const rest = all.filter((c) => c !== j);
    const values = rows.map((r) => r[j]!);
    return {
      item,
      mean: values.reduce((a, b) => a + b, 0) / values.length,
      itemRestCorrelation: correlation(values, rows.map((r) => rest.reduce((acc, c) => acc + r[c]!, 0))),
      alphaIfDeleted: rest.length >= 2 && rows.length > 1 ? alphaOf(rows, rest) : NaN,
    };
  });
  return { alpha, n: rows.length, items: stats };
}
