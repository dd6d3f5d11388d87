import type { Random } from './random.js';
import type { Customer } from './customers.js';
import {
  DAY, DEVICE_LIFT, DWELL_SECONDS, EXPERIMENT_START, EXPERIMENT_WEEKS, INTERACTION, PAGES_EXTRA,
  SCROLL_BETA, SEGMENT_LIFT, SESSIONS_ALIVE, SESSIONS_DORMANT, STAGES, STAGE_CONVERSION, STAGE_WEIGHTS,
} from './design.js';

export interface Session {
  session_id: string;
  customer_id: string;
  variant: string;
  started_at: number;
  hour: number;
  weekday: string;
  device: string;
  region: string;
  journey_stage: string;
  pageviews: number;
  duration: number;
  bounced: number;
  converted: number;
  revenue: number;
}

export interface PageView {
  session_id: string;
  customer_id: string;
  variant: string;
  timestamp: number;
  page: string;
  scroll_depth: number;
  interacted: number;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const PAGES = ['home', 'category', 'book', 'book', 'search', 'recommendations', 'cart'];
const HOUR_WEIGHTS = Array.from({ length: 24 }, (_, h) => (h < 7 ? 0.3 : h < 18 ? 1 : 1.6));

/** The personalization multiplier on a customer's session conversion (1 for control). */
export function conversionMultiplier(c: Customer): number {
  return c.variant === 'personalized' ? (1 + SEGMENT_LIFT[c.segment]) * (1 + DEVICE_LIFT[c.device]) : 1;
}

/** Mean sessions in the window: alive customers visit, dormant ones rarely. */
export function sessionRate(c: Customer): number {
  return c.alive ? SESSIONS_ALIVE : SESSIONS_DORMANT;
}

/**
 * The customer's sessions and page views in the experiment window; `onConvert` is called with the
 * time of each converting session and must return the order's amount.
 *
 * @example
 * windowSessions(rng, customer, counter, (t) => 20);
 */
export function windowSessions(
  rng: Random,
  c: Customer,
  counter: { session: number },
  onConvert: (time: number) => number,
): { sessions: Session[]; pageviews: PageView[] } {
  const arm = c.variant;
  const sessions: Session[] = [];
  const pageviews: PageView[] = [];
  const n = rng.poisson(sessionRate(c));
  for (let s = 0; s < n; s++) {
    const day = Math.floor(rng.uniform() * EXPERIMENT_WEEKS * 7);
    const hour = rng.pick(HOUR_WEIGHTS.map((_, h) => h), HOUR_WEIGHTS);
    const start = EXPERIMENT_START + day * DAY + hour * 3_600_000 + Math.floor(rng.uniform() * 3_600_000);
    const stageIndex = STAGES.indexOf(rng.pick(STAGES, STAGE_WEIGHTS));
    const pages = 1 + rng.poisson(PAGES_EXTRA[arm]);
    const id = `S${String(++counter.session).padStart(7, '0')}`;
    let t = start;
    for (let p = 0; p < pages; p++) {
      pageviews.push({
        session_id: id,
        customer_id: c.id,
        variant: arm,
        timestamp: t,
        page: p === 0 ? 'home' : rng.pick(PAGES),
        scroll_depth: Math.round(rng.beta(SCROLL_BETA[arm][0], SCROLL_BETA[arm][1]) * 1000) / 1000,
        interacted: rng.bernoulli(INTERACTION[arm]) ? 1 : 0,
      });
      t += Math.round(rng.exponential(1 / DWELL_SECONDS[arm]) * 1000);
    }
    const converted = rng.bernoulli(STAGE_CONVERSION[stageIndex] * conversionMultiplier(c));
    sessions.push({
      session_id: id,
      customer_id: c.id,
      variant: arm,
      started_at: start,
      hour,
      weekday: WEEKDAYS[new Date(start).getUTCDay()],
      device: c.device,
      region: c.region,
      journey_stage: STAGES[stageIndex],
      pageviews: pages,
      duration: Math.round((t - start) / 1000),
      bounced: pages === 1 ? 1 : 0,
      converted: converted ? 1 : 0,
      revenue: converted ? onConvert(t) : 0,
    });
  }
  return { sessions, pageviews };
}
