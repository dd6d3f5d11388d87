import { createRandom } from './random.js';
import { drawCustomers, type Customer } from './customers.js';
import { bgnbdPurchases, makeOrder, type Order } from './orders.js';
import { windowSessions, type PageView, type Session } from './sessions.js';
import { customerEmails } from './emails.js';
import { catalogue, userRecommendations } from './recommendations.js';
import { journey } from './touchpoints.js';
import { review, surveyAnswer } from './feedback.js';
import { automationRuns, prediction } from './operations.js';
import { plantedTruth } from './truth.js';
import { CTR, EXPERIMENT_END, EXPERIMENT_START, OBSERVATION_END, RATE_LIFT_AFTER, SERVING_COST_PER_IMPRESSION, WEEK, EXPERIMENT_WEEKS } from './design.js';

export type Row = Record<string, unknown>;

/** A generated bookstore: its tables (row objects, dates as ISO strings) and the planted truth. */
export interface Shop {
  tables: Record<string, Row[]>;
  truth: Record<string, unknown>;
}

export interface ShopOptions {
  seed?: number;
  customers?: number;
}

/** The names of the shop's tables, in the order of datasets/shop/SCHEMA.md. */
export const SHOP_TABLES = [
  'customers', 'units', 'sessions', 'pageviews', 'orders', 'emails', 'recommended', 'relevant',
  'touchpoints', 'surveys', 'reviews', 'predictions', 'runs',
] as const;

const iso = (t: number) => new Date(t).toISOString();

function isoDates<T extends object>(rows: T[], keys: (keyof T)[]): Row[] {
  return rows.map((r) => {
    const out: Row = { ...(r as Row) };
    for (const k of keys) {
      const v = r[k];
      out[k as string] = typeof v === 'number' ? iso(v) : v;
    }
    return out;
  });
}

/**
 * Generates "a shop like Sarah's": an online bookstore with a randomized personalization
 * experiment whose effects are planted (see datasets/shop/SCHEMA.md and `truth`). Each part draws
 * from its own seeded stream, so the same seed always gives the same shop.
 *
 * @example
 * const { tables, truth } = generateShop({ seed: 42, customers: 2000 });
 * tables.units.length; // → 2000
 */
export function generateShop(options: ShopOptions = {}): Shop {
  const seed = options.seed ?? 42;
  const count = options.customers ?? 4000;
  if (!Number.isInteger(count) || count < 10 || count > 1_000_000) {
    throw new RangeError(`customers must be an integer from 10 to 1,000,000 (got ${count}).`);
  }
  const stream = (name: string) => createRandom(`${seed}:${name}`);
  const customers = drawCustomers(stream('customers'), count);

  const orders: Order[] = [];
  const history = stream('history');
  for (const c of customers) {
    orders.push(makeOrder(history, c, c.signup, false, orders.length + 1));
    for (const t of bgnbdPurchases(history, c, c.signup, EXPERIMENT_START, 1)) orders.push(makeOrder(history, c, t, false, orders.length + 1));
  }
  const aliveAtStart = customers.map((c) => c.alive);

  const sessions: Session[] = [];
  const pageviews: PageView[] = [];
  const visits = stream('sessions');
  const counter = { session: 0 };
  const sessionsOf = new Map<string, Session[]>();
  for (const c of customers) {
    const made = windowSessions(visits, c, counter, (t) => {
      const order = makeOrder(visits, c, t, true, orders.length + 1);
      orders.push(order);
      return order.amount;
    });
    sessions.push(...made.sessions);
    pageviews.push(...made.pageviews);
    sessionsOf.set(c.id, made.sessions);
  }

  const after = stream('after');
  for (const c of customers) {
    const boost = c.variant === 'personalized' ? 1 + RATE_LIFT_AFTER : 1;
    for (const t of bgnbdPurchases(after, c, EXPERIMENT_END, OBSERVATION_END, boost)) orders.push(makeOrder(after, c, t, true, orders.length + 1));
  }
  orders.sort((a, b) => a.timestamp - b.timestamp || a.order_id.localeCompare(b.order_id));

  const units = experimentUnits(customers, orders, sessionsOf, stream('units'));
  const tables: Record<string, Row[]> = {
    customers: customers.map((c) => ({
      customer_id: c.id, signup_date: iso(c.signup).slice(0, 10), segment: c.segment, age_group: c.ageGroup,
      region: c.region, device: c.device, variant: c.variant,
    })),
    units,
    sessions: isoDates(sessions, ['started_at']),
    pageviews: isoDates(pageviews, ['timestamp']),
    orders: isoDates(orders, ['timestamp']),
    ...sideTables(customers, orders, seed),
  };
  return { tables, truth: plantedTruth(customers, aliveAtStart, seed) };
}

