import type { ModelFit } from './bgnbd.js';
import { expectedAverageValue, fitGammaGamma, type GammaGammaParams } from './gamma-gamma.js';
import type { CustomerSummary } from './summary.js';
import { scientific } from '../format.js';

/** What each customer's purchases are worth, and the Gamma-Gamma fit or saved parameters behind it. */
export interface Spend {
  value: (i: number) => number;
  /** The Gamma-Gamma fit when one was made here. */
  fit: ModelFit<GammaGammaParams> | undefined;
  /** The Gamma-Gamma parameters used, fitted or saved; none when every purchase has one flat value. */
  params: GammaGammaParams | undefined;
}

/** Gamma-Gamma p, q and v from a saved `parameters` table, when it holds all three. */
export function savedSpendParams(saved: Record<string, number> | undefined): GammaGammaParams | undefined {
  return saved && ['p', 'q', 'v'].every((k) => saved[k]! > 0) ? { p: saved.p!, q: saved.q!, v: saved.v! } : undefined;
}

/**
 * The spend model: Gamma-Gamma at saved parameters, else fitted on the customers with repeat
 * purchases, else (no amounts, too few buyers, or `monetary: "none"`) one flat value per purchase.
 * Why a fallback was taken goes into `notes`.
 *
 * @example
 * spendModel('gamma_gamma', summary, true, undefined, notes).value(0);
 */
export function spendModel(
  monetary: 'gamma_gamma' | 'none',
  s: Pick<CustomerSummary, 'frequency' | 'monetary'>,
  hasAmounts: boolean,
  saved: GammaGammaParams | undefined,
  notes: string[],
): Spend {
  const x = s.frequency;
  const m = s.monetary;
  const valueAt = (g: GammaGammaParams) => (i: number) => expectedAverageValue(g, x[i]!, m[i]! > 0 ? m[i]! : 0);
  if (saved) return { value: valueAt(saved), fit: undefined, params: saved };
  if (!hasAmounts) {
    notes.push('No amount column: CLV is in discounted expected purchases (each purchase valued at 1).');
    return { value: () => 1, fit: undefined, params: undefined };
  }
  // One pass over the customers into typed arrays: spreading, filtering and mapping index lists of
  // half a million customers cost more than the Gamma-Gamma fit's grouping.
  let buyers = 0;
  let nonPositive = 0;
  let spent = 0;
  let purchases = 0;
  const xs = new Float64Array(x.length);
  const ms = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (!(x[i]! > 0)) continue;
    if (!(m[i]! > 0)) {
      nonPositive++;
      continue;
    }
    xs[buyers] = x[i]!;
    ms[buyers++] = m[i]!;
    spent += x[i]! * m[i]!;
    purchases += x[i]!;
  }
  const meanRepeat = spent / Math.max(1, purchases);
  if (monetary === 'none' || buyers < 10) {
    if (monetary === 'gamma_gamma') notes.push(`Only ${buyers} customers have repeat purchases with a value; Gamma-Gamma needs at least 10, so every purchase is valued at the mean repeat purchase value.`);
    return { value: () => meanRepeat, fit: undefined, params: undefined };
  }
  if (nonPositive > 0) notes.push(`${nonPositive} customers with repeat purchases have a mean repeat value of 0 or less (returns or refunds?); the Gamma-Gamma spend model is fitted without them.`);
  const fit = fitGammaGamma(xs.subarray(0, buyers), ms.subarray(0, buyers));
  if (!fit.report.converged) notes.push(`Warning: the Gamma-Gamma fit did not converge (gradient norm ${scientific(fit.report.gradientNorm, 2)}); treat expected values with care.`);
  if (fit.params.q <= 1) notes.push('Warning: Gamma-Gamma q ≤ 1, so the population mean spend is infinite; expected values are unreliable.');
  return { value: valueAt(fit.params), fit, params: fit.params };
}
