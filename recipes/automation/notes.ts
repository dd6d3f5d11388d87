import type { Runs } from './runs.js';
import { fixed, percent } from '../format.js';

/**
 * Findings and caveats of an automation summary, one sentence each.
 *
 * @example
 * automationNotes({ runs: 5, deployment_time_median: 3, … }, runs, 'week');
 */
export function automationNotes(m: Record<string, number | null>, data: Runs, period: string): string[] {
  const notes: string[] = [];
  const n = m.runs as number;
  if (m.deployment_time_median !== null) {
    notes.push(
      `Half of the launched runs went live within ${fixed(m.deployment_time_median, 1)} hours of creation; 90% within ${fixed(m.deployment_time_p90, 1)} hours.`,
    );
  } else notes.push('No run has a launched_at time, so deployment time cannot be measured.');
  notes.push(
    `${m.failed} of ${n} runs failed (workflow error rate ${percent(m.workflow_error_rate!)}, Wilson interval ${percent(m.workflow_error_rate_ci_low!)}–${percent(m.workflow_error_rate_ci_high!)}).`,
  );
  if (m.record_error_rate != null) notes.push(`${percent(m.record_error_rate)} of records errored (errors ÷ records over all runs).`);
  notes.push(`Throughput: ${fixed(m.throughput, 2)} launched runs per ${period} (over the ${period}s in which runs were created).`);
  if (m.cost_per_1k_messages != null) {
    notes.push(`Messages cost ${fixed(m.cost_per_1k_messages, 2)} per 1,000 on average, failed runs' cost included.`);
  }
  if (m.scaling_slope != null && m.scaling_intercept != null) {
    notes.push(
      `Each extra 1,000 messages adds about ${fixed(m.scaling_slope, 3)} to a run's cost (interval ${fixed(m.scaling_slope_ci_low, 3)} to ${fixed(m.scaling_slope_ci_high, 3)}), on top of ${fixed(m.scaling_intercept, 2)} fixed per run.`,
    );
    if (m.scaling_elasticity != null) {
      const e = m.scaling_elasticity;
      notes.push(
        e < 0.95
          ? `Cost grows less than in proportion to volume (elasticity ${fixed(e, 2)}): bigger runs are cheaper per message.`
          : e > 1.05
            ? `Cost grows faster than volume (elasticity ${fixed(e, 2)}): bigger runs cost more per message.`
            : `Cost grows about in proportion to volume (elasticity ${fixed(e, 2)}).`,
      );
    }
  }
  if ((m.launched as number) < 10)
    notes.push(`Only ${m.launched} runs launched: the p90 of deployment time rests on very few runs; treat it as rough.`);
  const pending = data.runs.filter((r) => !r.failed && !Number.isFinite(r.launchedAt)).length;
  if (pending)
    notes.push(
      `${pending} run(s) are neither failed nor launched (no launched_at); they are left out of deployment time but count in the error rate's denominator.`,
    );
  return notes;
}
