import { z } from 'zod';
import { column } from '../column.js';
import { customerId } from '../column-roles.js';

/**
 * The `retention` parameters: the events input's columns and the cohort calendar.
 *
 * @example
 * retentionParams.parse({}).period; // → 'week'
 */
export const retentionParams = z
  .object({
    customer: customerId,
    timestamp: column({
      default: 'timestamp',
      required: true,
      description: 'Column with the event date/time (UTC).',
      role: 'event date/time (UTC)',
    }),
    group: column({
      description: "Optional column with each customer's group (e.g. variant); curves are compared between groups.",
      role: 'group of the customer (e.g. variant)',
    }),
    period: z.enum(['day', 'week', 'month']).default('week').describe('Calendar bucket (UTC).'),
    week_start: z.enum(['sunday', 'monday']).default('sunday').describe('First day of a week bucket.'),
    mode: z
      .enum(['recurring', 'first_time'])
      .default('recurring')
      .describe('recurring: cohort = active in a period; first_time: cohort = period of first activity.'),
    periods: z.number().int().positive().max(400).optional().describe('Number of periods (cohorts) from start; default up to end.'),
    start: z.string().optional().describe("A date in the first cohort's period (default: the first event)."),
    end: z.string().optional().describe('A date in the last period (default: the last event); ignored when periods is given.'),
    alpha: z.number().gt(0).lt(1).default(0.05).describe('Significance level of the group comparison.'),
  })
  .strict();

export type RetentionParams = z.output<typeof retentionParams>;
