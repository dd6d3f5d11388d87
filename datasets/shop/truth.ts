import type { Customer } from './customers.js';
import { conversionMultiplier, sessionRate } from './sessions.js';
import {
  AOV_LIFT, BGNBD, CSAT_PROBS, CTR, DEVICES, DWELL_SECONDS, EMAIL, EXPERIMENT_END, EXPERIMENT_START,
  EXPERIMENT_WEEKS, GAMMA_GAMMA, INTERACTION, NPS_PROBS, PAGES_EXTRA, RATE_LIFT_AFTER, RUNS, SCORE_SIGNAL,
  SCROLL_BETA, SEGMENTS, SEGMENT_LIFT, DEVICE_LIFT, STAGE_CONVERSION, STAGE_WEIGHTS,
} from './design.js';
import { CHANNEL_EFFECT, JOURNEY_BASE_LOGIT, OFFER_CONSISTENCY, PERSONAL_BOOST } from './touchpoints.js';
import { PERSONALIZED_RECALL } from './recommendations.js';
import { TRUST_SHIFT } from './feedback.js';

const MEAN_STAGE_CONVERSION = STAGE_WEIGHTS.reduce((s, w, i) => s + w * STAGE_CONVERSION[i], 0);

interface Expected {
  control: number;
  personalized: number;
  relative_lift: number;
}

/**
 * Expected conversion and revenue per customer under each arm, summed over the SAME customers
 * (so the ratio is the population's true relative effect), given each customer's latent state
 * at the start of the experiment.
 */
function expected(customers: Customer[], alive: boolean[], value: (c: Customer, arm: 'control' | 'personalized', alive: boolean) => number): Expected {
  let control = 0;
  let personalized = 0;
  customers.forEach((c, i) => {
    control += value(c, 'control', alive[i]);
    personalized += value(c, 'personalized', alive[i]);
  });
  return { control: control / customers.length, personalized: personalized / customers.length, relative_lift: personalized / control - 1 };
}

function asArm(c: Customer, arm: 'control' | 'personalized'): Customer {
  return { ...c, variant: arm };
}

function conversionChance(c: Customer, arm: 'control' | 'personalized', alive: boolean): number {
  const rate = sessionRate({ ...c, alive }) * MEAN_STAGE_CONVERSION * conversionMultiplier(asArm(c, arm));
  return 1 - Math.exp(-rate);
}

function expectedRevenue(c: Customer, arm: 'control' | 'personalized', alive: boolean): number {
  const orders = sessionRate({ ...c, alive }) * MEAN_STAGE_CONVERSION * conversionMultiplier(asArm(c, arm));
  return orders * (GAMMA_GAMMA.p / c.nu) * (arm === 'personalized' ? 1 + AOV_LIFT : 1);
}

function npsOf(probs: readonly number[]): number {
  const promoters = probs[9] + probs[10];
  const detractors = probs.slice(0, 7).reduce((s, p) => s + p, 0);
  return 100 * (promoters - detractors);
}

/**
 * The planted truths of a generated shop, as plain numbers tests compare recipe estimates with.
 *
 * @example
 * plantedTruth(customers, aliveAtStart, 42).conversion.relative_lift;
 */
export function plantedTruth(customers: Customer[], alive: boolean[], seed: number): Record<string, unknown> {
  const bySegment = Object.fromEntries(
    SEGMENTS.map((s) => {
      const idx = customers.map((c, i) => [c, i] as const).filter(([c]) => c.segment === s);
      return [s, expected(idx.map(([c]) => c), idx.map(([, i]) => alive[i]), conversionChance)];
    }),
  );
  const byDevice = Object.fromEntries(
    DEVICES.map((d) => {
      const idx = customers.map((c, i) => [c, i] as const).filter(([c]) => c.device === d);
      return [d, expected(idx.map(([c]) => c), idx.map(([, i]) => alive[i]), conversionChance)];
    }),
  );
  const arms = <T>(f: (arm: 'control' | 'personalized') => T) => ({ control: f('control'), personalized: f('personalized') });
  return {
    seed,
    customers: customers.length,
    experiment: { start: new Date(EXPERIMENT_START).toISOString(), end: new Date(EXPERIMENT_END).toISOString(), weeks: EXPERIMENT_WEEKS, split: { control: 0.5, personalized: 0.5 } },
    bgnbd: { ...BGNBD, unit: 'week', calibration_end: new Date(EXPERIMENT_START).toISOString(), note: 'orders before the experiment start follow BG/NBD exactly (first order = signup)' },
    gamma_gamma: { ...GAMMA_GAMMA, note: 'control orders follow Gamma–Gamma; personalized orders from the experiment start are AOV lift larger' },
    alive_at_start: alive.filter(Boolean).length / alive.length,
    conversion: expected(customers, alive, conversionChance),
    conversion_by_segment: bySegment,
    conversion_by_device: byDevice,
    segment_session_lift: SEGMENT_LIFT,
    device_session_lift: DEVICE_LIFT,
    revenue_per_customer: expected(customers, alive, expectedRevenue),
    aov_relative_lift: AOV_LIFT,
    purchase_rate_lift_after_experiment: RATE_LIFT_AFTER,
    engagement: {
      bounce_rate: arms((a) => Math.exp(-PAGES_EXTRA[a])),
      pages_per_session: arms((a) => 1 + PAGES_EXTRA[a]),
      avg_time_on_page: arms((a) => DWELL_SECONDS[a]),
      scroll_depth: arms((a) => SCROLL_BETA[a][0] / (SCROLL_BETA[a][0] + SCROLL_BETA[a][1])),
      interaction_rate: arms((a) => INTERACTION[a]),
    },
    recommendation_ctr: CTR,
    email: { open_rate: EMAIL.open, click_rate: arms((a) => EMAIL.open[a] * EMAIL.clickGivenOpen[a]) },
    nps: arms((a) => npsOf(NPS_PROBS[a])),
    csat: arms((a) => 100 * (CSAT_PROBS[a][3] + CSAT_PROBS[a][4])),
    trust_latent_shift: TRUST_SHIFT,
    automation: {
      deployment_time_median: RUNS.medianHours,
      deployment_time_p90: RUNS.medianHours * Math.exp(RUNS.sigma * 1.2815515655446004),
      workflow_error_rate: RUNS.failRate,
      record_error_rate: RUNS.recordErrorRate,
      cost_per_1k_messages_marginal: RUNS.costPer1k,
    },
    attribution: { base_logit: JOURNEY_BASE_LOGIT, channel_effect: CHANNEL_EFFECT, personalized_boost: PERSONAL_BOOST, offer_consistency: OFFER_CONSISTENCY },
    recommendations: { personalized_recall: PERSONALIZED_RECALL, note: 'control lists are best sellers; personalized lists draw from the favourite category' },
    fairness: { score_signal: SCORE_SIGNAL, note: 'the churn score separates classes less well for 55+, so its TPR is lower' },
  };
}