function experimentUnits(customers: Customer[], orders: Order[], sessionsOf: Map<string, Session[]>, rng: ReturnType<typeof createRandom>): Row[] {
  const pre = new Map<string, number>();
  const inWindow = new Map<string, { orders: number; revenue: number }>();
  const preStart = EXPERIMENT_START - EXPERIMENT_WEEKS * WEEK;
  for (const o of orders) {
    if (o.timestamp >= preStart && o.timestamp < EXPERIMENT_START) pre.set(o.customer_id, (pre.get(o.customer_id) ?? 0) + o.amount);
    if (o.timestamp >= EXPERIMENT_START && o.timestamp < EXPERIMENT_END) {
      const w = inWindow.get(o.customer_id) ?? { orders: 0, revenue: 0 };
      w.orders++;
      w.revenue += o.amount;
      inWindow.set(o.customer_id, w);
    }
  }
  return customers.map((c) => {
    const own = sessionsOf.get(c.id) ?? [];
    const impressions = own.reduce((s, x) => s + x.pageviews, 0);
    let clicks = 0;
    for (let i = 0; i < impressions; i++) if (rng.bernoulli(CTR[c.variant])) clicks++;
    const w = inWindow.get(c.id) ?? { orders: 0, revenue: 0 };
    return {
      customer_id: c.id, variant: c.variant, segment: c.segment, age_group: c.ageGroup, device: c.device,
      exposed: own.length > 0 ? 1 : 0, engaged: clicks > 0 ? 1 : 0, converted: w.orders > 0 ? 1 : 0,
      orders: w.orders, revenue: Math.round(w.revenue * 100) / 100,
      pre_revenue: Math.round((pre.get(c.id) ?? 0) * 100) / 100, clicks, impressions,
      cost: c.variant === 'personalized' ? Math.round(impressions * SERVING_COST_PER_IMPRESSION * 100) / 100 : 0,
    };
  });
}

function sideTables(customers: Customer[], orders: Order[], seed: number): Record<string, Row[]> {
  const stream = (name: string) => createRandom(`${seed}:${name}`);
  const mail = stream('emails');
  const emails = customers.flatMap((c) => customerEmails(mail, c));
  const recs = stream('recommendations');
  const items = catalogue();
  const recommended: Row[] = [];
  const relevant: Row[] = [];
  for (const c of customers) {
    const r = userRecommendations(recs, c, items);
    recommended.push(...r.recommended);
    relevant.push(...r.relevant);
  }
  const journeys = stream('touchpoints');
  const touchpoints: Row[] = [];
  customers.forEach((c, i) => {
    if (journeys.bernoulli(0.4)) touchpoints.push(...journey(journeys, c, `J${String(i + 1).padStart(6, '0')}`));
  });
  const feedback = stream('feedback');
  const surveys = customers.filter(() => feedback.bernoulli(0.25)).map((c) => surveyAnswer(feedback, c));
  const reviews = customers.filter(() => feedback.bernoulli(0.2)).map((c, i) => review(feedback, c, `R${String(i + 1).padStart(6, '0')}`));
  const lastOrder = new Map<string, number>();
  for (const o of orders) lastOrder.set(o.customer_id, Math.max(lastOrder.get(o.customer_id) ?? 0, o.timestamp));
  const scores = stream('predictions');
  // The outcome the churn model predicts: no order in the 13 weeks after the experiment.
  const predictions = customers.map((c) => prediction(scores, c, (lastOrder.get(c.id) ?? 0) < EXPERIMENT_END));
  return {
    emails: isoDates(emails as { sent_at: number }[], ['sent_at']),
    recommended,
    relevant,
    touchpoints: isoDates(touchpoints as { timestamp: number }[], ['timestamp']),
    surveys: isoDates(surveys as { timestamp: number }[], ['timestamp']),
    reviews: isoDates(reviews as { timestamp: number }[], ['timestamp']),
    predictions,
    runs: isoDates(automationRuns(stream('runs')) as { created_at: number; launched_at: number | null }[], ['created_at', 'launched_at']),
  };
}
