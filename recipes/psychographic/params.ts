import { z } from 'zod';
import { column } from '../column.js';
import { DEFAULT_DIMENSIONS } from './lexicon.js';

/**
 * The `psychographic` parameters: the columns of texts and interactions, and the dimensions,
 * lexicon, tag mappings and brand profile to score against.
 *
 * @example
 * psychographicParams.parse({}).customer; // → 'customer_id'
 */
export const psychographicParams = z.strictObject({
  customer: column({ default: 'customer_id', description: 'Customer column of texts and interactions.', role: 'customer id' }),
  text: column({ default: 'text', description: 'Text column of texts (reviews, survey answers).', role: 'free text' }),
  tag: column({
    default: 'tags',
    defaultWhenRead: true,
    description: 'Content tags column of interactions: "a;b;c" in one cell or one tag per row (default {default}, else "category").',
    role: 'content tags',
  }),
  engagement: column({
    description: 'Engagement weight column of interactions (e.g. clicks, minutes); each row counts 1 without it.',
    role: 'engagement weight',
  }),
  group: z.string().optional().describe('Column (of texts or interactions) to split the mean profile by, e.g. segment.'),
  dimensions: z
    .array(z.string().min(1))
    .min(1)
    .default(DEFAULT_DIMENSIONS)
    .describe('Dimensions to profile; each needs lexicon words or tag mappings.'),
  lexicon: z
    .record(z.string(), z.array(z.string().min(1)))
    .optional()
    .describe('Override or add dimensions: {dimension: [words]}; "word*" matches by prefix.'),
  tags: z
    .record(z.string(), z.union([z.array(z.string()), z.record(z.string(), z.number().min(0))]))
    .optional()
    .describe(
      'Extra or replacement tag → dimensions mappings: {tag: [dimensions]} or {tag: {dimension: weight}}; merged over the bookstore defaults.',
    ),
  brand: z
    .record(z.string(), z.number().min(0))
    .optional()
    .describe('Brand profile {dimension: weight}; or give a brand table (dimension, weight).'),
});

export type PsychographicParams = z.output<typeof psychographicParams>;
