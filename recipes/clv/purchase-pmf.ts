import type { BgNbdParams } from './bgnbd.js';
import type { FittedPurchaseModel } from './models.js';
import { bgnbdPmf, pmfRows } from './pmf.js';
import { paretoNbdPmf } from './pnbd-pmf.js';
import type { ParetoNbdParams } from './pnbd.js';

/**
 * The `pmf` table of a BG/NBD or Pareto/NBD model over `horizon` units, or undefined when some
 * P(X(t) = n) cannot be computed: the Pareto/NBD 2F1 refuses (NaN) when min(α, β)/max(α, β) is
 * below about 1.7e-4, and a table of NaN would say nothing.
 *
 * @example
 * purchasePmf(model, 39); // → [{ n: 0, probability: … }, …]
 */
export function purchasePmf(model: FittedPurchaseModel, horizon: number): { n: number; probability: number }[] | undefined {
  const rows = pmfRows((k) =>
    model.name === 'bgnbd' ? bgnbdPmf(model.params as unknown as BgNbdParams, horizon, k) : paretoNbdPmf(model.params as unknown as ParetoNbdParams, horizon, k),
  );
  return rows.every((row) => Number.isFinite(row.probability)) ? rows : undefined;
}
