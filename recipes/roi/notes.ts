import type { Comparison } from '../stats/compare.js';
import type { Roi } from './economics.js';
import { amount, count, fixed, percent, signedPercent, significant } from '../format.js';

/**
 * Findings and caveats of an ROI run, one sentence each.
 *
 * @example
 * roiNotes({ money, lift, treatment: 'personalized', control: 'control', srmP: 0.4, cuped: false, params, population: 2000 });
 */
export function roiNotes(x: { money: Roi; lift: Comparison; treatment: string; control: string; srmP: number; cuped: boolean; params: { margin: number; cost_fixed: number; cost_per_unit: number }; population: number }): string[] {
  const m = x.money;
  const notes: string[] = [];
  if (x.srmP < 0.001) notes.push(`Sample ratio mismatch (p = ${significant(x.srmP, 2)}): the arms are not the intended equal split; do not trust this ROI until assignment is explained.`);
  notes.push(`"${x.treatment}" changed revenue per unit by ${signedPercent(x.lift.effect)} vs "${x.control}" (interval ${signedPercent(x.lift.ciLow)} to ${signedPercent(x.lift.ciHigh)}).`);
  notes.push(`Over ${count(Math.round(x.population))} units that is ${amount(m.incremental_revenue)} incremental revenue (interval ${amount(m.incremental_revenue_ci_low)} to ${amount(m.incremental_revenue_ci_high)}) and ${amount(m.incremental_profit)} incremental profit at a ${percent(x.params.margin, 0)} margin.`);
  if (m.roi !== null) {
    notes.push(`Against a cost of ${amount(m.cost)}, ROI is ${signedPercent(m.roi)} (interval ${signedPercent(m.roi_ci_low!)} to ${signedPercent(m.roi_ci_high!)})${m.roi_ci_low! > 0 ? ': it pays, even at the low end of the interval' : m.roi_ci_high! < 0 ? ': it loses money, even at the high end of the interval' : ': the interval spans both a loss and a gain, so the data cannot yet say whether it pays'}.`);
  } else notes.push('Cost is 0, so ROI is undefined; set cost_fixed and/or cost_per_unit to what the personalization costs.');
  if (m.break_even_lift !== null && m.cost > 0) notes.push(`It breaks even at a lift of ${signedPercent(m.break_even_lift)} in revenue per unit; the chance that the true lift is above that is ${percent(m.chance_of_positive_roi ?? 0, 0)}.`);
  if (x.params.cost_fixed > 0) {
    notes.push(m.payback_periods !== null ? `ROI charges the whole fixed cost to this one period; if the lift and the per-unit cost hold, the fixed cost is paid back after ${fixed(m.payback_periods, 1)} periods as long as the experiment ran.` : 'At the measured lift the personalization does not cover its per-unit cost, so the fixed cost is never paid back.');
  }
  if (x.cuped) notes.push('Intervals use CUPED with the pre-period covariate, which narrows them without biasing the effect.');
  notes.push('Revenue per unit is heavy-tailed: a few big spenders can move the estimate, so read the interval, not only the point estimate; the money figures assume the lift carries over to the whole population.');
  return notes;
}
