import { z } from 'zod';
import { column } from '../column.js';
import { commaList } from '../comma-list.js';

/**
 * The `fairness` parameters.
 *
 * @example
 * fairnessParams.parse({ group: 'age_group' }).method; // → 'between_groups'
 */
export const fairnessParams = z.strictObject({
  group: column({
    role: 'sensitive column(s)',
    required: true,
    schema: commaList(z.string().min(1))
      .default(['group'])
      .describe('Sensitive column(s); several columns make intersectional groups (e.g. ["age_group", "gender"] or "age_group,gender").'),
  }),
  method: z
    .enum(['between_groups', 'to_overall'])
    .default('between_groups')
    .describe(
      "between_groups: largest minus smallest group value (ratio smallest/largest); to_overall: largest distance of a group from the overall value (ratio: smallest of group/overall and overall/group), as fairlearn's MetricFrame.difference/ratio.",
    ),
  threshold: z.number().min(0).default(0.1).describe('A difference above this is named in the notes as a disparity.'),
  bootstrap: z
    .number()
    .int()
    .min(0)
    .max(10000)
    .default(500)
    .describe('Bootstrap resamples (rows resampled within each group) for the intervals; 0 turns them off.'),
  seed: z.number().int().default(1).describe('Seed of the bootstrap.'),
  alpha: z.number().gt(0).lt(1).default(0.05).describe('1 − confidence of the percentile intervals.'),
  pos_label: z
    .union([z.number(), z.string(), z.boolean()])
    .default(1)
    .describe('The value of y_true and y_pred that means the positive class.'),
  cutoff: z.number().min(0).max(1).default(0.5).describe('When there is no y_pred column, y_pred = 1 where y_score ≥ cutoff.'),
  min_group: z.number().int().min(1).default(30).describe('Groups with fewer rows are flagged as too small to judge.'),
  y_true: column({
    default: 'y_true',
    defaultWhenRead: true,
    nonEmpty: true,
    required: true,
    description: 'Column with the true label (default {default}).',
    role: 'true label (binary)',
  }),
  y_pred: column({
    default: 'y_pred',
    defaultWhenRead: true,
    nonEmpty: true,
    required: true,
    description: 'Column with the predicted label (default {default}).',
    role: 'predicted label (binary); derived from y_score ≥ cutoff when absent',
  }),
  y_score: column({
    default: 'y_score',
    defaultWhenRead: true,
    nonEmpty: true,
    description: 'Column with the predicted score (optional; adds a per-group AUC) (default {default}).',
    role: 'predicted score (optional)',
  }),
  k: z.number().int().min(1).default(10).describe("Recommendations: exposure counts the top k of each user's list."),
  user: column({
    default: 'user',
    defaultWhenRead: true,
    nonEmpty: true,
    required: true,
    description: 'Column with the user of a recommendation (default {default}).',
    role: 'user',
  }),
  item: column({
    default: 'item',
    defaultWhenRead: true,
    nonEmpty: true,
    required: true,
    description: 'Column with the recommended or catalogue item (default {default}).',
    role: 'recommended item',
  }),
  rank: column({
    default: 'rank',
    defaultWhenRead: true,
    nonEmpty: true,
    description: 'Column with the rank of a recommendation (1 = top; default row order per user when absent) (default {default}).',
    role: 'position in the list (1 = top)',
  }),
  item_group: column({
    default: 'item_group',
    defaultWhenRead: true,
    nonEmpty: true,
    required: true,
    description: 'Column with the group of a catalogue item (e.g. category, new vs established) (default {default}).',
    role: 'group of the item',
  }),
});

export type FairnessParams = z.output<typeof fairnessParams>;
