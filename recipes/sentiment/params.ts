import { z } from 'zod';
import { column } from '../column.js';

/**
 * The `sentiment` parameters: the texts input's columns and the interval level.
 *
 * @example
 * sentimentParams.parse({}).text; // → 'text'
 */
export const sentimentParams = z.strictObject({
  text: column({
    default: 'text',
    required: true,
    description: 'Column with the text to score (default {default}).',
    role: 'the text (review, comment, survey answer)',
  }),
  id: column({
    default: 'id',
    defaultWhenRead: true,
    description: 'Column with the text id (default {default}; row numbers when absent).',
    role: 'text id',
  }),
  group: column({ description: 'Column to compare groups by, e.g. segment or variant.', role: 'group to compare (segment, variant…)' }),
  rating: column({
    description: 'Column with a numeric rating (e.g. 1–5 stars or 0/1) to check agreement with.',
    role: 'numeric rating, e.g. stars',
  }),
  alpha: z.number().gt(0).lt(1).default(0.05).describe('1 − confidence of the intervals.'),
});

export type SentimentParams = z.output<typeof sentimentParams>;
