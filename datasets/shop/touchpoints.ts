import type { Random } from './random.js';
import type { Customer } from './customers.js';
import { CATEGORIES, DAY, EXPERIMENT_START, EXPERIMENT_WEEKS } from './design.js';

export const CHANNELS = ['email', 'search', 'social', 'display', 'recommendation', 'direct'] as const;
const CHANNEL_WEIGHTS = [0.25, 0.2, 0.15, 0.15, 0.15, 0.1];
/** Each channel's contribution to the log-odds of converting; personalized touches add PERSONAL_BOOST. */
export const CHANNEL_EFFECT: Record<(typeof CHANNELS)[number], number> = {
  email: 0.6, search: 0.5, social: 0.1, display: 0.05, recommendation: 0.8, direct: 0.4,
};
export const PERSONAL_BOOST = 0.4;
export const JOURNEY_BASE_LOGIT = -3;
/** Personalized offers match the customer's favourite category this often (control: at random). */
export const OFFER_CONSISTENCY = 0.85;

/**
 * One marketing journey: 1–5 touches over a few days; the conversion chance rises with the
 * channels touched (logistic in the channel effects).
 *
 * @example
 * journey(rng, customer, 'J000001');
 */
export function journey(rng: Random, c: Customer, id: string): Record<string, unknown>[] {
  const touches = 1 + rng.poisson(1.2);
  const length = Math.min(5, touches);
  let t = EXPERIMENT_START + Math.floor(rng.uniform() * (EXPERIMENT_WEEKS * 7 - 7)) * DAY + rng.int(8, 22) * 3_600_000;
  let logit = JOURNEY_BASE_LOGIT;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < length; i++) {
    const channel = rng.pick(CHANNELS, CHANNEL_WEIGHTS);
    const personalized = c.variant === 'personalized' && (channel === 'email' || channel === 'recommendation');
    logit += CHANNEL_EFFECT[channel] + (personalized ? PERSONAL_BOOST : 0);
    const offer = personalized && rng.bernoulli(OFFER_CONSISTENCY) ? c.favourite : rng.pick(CATEGORIES);
    rows.push({ journey_id: id, customer_id: c.id, timestamp: t, channel, personalized: personalized ? 1 : 0, offer, category: offer });
    t += Math.floor(rng.exponential(1) * DAY);
  }
  const converted = rng.bernoulli(1 / (1 + Math.exp(-logit)));
  const value = converted ? Math.round(rng.gamma(6, c.nu) * 100) / 100 : 0;
  for (const row of rows) Object.assign(row, { converted: converted ? 1 : 0, value });
  return rows;
}
