import type { Random } from './random.js';
import type { Customer } from './customers.js';
import { CSAT_PROBS, DAY, EXPERIMENT_END, NPS_PROBS, RATING_PROBS } from './design.js';

const NPS = Array.from({ length: 11 }, (_, i) => i);
const FIVE = [1, 2, 3, 4, 5];
/** Personalized customers trust the shop a little more: the latent trust factor is shifted by this. */
export const TRUST_SHIFT = 0.3;

function clamp5(x: number): number {
  return Math.min(5, Math.max(1, Math.round(x)));
}

/**
 * A survey answer after the experiment: NPS 0–10, CSAT 1–5 and three trust items that share a
 * latent factor (so the scale has a real Cronbach's alpha).
 *
 * @example
 * surveyAnswer(rng, customer);
 */
export function surveyAnswer(rng: Random, c: Customer): Record<string, unknown> {
  const arm = c.variant;
  const trust = rng.normal(arm === 'personalized' ? TRUST_SHIFT : 0, 1);
  return {
    customer_id: c.id,
    variant: arm,
    segment: c.segment,
    timestamp: EXPERIMENT_END + rng.int(0, 27) * DAY + rng.int(8, 20) * 3_600_000,
    nps: rng.pick(NPS, NPS_PROBS[arm]),
    csat: rng.pick(FIVE, CSAT_PROBS[arm]),
    trust_1: clamp5(3.4 + 0.8 * trust + rng.normal(0, 0.6)),
    trust_2: clamp5(3.3 + 0.8 * trust + rng.normal(0, 0.6)),
    trust_3: clamp5(3.5 + 0.7 * trust + rng.normal(0, 0.7)),
  };
}

const PRAISE = ['I love this shop', 'Great recommendations', 'Wonderful selection of books', 'Fast delivery and a lovely gift wrap', 'The staff picks are excellent', 'Happy with my order'];
const WARM = ['really', 'very', 'so', 'absolutely'];
const MEH = ['The book was okay', 'Delivery was fine but slow', 'Decent prices, nothing special', 'The recommendations were hit and miss'];
const COMPLAINT = ['The book arrived damaged', 'Terrible delivery, very late', 'Not what I expected, disappointing', 'The recommendations were useless', 'I hate the new checkout', 'Poor packaging and a bad experience'];

/**
 * A product review whose text follows its rating (praise for 4–5, complaints for 1–2, mixed for 3),
 * so sentiment scores should agree with ratings.
 *
 * @example
 * review(rng, customer, 'R000001');
 */
export function review(rng: Random, c: Customer, id: string): Record<string, unknown> {
  const rating = rng.pick(FIVE, RATING_PROBS[c.variant]);
  let text: string;
  if (rating >= 4) text = `${rng.pick(PRAISE)}${rating === 5 ? '!' : '.'} ${rng.bernoulli(0.5) ? `The staff are ${rng.pick(WARM)} helpful.` : ''}`;
  else if (rating === 3) text = `${rng.pick(MEH)}. ${rng.bernoulli(0.5) ? 'Not bad, but not great either.' : ''}`;
  else text = `${rng.pick(COMPLAINT)}${rating === 1 ? '!!' : '.'} ${rng.bernoulli(0.5) ? 'I will not order again.' : ''}`;
  return { review_id: id, customer_id: c.id, variant: c.variant, segment: c.segment, timestamp: EXPERIMENT_END + rng.int(0, 60) * DAY, rating, text: text.trim() };
}
