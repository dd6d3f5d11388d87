import { z } from 'zod';

/**
 * The comparison parameters every "versus control" recipe shares with `lift`, with the same names
 * and defaults, so a notebook can pass one set of options to all of them.
 */
export const compareParams = {
  alpha: z.number().gt(0).lt(1).default(0.05).describe('Significance level; intervals have 1 − alpha coverage.'),
  difference: z.enum(['relative', 'absolute']).default('relative').describe('Effect as (treatment − control)/control (relative) or treatment − control (absolute).'),
  sided: z.enum(['two', 'greater', 'less']).default('two').describe('Alternative hypothesis: two-sided, treatment greater, or treatment less.'),
  method: z.enum(['frequentist', 'bayesian', 'both']).default('both').describe('Frequentist (Welch t), Bayesian (chance to win, risk) or both.'),
};

/** The `control` parameter of the "versus control" recipes (lift declares its own, worded for its summary input too). */
export const controlArm = z.string().optional().describe('The control arm (default "control" when present, else the first variant).');
