import { z } from 'zod';
import { column } from '../column.js';
import { experimentArm } from '../column-roles.js';
import { compareParams, controlArm } from '../stats/compare-params.js';

/** Context columns read when none are named (those present). */
export const DEFAULT_CONTEXTS = ['hour', 'weekday', 'device', 'region', 'journey_stage'];

/**
 * The `context` parameters. The timestamp is optional: its default column is used only when present.
 *
 * @example
 * contextParams.parse({}).outcome; // → 'converted'
 */
export const contextParams = z.strictObject({
  variant: experimentArm,
  control: controlArm,
  outcome: column({
    default: 'converted',
    required: true,
    description: 'Column with the outcome per unit (0/1 or a number).',
    role: 'outcome (0/1 or number)',
  }),
  contexts: column({
    role: 'context columns',
    required: true,
    schema: z
      .array(z.string())
      .min(1)
      .optional()
      .describe(`Context columns (default: those of ${DEFAULT_CONTEXTS.join(', ')} present).`),
  }),
  timestamp: column({
    default: 'timestamp',
    defaultWhenRead: true,
    description: 'Column with the unit time for rolling lift and drift (default {default} when present).',
    role: 'time of the unit',
  }),
  window: z.number().int().min(1).default(7).describe('Days per window, for the rolling lift and the drift windows.'),
  max_levels: z
    .number()
    .int()
    .min(2)
    .default(24)
    .describe('A numeric context with more distinct values than this is cut into quantile bins.'),
  bins: z.number().int().min(2).max(20).default(5).describe('Number of quantile bins for such a context.'),
  ...compareParams,
});

export type ContextParams = z.output<typeof contextParams>;
