import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { throwIfAborted } from '../errors.js';
import { srmTest } from '../stats/srm.js';
import { pickControl, splitWeights, type LiftAggregate } from './arms.js';
import { effectChart, meanCharts } from './charts.js';
import { comparisonRows, variantRows } from './comparisons.js';
import { correctionNote, findingNote, sequentialNote, warningNotes } from './notes.js';
import { liftParams, type LiftParams } from './params.js';
import { aggregateSummary } from './summary.js';
import { aggregateArms } from './units.js';
import { ARMS, unitsPlan } from './units-plan.js';

const DESCRIPTION = `Did the personalized variant win? Compares every variant with the control on each metric, with the statistics of GrowthBook's gbstats:
- Metrics: a 0/1 column is a proportion (variance p(1−p)); any other numeric column a mean (variance with n−1); {name, numerator, denominator} a ratio Σnum/Σden (delta method). Override the type with types: {metric: "proportion"|"mean"}.
- Effect: relative (treatment − control)/|control| by default, or absolute; Welch t-test with Welch–Satterthwaite dof (column dof); CUPED with a pooled θ when covariates gives a pre-period column per metric, and for a ratio metric covariates {metric: {numerator, denominator}} gives gbstats' regression-adjusted ratio; the relative CUPED variance is gbstats' own; Bayesian chance to win and risk (expected loss) from a normal approximation (flat prior, or prior {mean, variance} on the relative effect).
- Sequential testing (sequential: true, sequential_tuning 5000): gbstats' asymptotic confidence sequences and always-valid p-values, so the result can be checked every day without inflating false positives; intervals are wider, narrowest near sequential_tuning units in total. Two-sided only.
- Inverse metrics (inverse: ["bounce_rate"]): lower is better, so chance to win is the chance the treatment lowers the metric, risk_control and risk_treatment swap, and notes call a decrease the improvement.
- Control: the control parameter, else a variant named "control", else the first variant in natural sort order.
- Sample ratio mismatch: chi-square of units per variant against split (equal by default); p < 0.001 is flagged.
- Tables: variants holds each arm's raw (unadjusted) mean and per-unit variance; comparisons holds control_mean and mean unadjusted too, with effect, se and interval CUPED-adjusted when a covariate is given. An arm under 100 units gets a "too few units" note.
- Several comparisons: p_value_holm is Holm-adjusted over all variant × metric pairs; p_value_adjusted is adjusted by correction (holm, the default; bh for Benjamini–Hochberg; none) and "significant" means p_value_adjusted < alpha (bayesian method: the credible interval excludes 0).
- Summary input (counts only): one row per variant and metric with columns variant, metric, n, sum and optional sum_squares (missing or empty: a proportion, sum = conversions). A ratio row adds denominator_sum, denominator_sum_squares and cross_sum (Σ numerator·denominator) with sum/sum_squares for the numerator; a CUPED row adds covariate_sum, covariate_sum_squares (absent: a 0/1 covariate of a 0/1 metric) and covariate_cross_sum (Σ metric·covariate). A ratio row with CUPED adds, for pre-period numerator m₀ and denominator d₀: covariate_sum, covariate_sum_squares (Σm₀, Σm₀²), denominator_covariate_sum, denominator_covariate_sum_squares (Σd₀, Σd₀²), covariate_cross_sum (Σm·m₀), denominator_covariate_cross_sum (Σd·d₀), pre_cross_sum (Σm₀·d₀), numerator_denominator_covariate_cross_sum (Σm·d₀) and covariate_denominator_cross_sum (Σm₀·d). Sums no data can give (a negative implied variance, a correlation beyond ±1) are refused naming the row; within rounding they get a note. The units of a variant for the SRM check are its largest n.
- One-sided tests (sided greater/less) leave one interval end open (null in the tables); sided applies to the frequentist test, Bayesian intervals are always two-sided.`;

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
  description: DESCRIPTION,
  inputs: [
    {
      name: 'units',
      alternative: 'data',
      description: 'One row per randomized unit: the variant column, metric columns and optional pre-period covariate columns.',
      roles: [
        { role: 'variant', description: 'Variant (arm) of the unit.', required: true },
        { role: 'metrics', description: 'Metric columns (default: every numeric column).' },
        { role: 'covariates', description: 'Pre-period covariate column per metric, for CUPED.' },
      ],
    },
    {
      name: 'summary',
      alternative: 'data',
      description: 'One row per variant and metric: variant, metric, n, sum, optional sum_squares and the ratio/CUPED sums listed in the description.',
      roles: [
        { role: 'variant', description: 'Variant (arm) of the row.', required: true },
        { role: 'metric', description: 'Metric name of the row.', required: true },
        { role: 'n', description: 'Number of units.', required: true },
        { role: 'sum', description: 'Sum of the metric (conversions for a proportion).', required: true },
        { role: 'sum_squares', description: 'Sum of squares; absent for a proportion.' },
      ],
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
