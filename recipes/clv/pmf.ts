import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import type { ColumnTable } from 'arquero';
import { numberColumn, stringColumn } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import type { BgNbdParams } from './bgnbd.js';

/**
 * P(X(t) = n) for a new BG/NBD customer (Fader, Hardie & Lee 2005, eq. 8; lifetimes'
 * `probability_of_n_purchases_up_to_time`): the NBD count while alive, plus dying after the n-th
 * purchase with the NBD tail of fewer.
 *
 * @example
 * bgnbdPmf({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 0);
 */
export function bgnbdPmf(p: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  const logNbd = (j: number) => gammaln(r + j) - gammaln(r) - gammaln(j + 1) + r * Math.log(alpha / (alpha + t)) + j * Math.log(t / (alpha + t));
  const first = Math.exp(betaln(a, b + n) - betaln(a, b) + logNbd(n));
  if (n === 0) return first;
  let below = 0;
  for (let j = 0; j < n; j++) below += Math.exp(logNbd(j));
  return first + Math.exp(betaln(a + 1, b + n - 1) - betaln(a, b)) * (1 - below);
}

/**
 * The `pmf` table: n = 0, 1, … until the probabilities left are below 1e-4 (at most 200 rows).
 *
 * @example
 * pmfRows((n) => bgbbPmf(params, 5, n), 5); // n ≤ 5 opportunities
 */
export function pmfRows(pmf: (n: number) => number, maxN = 200): { n: number; probability: number }[] {
  const rows: { n: number; probability: number }[] = [];
  let total = 0;
  for (let n = 0; n <= maxN && total < 1 - 1e-4; n++) {
    const probability = pmf(n);
    rows.push({ n, probability });
    total += probability;
  }
  return rows;
}

/**
 * Parameters from a `parameters` table of an earlier run (columns parameter and estimate).
 *
 * @example
 * readParameters(aq.from([{ parameter: 'r', estimate: 0.24 }, …]), ['r', 'alpha', 'a', 'b'], 'bgnbd');
 */
export function readParameters(table: ColumnTable, names: readonly string[], model: string): Record<string, number> {
  const parameter = stringColumn(table, 'model', 'parameter', 'parameter');
  const estimate = numberColumn(table, 'model', 'estimate', 'estimate');
  const out: Record<string, number> = {};
  parameter.forEach((name, i) => (out[name] = estimate[i]!));
  const missing = names.filter((n) => !(out[n]! > 0));
  if (missing.length) {
    throw new RecipeInputError(
      `The model table has no positive estimate for ${missing.map((m) => `"${m}"`).join(', ')}, which the ${model} model needs (${names.join(', ')}); give the parameters table of an earlier clv run with model "${model}".`,
    );
  }
  return out;
}
