import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import { count, percent, rounded } from '../format.js';
import { mde, power, sampleSizePerArm, type Baseline, type PowerSettings } from '../stats/power.js';
import type { ChartSpec, MetricValue } from '../types.js';
import { readBaseline } from './baseline.js';
import { powerParams, type PowerParams } from './params.js';
import { roles } from '../column.js';

const DESCRIPTION = `How long must the test run? The sample size, days, minimum detectable effect and power of a lift test, as GrowthBook's power calculator computes them (two-sided, relative effect, delta-method variance).
- The metric: baseline (a conversion rate) or baseline and sd (a mean per unit), or a history table with the metric per unit from a past period (a 0/1 column is a proportion); a timestamp column in history gives the traffic (units per calendar day) unless units_per_day is set.
- Given effect (relative, e.g. 0.05 for +5%): metrics sample_size_per_arm (the smallest whole number of units per arm with power ≥ target_power), total_sample_size (over all arms) and, with units_per_day, days_needed.
- Given units (in total over all arms): metric mde (the smallest relative effect found with target_power) and, with effect, power.
- arms: control plus treatments, traffic split equally; each treatment is compared with control at alpha without a correction for several comparisons (as GrowthBook).
- sequential: true plans for lift's sequential testing (sequential_tuning as there): confidence sequences are wider, so more units are needed.
- With units_per_day: table curve (day, units, units_per_arm, power, mde) and a chart of power (or, without an effect, the detectable effect) against days.`;

function describeBaseline(b: Baseline): string {
  return b.type === 'proportion'
    ? `a conversion rate of ${percent(b.rate)}`
    : `a mean of ${rounded(b.mean, 4)} (sd ${rounded(b.sd, 4)})`;
}

function curveLength(p: PowerParams, daysNeeded: number | null): number {
  if (p.days) return p.days;
  if (daysNeeded === null) return 28;
  return Math.min(3650, Math.max(14, Math.ceil(daysNeeded * 1.5)));
}

function curveChart(rows: { day: number; power: number | null; mde: number | null }[], p: PowerParams): ChartSpec {
  if (p.effect !== undefined) {
    return {
      id: 'curve',
      title: `Power to detect +${percent(p.effect)} by days run`,
      marks: [
        { mark: 'line', data: rows, options: { x: 'day', y: 'power', stroke: 'steelblue' } },
        { mark: 'ruleY', data: [{ target: p.target_power }], options: { y: 'target', stroke: 'gray', strokeDasharray: '4 3' } },
      ],
      x: { label: 'days' },
      y: { label: 'power', domain: [0, 1], grid: true, tickFormat: '%' },
    };
  }
  return {
    id: 'curve',
    title: `Smallest detectable effect (power ${percent(p.target_power)}) by days run`,
    marks: [{ mark: 'line', data: rows.filter((r) => r.mde !== null), options: { x: 'day', y: 'mde', stroke: 'steelblue' } }],
    x: { label: 'days' },
    y: { label: 'minimum detectable effect', grid: true, tickFormat: '%' },
  };
}

/**
 * The `power` recipe: how many units and days a lift test needs, and what it can detect.
 *
 * @example
 * await runRecipe(power, { inputs: {}, params: { baseline: 0.1, effect: 0.05, units_per_day: 5000 } });
 */
