import * as aq from 'arquero';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { runRecipe } from '../define-recipe.js';
import { tableRows } from '../result-json.js';
import { lift } from './index.js';

// Simulated experiments with a planted relative effect: over many seeds the 95% interval must
// cover the truth about 95% of the time. Tolerance: 3 binomial standard errors of the rate.
const RUNS = 600;
const N = 500; // units per arm
const TRUTH = { converted: 0.2 / 0.15 - 1, revenue: 0.1, revenue_cuped: 0.1 };
const TOLERANCE = 3 * Math.sqrt((0.95 * 0.05) / RUNS);

function experiment(seed: number) {
  const rng = seedrandom(`coverage-${seed}`);
  const exponential = (mean: number) => -mean * Math.log(1 - rng());
  return aq.from(
    Array.from({ length: 2 * N }, (_, i) => {
      const treated = i % 2 === 1;
      const before = exponential(20);
      // Skewed revenue that depends on last period's revenue, so CUPED has something to remove.
      const revenue = (0.5 * before + exponential(10)) * (treated ? 1.1 : 1);
      return { variant: treated ? 'personalized' : 'control', converted: +(rng() < (treated ? 0.2 : 0.15)), revenue, revenue_cuped: revenue, before };
    }),
  );
}

describe('lift: coverage of the 95% CI on simulated experiments', () => {
  it(`covers a known relative effect in ~95% of ${RUNS} seeded runs (proportion, mean, CUPED)`, async () => {
    const hits = { converted: 0, revenue: 0, revenue_cuped: 0 };
    const width = { revenue: 0, revenue_cuped: 0 };
    for (let seed = 0; seed < RUNS; seed++) {
      const { result } = await runRecipe(lift, {
        inputs: { units: experiment(seed) },
        params: { metrics: ['converted', 'revenue', 'revenue_cuped'], covariates: { revenue_cuped: 'before' }, method: 'frequentist' },
      });
      for (const row of tableRows(result.tables.comparisons!)) {
        const metric = row.metric as keyof typeof hits;
        if ((row.ci_low as number) <= TRUTH[metric] && TRUTH[metric] <= (row.ci_high as number)) hits[metric]++;
        if (metric !== 'converted') width[metric] += (row.ci_high as number) - (row.ci_low as number);
      }
    }
    for (const metric of Object.keys(hits) as (keyof typeof hits)[]) {
      expect(Math.abs(hits[metric] / RUNS - 0.95), `${metric} coverage ${hits[metric] / RUNS}`).toBeLessThan(TOLERANCE);
    }
    // CUPED keeps coverage with a visibly narrower interval.
    expect(width.revenue_cuped).toBeLessThan(0.9 * width.revenue);
  });
});
