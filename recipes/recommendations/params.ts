import { z } from 'zod';
import { column } from '../column.js';

/**
 * The `recommendations` parameters: the columns of the recommended, relevant and catalog tables,
 * the cut-offs k and how tied scores count.
 *
 * @example
 * recommendationsParams.parse({}).k; // → [5, 10]
 */
export const recommendationsParams = z
  .object({
    user: column({ default: 'user', required: true, description: 'Column with the user id (both tables).', role: 'user id' }),
    item: column({ default: 'item', required: true, description: 'Column with the item id (both tables).', role: 'item id' }),
    score: column({
      default: 'score',
      description: 'recommended: higher is better (used when there is no rank column).',
      role: 'score (higher is better)',
    }),
    rank: column({ default: 'rank', description: 'recommended: 1 is best (used when present).', role: 'rank (1 is best)' }),
    relevance: column({
      default: 'relevance',
      description: 'relevant: graded relevance (gain); without it every listed item has gain 1.',
      role: 'graded relevance',
    }),
    segment: column({
      description: 'Optional column (in recommended or relevant) to break the metrics down by.',
      role: 'segment of the user',
    }),
    k: z
      .union([z.number().int().positive(), z.array(z.number().int().positive()).min(1)])
      .default([5, 10])
      .describe('Cut-off(s) k.'),
    ties: z
      .enum(['average', 'first'])
      .default('average')
      .describe(
        "Tied scores (or ranks) in DCG and NDCG: average the gains of the tied items over their positions, as sklearn's ndcg_score; or first, breaking ties by item id.",
      ),
  })
  .strict();

export type RecommendationsParams = z.output<typeof recommendationsParams>;
