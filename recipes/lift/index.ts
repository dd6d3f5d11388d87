import * as aq from 'arquero';
import { roles } from '../column.js';
import { defineRecipe } from '../define-recipe.js';
import { throwIfAborted } from '../errors.js';
import { srmTest } from '../stats/srm.js';
import { pickControl, splitWeights, type LiftAggregate } from './arms.js';
import { effectChart, meanCharts } from './charts.js';
import { comparisonRows, variantRows } from './comparisons.js';
import { LIFT_DESCRIPTION } from './description.js';
import { correctionNote, findingNote, sequentialNote, warningNotes } from './notes.js';
import { liftParams, type LiftParams } from './params.js';
import { aggregateSummary } from './summary.js';
import { aggregateArms } from './units.js';
import { ARMS, unitsPlan } from './units-plan.js';

function aggregate(inputs: Record<string, aq.ColumnTable>, params: LiftParams): { agg: LiftAggregate; where: string } {
  if (inputs[ARMS]) return { agg: aggregateArms(inputs, params), where: `units.${params.variant}` };
  return { agg: aggregateSummary(inputs.summary!, params), where: `summary.${params.variant}` };
}

/**
 * The `lift` recipe: effects of each variant against control with CIs, p-values (raw, Holm and the chosen correction),
 * Bayesian chance to win and risk, a sample-ratio-mismatch check, charts and plain-language notes.
 *
 * @example
 * const { result } = await runRecipe(lift, { inputs: { units }, params: { variant: 'arm', metrics: ['converted', 'revenue'] } });
 */
export const lift = defineRecipe({
  id: 'lift',
  title: 'Lift: did the personalized variant win?',
  description: LIFT_DESCRIPTION,
  inputs: [
    {
      name: 'units',
      alternative: 'data',
      description: 'One row per randomized unit: the variant column, metric columns and optional pre-period covariate columns.',
      roles: roles(liftParams, ['variant', 'metrics', 'covariates']),
    },
    {
      name: 'summary',
      alternative: 'data',
      description:
        'One row per variant and metric: variant, metric, n, sum, optional sum_squares and the ratio/CUPED sums listed in the description.',
      roles: roles(liftParams, [['variant', 'Variant (arm) of the row.'], 'metric', 'n', 'sum', 'sum_squares']),
    },
  ],
  params: liftParams,
  // Unit-level rows are summed where they live (one scan, grouped by variant); a summary is read as given.
  aggregate({ params, inputs, sql }) {
    return inputs.units ? unitsPlan(inputs.units, params, sql) : { queries: {}, consumes: [] };
  },
  async run({ inputs, params, progress, signal }) {
    progress(0, 'aggregating');
    const { agg, where } = aggregate(inputs, params);
    const control = pickControl(agg.variants, params.control, where);
    throwIfAborted(signal);
    progress(0.5, 'comparing');
    const variants = variantRows(agg, control);
    const { rows, problems } = comparisonRows(agg, control, params);
    const order = [control, ...agg.variants.filter((v) => v !== control)];
    const counts = order.map((v) => agg.units.get(v)!);
    const weights = splitWeights(order, params.split) ?? order.map(() => 1);
    const srm = srmTest(counts, weights);
    const total = counts.reduce((a, b) => a + b, 0);
    const wSum = weights.reduce((a, b) => a + b, 0);
    const notes = [
      ...warningNotes({
        srmP: srm.pValue,
        counts: new Map(order.map((v, i) => [v, counts[i]!])),
        expected: new Map(order.map((v, i) => [v, (total * weights[i]!) / wSum])),
      }),
      ...rows.map((r) => findingNote(r, params)).filter((n): n is string => n !== null),
      ...problems,
      ...[correctionNote(rows.length, params.alpha, params.correction), sequentialNote(params)].filter((n): n is string => n !== null),
      ...agg.notes,
    ];
    progress(1, 'done');
    return {
      metrics: { srm_p_value: srm.pValue, srm_chi2: srm.chi2, units: total },
      tables: { variants: aq.from(variants), comparisons: aq.from(rows) },
      charts: [effectChart(rows, params, order), ...meanCharts(variants, params, order)],
      notes,
    };
  },
});
