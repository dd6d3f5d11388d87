import { z } from 'zod';
import { column } from '../column.js';
import { controlArm } from '../stats/compare-params.js';
import { experimentArm } from '../column-roles.js';

/**
 * The `roi` parameters: the units input's columns and the economics of the personalization.
 *
 * @example
 * roiParams.parse({}).revenue; // → 'revenue'
 */
export const roiParams = z.strictObject({
  variant: experimentArm,
  control: controlArm,
  treatment: z
    .string()
    .optional()
    .describe('The arm whose ROI the headline metrics report (default the first non-control arm); every arm is in table roi.'),
  revenue: column({
    default: 'revenue',
    required: true,
    description: 'Column with revenue per unit over the experiment.',
    role: 'revenue per unit',
  }),
  covariate: column({
    description: 'Pre-period revenue per unit for CUPED (narrower intervals), e.g. "pre_revenue".',
    role: 'pre-period revenue for CUPED',
  }),
  cost_fixed: z.number().min(0).default(0).describe('One-off cost of the personalization (set-up, licence).'),
  cost_per_unit: z.number().min(0).default(0).describe('Cost per treated unit per period (serving, discounts).'),
  margin: z.number().gt(0).max(1).default(1).describe('Gross margin on revenue; incremental profit = incremental revenue × margin.'),
  population: z.number().positive().optional().describe('Units the personalization would reach (default: the treated units in the data).'),
  alpha: z.number().gt(0).lt(1).default(0.05).describe('1 − confidence of the intervals.'),
});

export type RoiParams = z.output<typeof roiParams>;
