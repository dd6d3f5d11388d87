import { chiSquareSf } from './distributions.js';

/**
 * Pearson's chi-square test of independence on an r × c table of counts: used to ask whether the
 * mix of segments or contexts differs between experiment arms (the set-up for Simpson's paradox).
 * Rows or columns that are all zero are dropped, as they carry no information.
 */

export interface Independence {
  chi2: number;
  dof: number;
  pValue: number;
}

/**
 * @example
 * chiSquareIndependence([[10, 20], [20, 10]]); // → { chi2: 6.666…, dof: 1, pValue: 0.0098… }
 */
export function chiSquareIndependence(counts: readonly (readonly number[])[]): Independence {
  const rows = counts.filter((r) => r.reduce((a, b) => a + b, 0) > 0);
  const width = rows[0]?.length ?? 0;
  const keepCols = [...Array(width).keys()].filter((j) => rows.some((r) => r[j]! > 0));
  const table = rows.map((r) => keepCols.map((j) => r[j]!));
  const rowSums = table.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = keepCols.map((_, j) => table.reduce((a, r) => a + r[j]!, 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  const dof = (table.length - 1) * (keepCols.length - 1);
  if (dof < 1) return { chi2: 0, dof: 0, pValue: 1 };
  let chi2 = 0;
  table.forEach((r, i) =>
    r.forEach((o, j) => {
      const e = (rowSums[i]! * colSums[j]!) / total;
      chi2 += (o - e) ** 2 / e;
    }),
  );
  return { chi2, dof, pValue: chiSquareSf(chi2, dof) };
}
