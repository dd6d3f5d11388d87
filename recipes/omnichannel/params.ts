import { z } from 'zod';
import { column } from '../column.js';

/**
 * The `omnichannel` parameters.
 *
 * @example
 * omnichannelParams.parse({ channels: 'email,recommendation' }).channels; // → ['email', 'recommendation']
 */
export const omnichannelParams = z.strictObject({
  channels: z
    .union([
      z.array(z.string().min(1)).min(1),
      z
        .string()
        .min(1)
        .transform((s) =>
          s
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean),
        ),
    ])
    .optional()
    .describe('Channels to analyse (touches on other channels are dropped); default every channel in the data.'),
  journey: column({
    default: 'journey_id',
    defaultWhenRead: true,
    nonEmpty: true,
    required: true,
    description: 'Column with the journey id (default {default}).',
    role: 'journey id',
  }),
  timestamp: column({
    default: 'timestamp',
    defaultWhenRead: true,
    nonEmpty: true,
    required: true,
    description: 'Column with the touch time (default {default}).',
    role: 'touch time',
  }),
  channel: column({
    default: 'channel',
    defaultWhenRead: true,
    nonEmpty: true,
    required: true,
    description: 'Column with the channel (default {default}).',
    role: 'channel',
  }),
  personalized: column({
    default: 'personalized',
    defaultWhenRead: true,
    nonEmpty: true,
    description: 'Column with the 0/1 personalized flag of the touch (default {default}).',
    role: '1 when the touch was personalized',
  }),
  offer: column({
    default: 'offer',
    defaultWhenRead: true,
    nonEmpty: true,
    description: 'Column with the offer (or category) shown by the touch (default "offer, else category").',
    role: 'offer or category shown (default offer, else category)',
  }),
  converted: column({
    default: 'converted',
    defaultWhenRead: true,
    nonEmpty: true,
    description: 'Column with the 0/1 conversion flag of the journey (default {default}).',
    role: '1 when the journey converted',
  }),
  alpha: z.number().gt(0).lt(1).default(0.05).describe('1 − confidence of the Wilson intervals.'),
  min_journeys: z.number().int().min(1).default(30).describe('Rates over fewer journeys are flagged as too few to judge.'),
});

export type OmnichannelParams = z.output<typeof omnichannelParams>;
