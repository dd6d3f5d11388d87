import { z } from 'zod';
import { column } from '../column.js';
import { compareParams, controlArm } from '../stats/compare-params.js';
import { SEGMENT_METRICS } from './metrics.js';

/**
 * The `segments` parameters. Every measure column is optional: a role left at its default is
 * used only when the table has that column, so those defaults apply where the table is read.
 *
 * @example
 * segmentsParams.parse({}).segment; // → 'segment'
 */
export const segmentsParams = z.strictObject({
  segment: column({ default: 'segment', required: true, description: 'Column with the customer segment.', role: 'customer segment' }),
  variant: column({
    default: 'variant',
    defaultWhenRead: true,
    description: 'Column with the experiment arm (default {default}; without one the segments are only described).',
    role: 'experiment arm',
  }),
  control: controlArm,
  margin: z
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe('Gross margin on revenue for profit (profit = revenue × margin − cost); 1 treats revenue as profit.'),
  metric: z
    .enum(SEGMENT_METRICS)
    .optional()
    .describe('Metric whose lift the heterogeneity test and forest plot use (default conversion_rate, else revenue_per_customer).'),
  min_customers: z.number().int().min(2).default(30).describe('Segments with fewer customers in an arm are flagged as too small to judge.'),
  exposed: column({
    default: 'exposed',
    defaultWhenRead: true,
    description: 'Column with exposed (0/1 or count of exposures) (default {default}; left out when absent).',
    role: 'exposed to the personalization',
  }),
  engaged: column({
    default: 'engaged',
    defaultWhenRead: true,
    description: 'Column with engaged (0/1 or count) (default {default}; left out when absent).',
    role: 'engaged with it',
  }),
  converted: column({
    default: 'converted',
    defaultWhenRead: true,
    description: 'Column with converted (0/1) (default {default}; left out when absent).',
    role: 'converted (0/1)',
  }),
  orders: column({
    default: 'orders',
    defaultWhenRead: true,
    description: 'Column with orders (for AOV; default converters) (default {default}; left out when absent).',
    role: 'orders',
  }),
  revenue: column({
    default: 'revenue',
    defaultWhenRead: true,
    description: 'Column with revenue (default {default}; left out when absent).',
    role: 'revenue',
  }),
  clv: column({
    default: 'clv',
    defaultWhenRead: true,
    description: 'Column with clv (default {default}; left out when absent).',
    role: 'customer lifetime value',
  }),
  cost: column({
    default: 'cost',
    defaultWhenRead: true,
    description: 'Column with cost (default {default}; left out when absent).',
    role: 'cost to serve',
  }),
  ...compareParams,
});

export type SegmentsParams = z.output<typeof segmentsParams>;
