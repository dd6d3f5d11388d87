import { z } from 'zod';
import { column } from '../column.js';
import { commaList } from '../comma-list.js';

/** A ratio metric: Σ numerator / Σ denominator over the arm's units (e.g. revenue per order). */
const ratioMetric = z
  .object({
    name: z.string().min(1).describe('Name shown in the tables, e.g. "aov".'),
    numerator: z.string().min(1).describe('Column summed on top, e.g. "revenue".'),
    denominator: z.string().min(1).describe('Column summed below, e.g. "orders".'),
  })
  .strict();

const metricType = z.enum(['proportion', 'mean']);

/** The pre-period numerator and denominator columns of a ratio metric, for CUPED on the ratio. */
const ratioCovariate = z
  .object({
    numerator: z.string().min(1).describe('Pre-period column of the numerator, e.g. "revenue_before".'),
    denominator: z.string().min(1).describe('Pre-period column of the denominator, e.g. "orders_before".'),
  })
  .strict();

/**
 * The `lift` parameters. Column roles default to the column of the same name; metric, n, sum and
 * sum_squares name the columns of the `summary` input.
 *
 * @example
 * liftParams.parse({ variant: 'arm' }).method; // → 'both'
 */
export const liftParams = z
  .object({
    variant: column({
      default: 'variant',
      nonEmpty: true,
      required: true,
      description: 'Column holding the variant (arm) of each unit or summary row.',
      role: 'Variant (arm) of the unit.',
    }),
    control: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The control variant. Default: the variant named "control" (any case) if there is one, else the first variant in natural sort order.',
      ),
    metrics: column({
      role: 'Metric columns (default: every numeric column).',
      schema: commaList(z.union([z.string().min(1), ratioMetric]))
        .optional()
        .describe(
          'Metric columns, or {name, numerator, denominator} for ratios (a comma-separated string of columns also works). Default: every numeric column except the variant, covariates and id-like columns (units), or every metric in the summary.',
        ),
    }),
    covariates: column({
      role: 'Pre-period covariate column per metric, for CUPED.',
      schema: z
        .record(z.string(), z.union([z.string().min(1), ratioCovariate]))
        .default({})
        .describe(
          'CUPED pre-period covariate per metric: {metric: column}, e.g. {"revenue": "revenue_before"}; for a ratio metric {metric: {numerator, denominator}} names the pre-period numerator and denominator columns.',
        ),
    }),
    types: z
      .record(z.string(), metricType)
      .default({})
      .describe('Force a metric\'s type: {metric: "proportion"|"mean"}. Default: a 0/1 column is a proportion, any other a mean.'),
    difference: z
      .enum(['relative', 'absolute'])
      .default('relative')
      .describe('relative: (treatment − control)/|control|; absolute: treatment − control.'),
    alpha: z.number().gt(0).lt(1).default(0.05).describe('Significance level; intervals cover 1 − alpha.'),
    sided: z
      .enum(['two', 'greater', 'less'])
      .default('two')
      .describe('Alternative hypothesis: two-sided, treatment greater, or treatment less.'),
    method: z
      .enum(['frequentist', 'bayesian', 'both'])
      .default('both')
      .describe(
        'both: frequentist effect, CI and p-values plus Bayesian chance to win and risk; bayesian: posterior mean and credible interval, no p-values.',
      ),
    split: z
      .union([z.array(z.number().positive()), z.record(z.string(), z.number().positive())])
      .optional()
      .describe(
        'Intended traffic split for the sample-ratio check: {variant: weight} or weights in the variants table order. Default: equal.',
      ),
    sequential: z
      .boolean()
      .default(false)
      .describe(
        'Sequential testing (gbstats): confidence sequences and always-valid p-values, so the result can be checked every day without raising the false-positive rate. Two-sided only.',
      ),
    sequential_tuning: z
      .number()
      .positive()
      .default(5000)
      .describe(
        'Sequential tuning parameter: the total number of units at which the confidence sequence is narrowest (gbstats default 5000).',
      ),
    inverse: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Metrics where lower is better (e.g. ["bounce_rate"]): chance to win is the chance the treatment lowers it, risks swap, and notes read a decrease as the win.',
      ),
    correction: z
      .enum(['holm', 'bh', 'none'])
      .default('holm')
      .describe(
        'Multiple-comparison correction for p_value_adjusted and "significant": holm (family-wise error), bh (Benjamini–Hochberg false discovery rate) or none. p_value_holm is always Holm.',
      ),
    prior: z
      .object({ mean: z.number(), variance: z.number().positive() })
      .strict()
      .optional()
      .describe('Normal prior on the relative effect for the Bayesian estimates (gbstats convention). Default: flat.'),
    metric: column({
      default: 'metric',
      nonEmpty: true,
      required: true,
      description: 'summary input: column naming the metric of each row.',
      role: 'Metric name of the row.',
    }),
    n: column({
      default: 'n',
      nonEmpty: true,
      required: true,
      description: 'summary input: column with the number of units.',
      role: 'Number of units.',
    }),
    sum: column({
      default: 'sum',
      nonEmpty: true,
      required: true,
      description: 'summary input: column with the sum of the metric.',
      role: 'Sum of the metric (conversions for a proportion).',
    }),
    sum_squares: column({
      default: 'sum_squares',
      nonEmpty: true,
      description: 'summary input: column with the sum of squares (absent or empty: a proportion).',
      role: 'Sum of squares; absent for a proportion.',
    }),
  })
  .strict();

export type LiftParams = z.output<typeof liftParams>;
export type RatioMetric = z.output<typeof ratioMetric>;
