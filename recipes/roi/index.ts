import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import { srmTest } from '../stats/srm.js';
import { compare } from '../stats/compare.js';
import { resolveControl } from '../stats/versus-control.js';
import { readArms, roiPlan } from './aggregate.js';
import { roiOf } from './economics.js';
import { breakEvenChart, roiWaterfall } from './charts.js';
import { roiNotes } from './notes.js';
import { roiParams as params } from './params.js';
import { roles } from '../column.js';
import { finiteOrNull } from '../format.js';

/**
 * Personalization ROI: incremental revenue and profit from the experiment, cost, ROI with its
 * interval, payback and the lift needed to break even.
 *
 * @example
 * await runRecipe(roi, { inputs: { units }, params: { margin: 0.3, cost_fixed: 2000, cost_per_unit: 0.05 } });
 */
export const roi = defineRecipe({
  id: 'roi',
  title: 'ROI: does personalization pay for itself?',
  description:
    'Incremental revenue = (mean revenue treated − control) × population with its interval, incremental profit, cost = fixed + per unit × population, ROI = (incremental profit − cost)/cost with its interval, payback_periods and break_even_lift.',
  inputs: [
    {
      name: 'units',
      description: 'one row per randomized unit: variant, revenue, optional pre-period revenue',
      roles: roles(params, ['variant', 'revenue', 'covariate']),
    },
  ],
  params,
  aggregate: roiPlan,
  async run({ inputs, params: p, progress, signal }) {
    throwIfAborted(signal);
    const arms = readArms(inputs.arms!, p);
    const variants = [...arms.keys()];
    const control = resolveControl(variants, p.control, 'units', p.variant);
    const treatments = variants.filter((v) => v !== control).sort();
    const treatment = p.treatment ?? treatments[0]!;
    if (!treatments.includes(treatment)) {
      throw new RecipeInputError(`treatment "${treatment}" is not a non-control value of units.${p.variant}; choose one of ${treatments.map((t) => `"${t}"`).join(', ')}.`);
    }
    const stats = (v: string) => arms.get(v)!;
    progress(0.5, 'comparing arms');
    const rows = treatments.map((t) => {
      const absolute = compare(stats(control), stats(t), { difference: 'absolute', alpha: p.alpha });
      const relative = compare(stats(control), stats(t), { difference: 'relative', alpha: p.alpha });
      const population = p.population ?? arms.get(t)!.n;
      const money = roiOf({ effect: absolute, population, margin: p.margin, costFixed: p.cost_fixed, costPerUnit: p.cost_per_unit });
      return {
        row: {
          variant: t, units: arms.get(t)!.n, control_units: arms.get(control)!.n, population,
          control_mean: absolute.controlMean, mean: absolute.mean, effect: absolute.effect, ci_low: absolute.ciLow, ci_high: absolute.ciHigh, p_value: absolute.pValue,
          lift: relative.effect, lift_ci_low: relative.ciLow, lift_ci_high: relative.ciHigh, ...money,
        },
        absolute, relative, money, population,
      };
    });
    const main = rows.find((r) => r.row.variant === treatment)!;
    const srm = srmTest([control, ...treatments].map((v) => arms.get(v)!.n));
    const metrics: Record<string, number | string | null> = {
      treatment, units: variants.reduce((a, v) => a + arms.get(v)!.n, 0), population: main.population,
      lift: main.relative.effect, lift_ci_low: main.relative.ciLow, lift_ci_high: main.relative.ciHigh, p_value: main.absolute.pValue,
      ...main.money, srm_p_value: srm.pValue, srm_chi2: srm.chi2,
    };
    for (const [k, v] of Object.entries(metrics)) if (typeof v === 'number') metrics[k] = finiteOrNull(v);
    const charts = [roiWaterfall(main.money, p.cost_fixed, p.cost_per_unit * main.population)];
    if (main.money.break_even_lift !== null) {
      const perUnit = main.absolute.controlMean;
      charts.push(breakEvenChart({ lift: main.relative.effect, low: main.relative.ciLow, high: main.relative.ciHigh }, main.money.break_even_lift, (l) => l * Math.abs(perUnit) * main.population * p.margin - main.money.cost));
    }
    progress(1, 'done');
    return {
      metrics,
      tables: { roi: aq.from(rows.map((r) => r.row)) },
      charts,
      notes: roiNotes({ money: main.money, lift: main.relative, treatment, control, srmP: srm.pValue, cuped: !!p.covariate, params: p, population: main.population }),
    };
  },
});
