import { z } from 'zod';
import { column } from '../column.js';

/**
 * The `power` parameters. The metric comes from baseline figures (`baseline`, plus `sd` for a mean
 * metric) or from the optional `history` input (the `metric` column of a past period).
 *
 * @example
 * powerParams.parse({ baseline: 0.1, effect: 0.05 }).target_power; // → 0.8
 */
export const powerParams = z.strictObject({
  baseline: z
    .number()
    .optional()
    .describe(
      'The metric today: a conversion rate between 0 and 1 (proportion metric), or the mean per unit when sd is given (mean metric). Not needed with a history table.',
    ),
  sd: z
    .number()
    .positive()
    .optional()
    .describe('Standard deviation per unit of a mean metric (e.g. revenue per visitor); leave out for a proportion.'),
  metric: column({
    default: 'metric',
    nonEmpty: true,
    required: true,
    description: 'history input: the column holding the metric per unit (0/1 is a proportion, anything else a mean).',
    role: 'Metric per unit (0/1 for a conversion).',
  }),
  timestamp: column({
    default: 'timestamp',
    nonEmpty: true,
    description: 'history input: optional date column; when present, units_per_day defaults to the rows per calendar day it covers.',
    role: 'Date of the unit, for the traffic per day.',
  }),
  effect: z
    .number()
    .positive()
    .optional()
    .describe(
      'Relative effect to detect, e.g. 0.05 for +5%. Gives the sample size and days needed, and the power at units or along the curve.',
    ),
  units: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Units available in total over all arms: gives the minimum detectable effect and, with effect, the power.'),
  units_per_day: z
    .number()
    .positive()
    .optional()
    .describe('Traffic: units entering the test per day over all arms. Gives days_needed and the curve.'),
  days: z
    .number()
    .int()
    .positive()
    .max(3650)
    .optional()
    .describe('Length of the curve in days (default: 1.5 × days_needed, at least 14; 28 without an effect).'),
  arms: z.number().int().min(2).max(50).default(2).describe('Number of arms, control included; traffic is split equally.'),
  alpha: z.number().gt(0).lt(1).default(0.05).describe('Significance level of the two-sided test.'),
  target_power: z.number().gt(0).lt(1).default(0.8).describe('Power to plan for: the chance to detect the effect if it is real.'),
  sequential: z
    .boolean()
    .default(false)
    .describe('Plan for sequential testing (lift with sequential: true): wider intervals, so more units are needed.'),
  sequential_tuning: z.number().positive().default(5000).describe('Sequential tuning parameter, as in lift.'),
});

export type PowerParams = z.output<typeof powerParams>;
