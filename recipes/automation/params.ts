import { z } from 'zod';
import { column } from '../column.js';

/**
 * The `automation` parameters. Each column role defaults to the column of the same name; the
 * optional ones are used only when present, so the defaults apply where the runs table is read.
 *
 * @example
 * automationParams.parse({}).period; // → 'week'
 */
export const automationParams = z.strictObject({
  campaign: column({
    default: 'campaign',
    defaultWhenRead: true,
    required: true,
    description: 'Column with the campaign (default {default}).',
    role: 'campaign name',
  }),
  created_at: column({
    default: 'created_at',
    defaultWhenRead: true,
    required: true,
    description: 'Column with the created_at (default {default}).',
    role: 'when the run was created',
  }),
  launched_at: column({
    default: 'launched_at',
    defaultWhenRead: true,
    required: true,
    description: 'Column with the launched_at (default {default}).',
    role: 'when it launched (empty if not)',
  }),
  status: column({
    default: 'status',
    defaultWhenRead: true,
    required: true,
    description: 'Column with the status (default {default}).',
    role: 'run status; failed_status values count as failures',
  }),
  errors: column({
    default: 'errors',
    defaultWhenRead: true,
    description: 'Column with the errors (default {default}).',
    role: 'records that errored',
  }),
  records: column({
    default: 'records',
    defaultWhenRead: true,
    description: 'Column with the records (default {default}).',
    role: 'records (messages) processed',
  }),
  cost: column({
    default: 'cost',
    defaultWhenRead: true,
    description: 'Column with the cost (default {default}).',
    role: 'cost of the run',
  }),
  staff_minutes: column({
    default: 'staff_minutes',
    defaultWhenRead: true,
    description: 'Column with the staff_minutes (default {default}).',
    role: 'staff time spent',
  }),
  failed_status: z.array(z.string()).min(1).default(['failed']).describe('Status values that mean the run failed (case-insensitive).'),
  period: z
    .enum(['day', 'week', 'month', 'quarter'])
    .default('week')
    .describe('Calendar period (UTC, weeks from Monday) for throughput and the over-time table.'),
  alpha: z.number().gt(0).lt(1).default(0.05).describe('1 − confidence of the intervals.'),
});

export type AutomationParams = z.output<typeof automationParams>;
