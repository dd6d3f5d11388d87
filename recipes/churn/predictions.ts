import type { ChurnData } from './dataset.js';

/**
 * The columns of the `predictions` table for the shown rows: customer, p_churn, the label and
 * BG/NBD P(alive) when known, which set the row was in, and the reasons.
 *
 * @example
 * aq.table(predictionColumns(data, scored.p, rows, { trained: true, test: new Set(split.test) }, reasons, 3));
 */
export function predictionColumns(
  data: ChurnData,
  p: ArrayLike<number>,
  rows: ArrayLike<number>,
  sets: { trained: boolean; test: Set<number> },
  reasons: string[][],
  reasonCount: number,
): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {
    customer: Array.from(rows, (i) => data.ids[i]),
    p_churn: Array.from(rows, (i) => p[i]),
  };
  if (data.y) columns.churned = Array.from(rows, (i) => data.y![i]);
  if (data.pAlive) columns.p_alive_bgnbd = Array.from(rows, (i) => data.pAlive![i]);
  columns.set = Array.from(rows, (i) => (!sets.trained ? 'scored' : sets.test.has(i) ? 'test' : 'train'));
  for (let r = 0; r < reasonCount; r++) columns[`reason_${r + 1}`] = reasons.map((row) => row[r]);
  return columns;
}
