import { z } from 'zod';

const role = (what: string, fallback: string) => z.string().min(1).optional().describe(`Column with the ${what} (default "${fallback}").`);

/**
 * The `omnichannel` parameters.
 *
 * @example
 * omnichannelParams.parse({ channels: 'email,recommendation' }).channels; // → ['email', 'recommendation']
 */
export const omnichannelParams = z.strictObject({
  channels: z
    .union([z.array(z.string().min(1)).min(1), z.string().min(1).transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))])
    .optional()
    .describe('Channels to analyse (touches on other channels are dropped); default every channel in the data.'),
  journey: role('journey id', 'journey_id'),
  timestamp: role('touch time', 'timestamp'),
  channel: role('channel', 'channel'),
  personalized: role('0/1 personalized flag of the touch', 'personalized'),
  offer: role('offer (or category) shown by the touch', 'offer, else category'),
  converted: role('0/1 conversion flag of the journey', 'converted'),
  alpha: z.number().gt(0).lt(1).default(0.05).describe('1 − confidence of the Wilson intervals.'),
  min_journeys: z.number().int().min(1).default(30).describe('Rates over fewer journeys are flagged as too few to judge.'),
});

export type OmnichannelParams = z.output<typeof omnichannelParams>;
