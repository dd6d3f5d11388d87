import * as aq from 'arquero';
import { defineRecipe } from '../define-recipe.js';
import { quantile } from '../stats/quantile.js';
import { periodLabel, periodStart } from '../stats/period.js';
import { groupIndices } from '../stats/versus-control.js';
import { readRuns, type Run } from './runs.js';
import { summarizeRuns } from './summary.js';
import { deploymentChart, scalingChart, throughputChart } from './charts.js';
import { automationNotes } from './notes.js';
import { automationParams as params } from './params.js';
import { roles } from '../column.js';
import { finiteOrNull } from '../format.js';

function groupTable(runs: Run[], keys: string[], name: string) {
  return aq.from(
    [...groupIndices(keys)].map(([key, idx]) => {
      const rs = idx.map((i) => runs[i]!);
      const records = rs.reduce((s, r) => s + r.records, 0);
      const cost = rs.reduce((s, r) => s + r.cost, 0);
      const hours = rs.map((r) => r.hours).filter(Number.isFinite);
      return {
        [name]: key, runs: rs.length, launched: hours.length, failed: rs.filter((r) => r.failed).length,
        deployment_time_median: hours.length ? quantile(hours, 0.5) : null,
        records: finiteOrNull(records), cost: finiteOrNull(cost),
        cost_per_1k_messages: records > 0 && Number.isFinite(cost) ? (1000 * cost) / records : null,
      };
    }),
  );
}

/**
 * Automation efficiency of campaign runs: how long from creation to launch (median, p90 hours),
 * how often runs fail, how many records error, throughput, cost per 1,000 messages and how cost
 * scales with volume.
 *
 * @example
 * await runRecipe(automation, { inputs: { runs }, params: { period: 'month' } });
 */
export const automation = defineRecipe({
  id: 'automation',
  title: 'Automation: how fast, reliable and cheap are campaign runs?',
  description:
    'From one row per campaign run (created_at, launched_at, status, errors, records, cost, staff_minutes): deployment time median and p90 in hours, workflow and record error rates, throughput, cost per 1,000 messages and the scaling of cost with volume.',
  inputs: [
    {
      name: 'runs',
      description: 'one row per campaign run: campaign, created_at, launched_at (empty if it never launched), status, errors, records, cost, staff_minutes',
      roles: roles(params, ['campaign', 'created_at', 'launched_at', 'status', 'errors', 'records', 'cost', 'staff_minutes']),
    },
  ],
  params,
  async run({ inputs, params: p, progress }) {
    const data = readRuns(inputs.runs!, p, p.failed_status);
    progress(0.4, 'summarizing runs');
    const { metrics, hours } = summarizeRuns(data, p.period, p.alpha);
    const runs = data.runs;
    const periodKeys = runs.map((r) => periodLabel(periodStart(r.createdAt, p.period)));
    const byStatus = [...groupIndices(runs.map((r, i) => `${periodKeys[i]}|${r.status}`))].map(([key, idx]) => {
      const [period, status] = key.split('|') as [string, string];
      return { period, status, runs: idx.length };
    });
    const charts = [deploymentChart(hours, metrics.deployment_time_median as number | null, metrics.deployment_time_p90 as number | null), throughputChart(byStatus.sort((a, b) => a.period.localeCompare(b.period)), p.period)];
    if (metrics.scaling_slope != null && metrics.scaling_intercept != null) charts.push(scalingChart(runs, metrics.scaling_slope, metrics.scaling_intercept));
    const runRows = runs.map((r) => ({
      campaign: r.campaign, created_at: new Date(r.createdAt), launched_at: Number.isFinite(r.launchedAt) ? new Date(r.launchedAt) : null,
      status: r.status, failed: r.failed, deployment_hours: finiteOrNull(r.hours),
      ...(data.has.errors ? { errors: r.errors } : {}), ...(data.has.records ? { records: r.records } : {}),
      ...(data.has.cost ? { cost: r.cost } : {}), ...(data.has.staffMinutes ? { staff_minutes: r.staffMinutes } : {}),
    }));
    progress(1, 'done');
    return {
      metrics,
      tables: {
        runs: aq.from(runRows),
        periods: groupTable(runs, periodKeys, 'period').orderby('period'),
        campaigns: groupTable(runs, runs.map((r) => r.campaign), 'campaign'),
      },
      charts,
      notes: automationNotes(metrics, data, p.period),
    };
  },
});
