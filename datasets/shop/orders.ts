import type { Random } from './random.js';
import type { Customer } from './customers.js';
import { AOV_LIFT, CATEGORIES, GAMMA_GAMMA, WEEK } from './design.js';

export interface Order {
  order_id: string;
  customer_id: string;
  variant: string;
  timestamp: number;
  amount: number;
  items: number;
  category: string;
  channel: string;
}

const CHANNELS = ['web', 'app', 'email'];

/**
 * One order: Gamma–Gamma value (personalized orders in and after the experiment are AOV_LIFT
 * larger), rounded to cents.
 *
 * @example
 * makeOrder(rng, customer, Date.UTC(2024, 5, 1), false, 1);
 */
export function makeOrder(rng: Random, c: Customer, timestamp: number, treated: boolean, n: number): Order {
  const value = rng.gamma(GAMMA_GAMMA.p, c.nu) * (treated && c.variant === 'personalized' ? 1 + AOV_LIFT : 1);
  return {
    order_id: `O${String(n).padStart(7, '0')}`,
    customer_id: c.id,
    variant: c.variant,
    timestamp,
    amount: Math.max(0.01, Math.round(value * 100) / 100),
    items: 1 + Math.min(6, Math.floor(value / 25)),
    category: rng.bernoulli(0.6) ? c.favourite : rng.pick(CATEGORIES),
    channel: rng.pick(CHANNELS, [0.5, 0.35, 0.15]),
  };
}

/**
 * Repeat purchases of a BG/NBD customer from `from` to `until`: exponential gaps at rate λ·boost
 * per week; after each purchase the customer drops out with probability p. Updates `c.alive`.
 *
 * @example
 * bgnbdPurchases(rng, customer, start, end, 1);
 */
export function bgnbdPurchases(rng: Random, c: Customer, from: number, until: number, boost: number): number[] {
  const times: number[] = [];
  let t = from;
  while (c.alive) {
    t += rng.exponential(c.lambda * boost) * WEEK;
    if (t >= until) break;
    times.push(Math.floor(t));
    if (rng.bernoulli(c.dropout)) c.alive = false;
  }
  return times;
}
