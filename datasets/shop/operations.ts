import type { Random } from './random.js';
import type { Customer } from './customers.js';
import { DAY, EXPERIMENT_START, RUNS, SCORE_SIGNAL } from './design.js';

/**
 * A churn model's score for a customer whose true outcome is `churned`: the score separates the
 * classes with a strength that depends on the age group (weaker for 55+: the planted unfairness).
 *
 * @example
 * prediction(rng, customer, true);
 */
export function prediction(rng: Random, c: Customer, churned: boolean): Record<string, unknown> {
  const logit = SCORE_SIGNAL[c.ageGroup] * (churned ? 1 : -1) + rng.normal(0, 1.5);
  const score = 1 / (1 + Math.exp(-logit));
  return {
    customer_id: c.id,
    age_group: c.ageGroup,
    segment: c.segment,
    y_true: churned ? 1 : 0,
    y_pred: score >= 0.5 ? 1 : 0,
    y_score: Math.round(score * 10000) / 10000,
  };
}

/**
 * Campaign automation runs: hours from creation to launch are log-normal with the planted median;
 * some runs fail (no launch); records carry a planted error rate; cost is fixed + per 1,000 messages.
 *
 * @example
 * automationRuns(rng);
 */
export function automationRuns(rng: Random): Record<string, unknown>[] {
  return Array.from({ length: RUNS.count }, (_, i) => {
    const created = EXPERIMENT_START + Math.floor(rng.uniform() * 150) * DAY + rng.int(8, 17) * 3_600_000;
    const hours = RUNS.medianHours * Math.exp(RUNS.sigma * rng.normal());
    const failed = rng.bernoulli(RUNS.failRate);
    const records = rng.int(1000, 20000);
    return {
      campaign: `campaign-${String(i + 1).padStart(3, '0')}`,
      created_at: created,
      launched_at: failed ? null : created + Math.round(hours * 3_600_000),
      status: failed ? 'failed' : 'launched',
      errors: rng.poisson(records * RUNS.recordErrorRate),
      records,
      cost: Math.round((RUNS.costFixed + (RUNS.costPer1k * records) / 1000) * Math.exp(rng.normal(0, 0.05)) * 100) / 100,
      staff_minutes: Math.round(20 + records / 1000 + rng.exponential(1 / 15)),
    };
  });
}
