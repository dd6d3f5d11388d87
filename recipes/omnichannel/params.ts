import { z } from 'zod';
import { column } from '../column.js';
import { commaList } from '../comma-list.js';
import { journeyConverted, touchChannel, touchPersonalized, touchTime } from '../column-roles.js';

/**
 * The `omnichannel` parameters.
 *
 * @example
 * omnichannelParams.parse({ channels: 'email,recommendation' }).channels; // → ['email', 'recommendation']
 */
export const omnichannelParams = z.strictObject({
  channels: commaList(z.string().min(1))
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
  timestamp: touchTime,
  channel: touchChannel,
  personalized: touchPersonalized,
  offer: column({
    default: 'offer',
    defaultWhenRead: true,
    nonEmpty: true,
    description: 'Column with the offer (or category) shown by the touch (default "offer, else category").',
    role: 'offer or category shown (default offer, else category)',
  }),
  converted: journeyConverted,
  alpha: z.number().gt(0).lt(1).default(0.05).describe('1 − confidence of the Wilson intervals.'),
  min_journeys: z.number().int().min(1).default(30).describe('Rates over fewer journeys are flagged as too few to judge.'),
});

export type OmnichannelParams = z.output<typeof omnichannelParams>;
