import type { Comparison } from '../stats/compare.js';
import { phi } from '../stats/distributions.js';

/** The money side of an experiment, given the absolute per-unit revenue effect and its interval. */
export interface RoiInputs {
  /** Absolute effect on revenue per unit (treatment − control), with its interval. */
  effect: Comparison;
  population: number;
  margin: number;
  costFixed: number;
  costPerUnit: number;
}

export interface Roi {
  incremental_revenue: number;
  incremental_revenue_ci_low: number;
  incremental_revenue_ci_high: number;
  incremental_profit: number;
  incremental_profit_ci_low: number;
  incremental_profit_ci_high: number;
  cost: number;
  net_profit: number;
  net_profit_ci_low: number;
  net_profit_ci_high: number;
  roi: number | null;
  roi_ci_low: number | null;
  roi_ci_high: number | null;
  payback_periods: number | null;
  break_even_effect: number;
  break_even_lift: number | null;
  chance_of_positive_roi: number | null;
}

/**
 * Every money figure is a linear map of the per-unit effect Δ, so its interval is Δ's interval
 * mapped the same way (exact, no extra approximation):
 * incremental revenue = Δ·population; incremental profit = that × margin;
 * cost = cost_fixed + cost_per_unit·population; roi = (incremental profit − cost)/cost;
 * break-even effect = cost/(population·margin) per unit, and as a lift over the control mean.
 * payback_periods: the fixed cost is paid once, the per-unit cost recurs each period as long as
 * the experiment did, so payback = cost_fixed/(incremental profit − cost_per_unit·population) periods
 * of the experiment's length; null when that net contribution is not positive (it never pays back).
 * chance_of_positive_roi = P(Δ > break-even effect) under the normal approximation of Δ (flat prior).
 *
 * @example
 * roiOf({ effect: compare(c, t, { difference: 'absolute' }), population: 1000, margin: 0.3, costFixed: 500, costPerUnit: 0.1 }).roi;
 */
export function roiOf(x: RoiInputs): Roi {
  const { effect: e, population, margin } = x;
  const revenue = (d: number) => d * population;
  const profit = (d: number) => revenue(d) * margin;
  const cost = x.costFixed + x.costPerUnit * population;
  const roi = (d: number) => (cost > 0 ? (profit(d) - cost) / cost : null);
  const recurringNet = profit(e.effect) - x.costPerUnit * population;
  const breakEven = population * margin > 0 ? cost / (population * margin) : Infinity;
  return {
    incremental_revenue: revenue(e.effect),
    incremental_revenue_ci_low: revenue(e.ciLow),
    incremental_revenue_ci_high: revenue(e.ciHigh),
    incremental_profit: profit(e.effect),
    incremental_profit_ci_low: profit(e.ciLow),
    incremental_profit_ci_high: profit(e.ciHigh),
    cost,
    net_profit: profit(e.effect) - cost,
    net_profit_ci_low: profit(e.ciLow) - cost,
    net_profit_ci_high: profit(e.ciHigh) - cost,
    roi: roi(e.effect),
    roi_ci_low: roi(e.ciLow),
    roi_ci_high: roi(e.ciHigh),
    payback_periods: recurringNet > 0 ? x.costFixed / recurringNet : null,
    break_even_effect: breakEven,
    break_even_lift: e.controlMean !== 0 && Number.isFinite(breakEven) ? breakEven / Math.abs(e.controlMean) : null,
    chance_of_positive_roi: e.se > 0 && Number.isFinite(breakEven) ? phi((e.effect - breakEven) / e.se) : null,
  };
}