export const powerRecipe = defineRecipe({
  id: 'power',
  title: 'Power: how long must we run the test?',
  description: DESCRIPTION,
  inputs: [
    {
      name: 'history',
      optional: true,
      description: 'Optional: one row per unit from a past period, with the metric (and a date) — instead of baseline and sd.',
      roles: roles(powerParams, ['metric', 'timestamp']),
    },
  ],
  params: powerParams,
  async run({ inputs, params: p, progress, signal }) {
    progress(0, 'baseline');
    const { baseline, unitsPerDay: observed, source } = readBaseline(inputs.history, p);
    const unitsPerDay = p.units_per_day ?? observed;
    if (p.effect === undefined && p.units === undefined && unitsPerDay === undefined) {
      throw new RecipeInputError(
        'Give effect (the relative change to detect, e.g. 0.05), units (the units available in total) or units_per_day (the traffic); power has nothing to answer otherwise.',
      );
    }
    const s: PowerSettings = { alpha: p.alpha, arms: p.arms, sequential: p.sequential ? p.sequential_tuning : false };
    const perArm = p.effect !== undefined ? sampleSizePerArm(baseline, p.effect, p.target_power, s) : null;
    const total = perArm === null ? null : perArm * p.arms;
    const daysNeeded = total !== null && unitsPerDay !== undefined ? Math.ceil(total / unitsPerDay) : null;
    throwIfAborted(signal);
    progress(0.5, 'curve');
    const metrics: Record<string, MetricValue> = {
      sample_size_per_arm: perArm,
      total_sample_size: total,
      days_needed: daysNeeded,
      mde: p.units !== undefined ? mde(baseline, p.target_power, p.units, s) : null,
      power: p.units !== undefined && p.effect !== undefined ? power(baseline, p.effect, p.units, s) : null,
      baseline: baseline.type === 'proportion' ? baseline.rate : baseline.mean,
      sd: baseline.type === 'proportion' ? Math.sqrt(baseline.rate * (1 - baseline.rate)) : baseline.sd,
      units_per_day: unitsPerDay ?? null,
    };
    const tables: Record<string, aq.ColumnTable> = {};
    const charts: ChartSpec[] = [];
    if (unitsPerDay !== undefined) {
      const rows = Array.from({ length: curveLength(p, daysNeeded) }, (_, i) => {
        const day = i + 1;
        const units = day * unitsPerDay;
        return {
          day,
          units,
          units_per_arm: units / p.arms,
          power: p.effect !== undefined ? power(baseline, p.effect, units, s) : null,
          mde: mde(baseline, p.target_power, units, s),
        };
      });
      tables.curve = aq.from(rows);
      charts.push(curveChart(rows, p));
    }
    const notes = [`Baseline from ${source}: ${describeBaseline(baseline)}.`];
    const level = `${percent(p.target_power)} power at alpha ${p.alpha} (two-sided)`;
    if (p.effect !== undefined) {
      notes.push(
        perArm === null
          ? `A +${percent(p.effect)} change cannot reach ${level} with any realistic sample (over 10¹² units per arm); plan for a larger effect.`
          : `To detect a +${percent(p.effect)} relative change with ${level} you need ${count(Math.round(perArm))} units per arm, ${count(Math.round(total!))} in total` +
              (daysNeeded !== null ? `: ${daysNeeded} day${daysNeeded === 1 ? '' : 's'} at ${count(Math.round(unitsPerDay!))} units a day.` : '.'),
      );
    }
    if (p.units !== undefined) {
      const m = metrics.mde as number | null;
      notes.push(
        m === null
          ? `With ${count(Math.round(p.units))} units in total no effect can be detected with ${level}: too few units for this metric's spread. Run longer or use fewer arms.`
          : `With ${count(Math.round(p.units))} units in total the smallest relative change detectable with ${level} is ${percent(m)}` +
              (metrics.power !== null ? `; the power to detect +${percent(p.effect!)} is ${percent(metrics.power as number)}.` : '.'),
      );
    }
    if (p.arms > 2)
      notes.push(
        `${p.arms} arms split the traffic ${p.arms} ways; each treatment is compared with control at alpha ${p.alpha}, with no correction for the ${p.arms - 1} comparisons (as GrowthBook plans it).`,
      );
    if (p.sequential)
      notes.push(
        `Planned for sequential testing (tuning ${p.sequential_tuning}): you may look every day, at the price of more units than a fixed-horizon test.`,
      );
    progress(1, 'done');
    return { metrics, tables, charts, notes };
  },
});
