import { quantiles } from '../stats/quantile.js';
import { wilson } from '../stats/wilson.js';
import { linearFit } from '../stats/linear-fit.js';
import { periodStart, type Period } from '../stats/period.js';
import type { Runs } from './runs.js';
import { finiteOrNull } from '../format.js';

/**
 * The automation efficiency metrics over validated runs. Every ratio is a ratio of totals
 * (Σerrors/Σrecords, Σcost/Σrecords), so big runs weigh as much as they cost.
 */
export interface AutomationSummary {
  metrics: Record<string, number | null>;
  /** Deployment hours of the runs that launched, for the distribution chart. */
  hours: number[];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * @example
 * summarizeRuns(readRuns(table, {}, ['failed']), 'week', 0.05).metrics.deployment_time_median;
 */
export function summarizeRuns({ runs, has }: Runs, period: Period, alpha: number): AutomationSummary {
  const launched = runs.filter((r) => Number.isFinite(r.launchedAt));
  const hours = launched.map((r) => r.hours);
  const [median, p90] = quantiles(hours, [0.5, 0.9]);
  const failed = runs.filter((r) => r.failed).length;
  const [errLow, errHigh] = wilson(failed, runs.length, alpha);
  const periods = new Set(runs.map((r) => periodStart(r.createdAt, period))).size;
  const metrics: Record<string, number | null> = {
    runs: runs.length,
    campaigns: new Set(runs.map((r) => r.campaign)).size,
    launched: launched.length,
    failed,
    deployment_time_median: finiteOrNull(median!),
    deployment_time_p90: finiteOrNull(p90!),
    deployment_time_mean: launched.length ? sum(hours) / launched.length : null,
    workflow_error_rate: failed / runs.length,
    workflow_error_rate_ci_low: errLow,
    workflow_error_rate_ci_high: errHigh,
    throughput: launched.length / periods,
  };
  const records = sum(runs.map((r) => r.records));
  if (has.records) metrics.messages_per_period = sum(launched.filter((r) => !r.failed).map((r) => r.records)) / periods;
  if (has.errors && has.records) metrics.record_error_rate = records > 0 ? sum(runs.map((r) => r.errors)) / records : null;
  if (has.records && has.staffMinutes) {
    const minutes = sum(runs.map((r) => r.staffMinutes));
    metrics.messages_per_staff_hour = minutes > 0 ? records / (minutes / 60) : null;
  }
  if (has.cost && has.records) {
    metrics.cost_per_1k_messages = records > 0 ? (1000 * sum(runs.map((r) => r.cost))) / records : null;
    const fit = linearFit(
      runs.map((r) => r.records),
      runs.map((r) => r.cost),
      alpha,
    );
    metrics.scaling_slope = finiteOrNull(1000 * fit.slope);
    metrics.scaling_slope_ci_low = finiteOrNull(1000 * fit.ciLow);
    metrics.scaling_slope_ci_high = finiteOrNull(1000 * fit.ciHigh);
    metrics.scaling_intercept = finiteOrNull(fit.intercept);
    const positive = runs.filter((r) => r.records > 0 && r.cost > 0);
    metrics.scaling_elasticity =
      positive.length > 2
        ? finiteOrNull(
            linearFit(
              positive.map((r) => Math.log(r.records)),
              positive.map((r) => Math.log(r.cost)),
              alpha,
            ).slope,
          )
        : null;
  }
  return { metrics, hours };
}
