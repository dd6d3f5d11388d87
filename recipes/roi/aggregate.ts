import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import type { AggregateContext, AggregationPlan } from '../types.js';
import { keys, numbers, numbersOk, requireKeys } from '../sql/aggregates.js';
import { aliases, momentSums, numberChecks, numeric, relationColumn, sumOf } from '../sql/relation.js';
import type { CupedStats, MeanStats } from '../stats/moments.js';

export interface RoiColumns {
  variant: string;
  revenue: string;
  covariate?: string | undefined;
}

/**
 * The aggregation of `roi`: one row per arm with n, Σrevenue, Σrevenue² (and, with a CUPED
 * covariate, Σpre, Σpre², Σrevenue·pre), plus counts of values that are missing or not numbers, so
 * they are reported, not silently skipped by SUM.
 *
 * @example
 * roiPlan({ params: { variant: 'arm', revenue: 'revenue' }, inputs: { units }, sql: dialects.duckdb }).queries.arms;
 */
export function roiPlan({ params: p, inputs, sql }: AggregateContext<RoiColumns>): AggregationPlan {
  const units = inputs.units!;
  const as = aliases(sql, units);
  const variant = sql.ident(relationColumn(units, 'units', p.variant, 'variant').name);
  const revenueCol = relationColumn(units, 'units', p.revenue, 'revenue');
  const y = numeric(sql, revenueCol, 'units', 'revenue');
  const select = [
    `${variant} AS ${as('variant')}`,
    ...momentSums(sql, as, y),
    ...numberChecks(sql, as, revenueCol, y, 'revenue'),
  ];
  if (p.covariate) {
    const preCol = relationColumn(units, 'units', p.covariate, 'covariate');
    const x = numeric(sql, preCol, 'units', 'covariate');
    select.push(
      `${sumOf(sql, x)} AS ${as('sum_pre')}`,
      `${sumOf(sql, `${x} * ${x}`)} AS ${as('sum_pre_squares')}`,
      `${sumOf(sql, `${y} * ${x}`)} AS ${as('sum_cross')}`,
      ...numberChecks(sql, as, preCol, x, 'pre'),
    );
  }
  return { queries: { arms: `SELECT ${select.join(', ')} FROM ${units.from} GROUP BY ${variant}` }, consumes: ['units'] };
}

/** Each arm's revenue statistics, by variant. */
export type RoiArms = Map<string, MeanStats | CupedStats>;

/**
 * The `arms` table as statistics per variant; throws for an empty input or missing values.
 *
 * @example
 * readArms(inputs.arms, params).get('control')!.n;
 */
export function readArms(arms: ColumnTable, p: RoiColumns): RoiArms {
  const n = numbers(arms, 'n');
  if (n.reduce((a, b) => a + b, 0) === 0) throw new RecipeInputError('units has no rows; give it at least one row of data.');
  const variants = requireKeys(keys(arms, 'variant'), n, 'units', p.variant, 'variant');
  numbersOk(arms, 'revenue', 'units', p.revenue, 'revenue');
  const [sum, sumSquares] = [numbers(arms, 'sum'), numbers(arms, 'sum_squares')];
  const out: RoiArms = new Map();
  if (p.covariate) {
    numbersOk(arms, 'pre', 'units', p.covariate, 'covariate');
    const [sumPre, sumPreSquares, sumCross] = [numbers(arms, 'sum_pre'), numbers(arms, 'sum_pre_squares'), numbers(arms, 'sum_cross')];
    variants.forEach((v, i) => out.set(v, { kind: 'cuped', n: n[i]!, sum: sum[i]!, sumSquares: sumSquares[i]!, sumPre: sumPre[i]!, sumPreSquares: sumPreSquares[i]!, sumCross: sumCross[i]!, postKind: 'mean' }));
  } else {
    variants.forEach((v, i) => out.set(v, { kind: 'mean', n: n[i]!, sum: sum[i]!, sumSquares: sumSquares[i]! }));
  }
  return out;
}
