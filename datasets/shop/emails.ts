import type { Random } from './random.js';
import type { Customer } from './customers.js';
import { EMAIL, EXPERIMENT_START, EXPERIMENT_WEEKS, WEEK } from './design.js';

/**
 * One weekly campaign email per customer through the window: personalized subject lines open
 * more, personalized content is clicked more.
 *
 * @example
 * customerEmails(rng, customer);
 */
export function customerEmails(rng: Random, c: Customer): Record<string, unknown>[] {
  const arm = c.variant;
  return Array.from({ length: EXPERIMENT_WEEKS }, (_, w) => {
    const opened = rng.bernoulli(EMAIL.open[arm]);
    const clicked = opened && rng.bernoulli(EMAIL.clickGivenOpen[arm]);
    const converted = clicked && rng.bernoulli(EMAIL.convertGivenClick);
    return {
      customer_id: c.id,
      variant: arm,
      campaign: `week-${String(w + 1).padStart(2, '0')}`,
      sent_at: EXPERIMENT_START + w * WEEK + 9 * 3_600_000,
      opened: opened ? 1 : 0,
      clicked: clicked ? 1 : 0,
      converted: converted ? 1 : 0,
    };
  });
}
