import { z } from 'zod';
import { column } from '../column.js';
import { splitCommas } from '../comma-list.js';
import { journeyConverted, touchChannel, touchPersonalized, touchTime } from '../column-roles.js';

export const MODELS = ['first', 'last', 'linear', 'position', 'time_decay', 'markov', 'shapley'] as const;
export type Model = (typeof MODELS)[number];

/** A list parameter that also accepts `a,b,c` from the command line (may be empty, unlike commaList). */
const split = () => z.string().transform(splitCommas);
const modelList = z.union([z.array(z.enum(MODELS)), split().pipe(z.array(z.enum(MODELS)))]);
const nameList = z.union([z.array(z.string().min(1)), split()]);

/**
 * The `attribution` parameters. Column roles default to the column of the same name, except
 * `journey` ("journey_id") and the paths input's `path`, `conversions`, `value`, `nulls`.
 *
 * @example
 * attributionParams.parse({ models: 'first,markov' }).models; // → ['first', 'markov']
 */
export const attributionParams = z.strictObject({
  models: modelList
    .default([...MODELS])
    .describe(
      'Models to run: first, last, linear, position, time_decay, markov, shapley (default all; aggregated paths have no timestamps, so time_decay is left out for them, with a note).',
    ),
  half_life: z
    .number()
    .gt(0)
    .default(7)
    .describe('time_decay: days after which a touch weighs half as much (weight 0.5^(days before the conversion / half_life)).'),
  order: z.number().int().min(1).max(3).default(1).describe('markov: order of the chain (states are the last 1–3 channels).'),
  personalized_channels: nameList
    .default([])
    .describe('Channels whose touches count as personalized (touchpoints may also flag single touches with a personalized 0/1 column).'),
  separator: z.string().min(1).default(' > ').describe('paths: separator between channels in a path (spaces around channels are ignored).'),
  journey: column({
    default: 'journey_id',
    defaultWhenRead: true,
    nonEmpty: true,
    required: true,
    description: 'Column with the journey (default {default}).',
    role: 'journey (or customer) id',
  }),
  timestamp: touchTime,
  channel: touchChannel,
  converted: journeyConverted,
  personalized: touchPersonalized,
  path: column({
    default: 'path',
    defaultWhenRead: true,
    nonEmpty: true,
    required: true,
    description: 'Column with the path, channels joined by the separator (default {default}).',
    role: 'channels in order, joined by the separator',
  }),
  conversions: column({
    default: 'conversions',
    defaultWhenRead: true,
    nonEmpty: true,
    required: true,
    description: 'Column with the conversions of the path (default {default}).',
    role: 'conversions of the path',
  }),
  value: column({
    default: 'value',
    defaultWhenRead: true,
    nonEmpty: true,
    description: 'Column with the conversion value (default {default}).',
    role: 'conversion value of the journey',
  }),
  nulls: column({
    default: 'nulls',
    defaultWhenRead: true,
    nonEmpty: true,
    description: 'Column with the journeys on the path that did not convert (default {default}).',
    role: 'journeys on the path that did not convert',
  }),
});

export type AttributionParams = z.output<typeof attributionParams>;
