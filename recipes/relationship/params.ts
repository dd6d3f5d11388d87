import { z } from 'zod';
import { column } from '../column.js';

/**
 * The `relationship` parameters. Every column is optional: a role left at its default is used only
 * when the responses table has it, so the defaults apply where the table is read.
 *
 * @example
 * relationshipParams.parse({}).csat_scale; // → 5
 */
export const relationshipParams = z.strictObject({
  customer: column({
    default: 'customer_id',
    defaultWhenRead: true,
    description: 'Column with the respondent (default {default}); used to count distinct customers.',
    role: 'respondent',
  }),
  timestamp: column({
    default: 'timestamp',
    defaultWhenRead: true,
    description: 'Column with the answer time (default {default}); without it there is no over-time table.',
    role: 'answer time',
  }),
  group: column({ description: 'Column to split by (e.g. variant or segment); none by default.', role: 'group to split by' }),
  control: z.string().optional().describe('The group every other group is compared with (default "control" when present).'),
  nps: column({
    default: 'nps',
    defaultWhenRead: true,
    description: 'Column with the 0–10 likelihood-to-recommend answer (default {default}).',
    role: 'likelihood to recommend, 0–10',
  }),
  csat: column({
    default: 'csat',
    defaultWhenRead: true,
    description: 'Column with the satisfaction answer on 1…csat_scale (default {default}).',
    role: 'satisfaction, 1–csat_scale',
  }),
  trust: column({
    role: 'two or more trust item columns',
    schema: z
      .array(z.string())
      .optional()
      .describe('Item columns of the trust scale, two or more (default: columns named trust_1, trust_2, …).'),
  }),
  csat_scale: z.number().int().min(3).max(10).default(5).describe('Top of the CSAT scale; the top two boxes count as satisfied.'),
  period: z.enum(['day', 'week', 'month', 'quarter']).default('month').describe('Calendar period (UTC) of the over-time rows.'),
  alpha: z.number().gt(0).lt(1).default(0.05).describe('1 − confidence of the intervals.'),
  min_responses: z.number().int().min(1).default(30).describe('Groups or periods with fewer answers are flagged as too small to judge.'),
});

export type RelationshipParams = z.output<typeof relationshipParams>;
