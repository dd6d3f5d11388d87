import { RecipeInputError, isInputError } from '../errors.js';
import { compare, type CompareOptions, type Comparison } from '../stats/compare.js';
import { holm } from '../stats/distributions.js';
import { adjustPValues } from '../stats/p-adjust.js';
import { statMean, statVariance } from '../stats/moments.js';
import type { LiftAggregate } from './arms.js';
import type { LiftParams } from './params.js';
import { finiteOrNull } from '../format.js';

export interface VariantRow {
  variant: string;
  metric: string;
  n: number;
  mean: number | null;
  variance: number | null;
}

export interface ComparisonRow {
  variant: string;
  metric: string;
  control_mean: number | null;
  mean: number | null;
  effect: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  p_value: number | null;
  p_value_holm: number | null;
  /** p_value adjusted by the `correction` parameter (Holm, Benjamini–Hochberg or none). */
  p_value_adjusted: number | null;
  significant: boolean | null;
  chance_to_win: number | null;
  risk_control: number | null;
  risk_treatment: number | null;
  /** Welch–Satterthwaite degrees of freedom of the t-test (null for the Bayesian method). */
  dof: number | null;
}

/**
 * The `variants` table: each arm's n, mean and per-unit variance (control first). A ratio whose
 * denominator sums to 0 has no mean (null).
 *
 * @example
 * variantRows(aggregate, 'control')[0]; // → { variant: 'control', metric: 'converted', n: 5000, mean: 0.096, variance: 0.0868… }
 */
export function variantRows(agg: LiftAggregate, control: string): VariantRow[] {
  const order = [control, ...agg.variants.filter((v) => v !== control)];
  return order.flatMap((variant) =>
    agg.metrics.map((metric) => {
      const s = agg.stats.get(variant)!.get(metric)!;
      if (s.n === 0) throw new RecipeInputError(`Variant "${variant}" has no units for metric "${metric}" (n = 0); every arm needs data. Remove the variant or fix its counts.`);
      return { variant, metric, n: s.n, mean: finiteOrNull(statMean(s)), variance: finiteOrNull(statVariance(s)) };
    }),
  );
}

/** The comparison options for one metric from the recipe parameters. */
function optionsFor(metric: string, params: LiftParams): CompareOptions {
  return {
    difference: params.difference, alpha: params.alpha, sided: params.sided, method: params.method, prior: params.prior,
    sequential: params.sequential ? params.sequential_tuning : false, inverse: params.inverse.includes(metric),
  };
}

/**
 * Every treatment against control on every metric, with Holm-adjusted p-values across all of them
 * and p-values adjusted by the chosen `correction`.
 * A pair that cannot be compared (no variation, zero control mean for a relative effect, fewer than
 * 2 units) gets nulls and a plain-language reason in `problems` instead of failing the whole run.
 * `significant` is adjusted p < alpha; for the Bayesian method it is "the credible interval excludes 0".
 *
 * @example
 * const { rows, problems } = comparisonRows(aggregate, 'control', params);
 */
export function comparisonRows(agg: LiftAggregate, control: string, params: LiftParams): { rows: ComparisonRow[]; problems: string[] } {
  const problems: string[] = [];
  const unknown = params.inverse.filter((m) => !agg.metrics.includes(m));
  if (unknown.length) {
    throw new RecipeInputError(`inverse names ${unknown.map((m) => `"${m}"`).join(', ')}, which ${unknown.length > 1 ? 'are not metrics' : 'is not a metric'}; the metrics are ${agg.metrics.join(', ')}.`);
  }
  const results: { variant: string; metric: string; c: Comparison | null }[] = [];
  for (const variant of agg.variants.filter((v) => v !== control)) {
    for (const metric of agg.metrics) {
      try {
        const c = compare(agg.stats.get(control)!.get(metric)!, agg.stats.get(variant)!.get(metric)!, optionsFor(metric, params));
        results.push({ variant, metric, c });
      } catch (error) {
        if (!isInputError(error)) throw error;
        problems.push(`${variant} vs ${control} on ${metric} could not be compared: ${error.message}`);
        results.push({ variant, metric, c: null });
      }
    }
  }
  const raw = results.map((r) => r.c?.pValue ?? NaN);
  const holmAdjusted = holm(raw);
  const adjusted = adjustPValues(raw, params.correction);
  const rows = results.map(({ variant, metric, c }, i): ComparisonRow => {
    const pHolm = finiteOrNull(holmAdjusted[i]);
    const pAdjusted = finiteOrNull(adjusted[i]);
    const significant = c === null ? null : c.pValue === null ? c.ciLow > 0 || c.ciHigh < 0 : pAdjusted! < params.alpha;
    return {
      variant, metric,
      control_mean: finiteOrNull(c?.controlMean), mean: finiteOrNull(c?.mean), effect: finiteOrNull(c?.effect), se: finiteOrNull(c?.se),
      ci_low: finiteOrNull(c?.ciLow), ci_high: finiteOrNull(c?.ciHigh), p_value: finiteOrNull(c?.pValue), p_value_holm: pHolm, p_value_adjusted: pAdjusted, significant,
      chance_to_win: finiteOrNull(c?.chanceToWin), risk_control: finiteOrNull(c?.riskControl), risk_treatment: finiteOrNull(c?.riskTreatment), dof: finiteOrNull(c?.dof),
    };
  });
  return { rows, problems };
}
