import { column } from './column.js';

/**
 * Column roles that several recipes read alike: the same column, default, description and role, so
 * a recipe's params.ts uses the one declaration here instead of writing it again. A role whose
 * meaning differs by recipe (a journey that may be a customer, an order date vs an event time)
 * stays in that recipe's params.ts.
 */

/** The experiment arm of a unit, for the recipes that compare arms against a control (context, engagement, roi). */
export const experimentArm = column({
  default: 'variant',
  required: true,
  description: 'Column with the experiment arm.',
  role: 'experiment arm',
});

/** The customer of a transaction or event (clv, retention). */
export const customerId = column({ default: 'customer', required: true, description: 'Column with the customer id.', role: 'customer id' });

/** The touches of a journey, one row per touch (attribution, omnichannel). */
export const touchTime = column({
  default: 'timestamp',
  defaultWhenRead: true,
  nonEmpty: true,
  required: true,
  description: 'Column with the touch time (default {default}).',
  role: 'touch time',
});

export const touchChannel = column({
  default: 'channel',
  defaultWhenRead: true,
  nonEmpty: true,
  required: true,
  description: 'Column with the channel (default {default}).',
  role: 'channel of the touch',
});

export const touchPersonalized = column({
  default: 'personalized',
  defaultWhenRead: true,
  nonEmpty: true,
  description: 'Column with the 0/1 personalized flag of each touch (default {default}).',
  role: '1 when the touch was personalized',
});

export const journeyConverted = column({
  default: 'converted',
  defaultWhenRead: true,
  nonEmpty: true,
  description: 'Column with the 0/1 conversion flag of the journey (default {default}).',
  role: '1 when the journey converted',
});
