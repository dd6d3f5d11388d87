import type { ColumnTable } from 'arquero';
import { rowError } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import { aggregateColumns, column, keys, numbers, requireKeys } from '../sql/aggregates.js';
import type { MetricStats } from '../stats/moments.js';
import { sortVariants, type LiftAggregate } from './arms.js';
import type { LiftParams } from './params.js';
import { ARMS, FIRST_BAD } from './units-plan.js';

const INPUT = 'units';

/** The role a column plays, for errors: as the metrics and covariates parameters name it. */
function roles(params: LiftParams, metrics: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const set = (column: string, role: string) => out.has(column) || out.set(column, role);
  for (const spec of params.metrics ?? metrics) {
    if (typeof spec === 'string') set(spec, 'metrics');
    else {
      set(spec.numerator, `metrics.${spec.name}.numerator`);
      set(spec.denominator, `metrics.${spec.name}.denominator`);
    }
  }
  for (const [name, c] of Object.entries(params.covariates)) {
    if (typeof c === 'string') set(c, `covariates.${name}`);
    else {
      set(c.numerator, `covariates.${name}.numerator`);
      set(c.denominator, `covariates.${name}.denominator`);
    }
  }
  return out;
}

/**
 * Reads the per-variant sums of `unitsPlan` into sufficient statistics per variant and metric,
 * with the checks the in-memory aggregation made: a 0/1 column is a proportion unless `types`
 * says otherwise (and a "proportion" with other values is refused), a 0/1 covariate of a 0/1
 * metric is a proportion too (gbstats), missing or non-numeric values name the column and fix.
 *
 * @example
 * const agg = aggregateArms({ arms, ...checks }, params); // after runRecipe ran the plan
 */
export function aggregateArms(tables: Record<string, ColumnTable>, params: LiftParams): LiftAggregate {
  const arms = tables[ARMS]!;
  if (arms.numRows() === 0) throw new RecipeInputError(`${INPUT} has no rows; give it at least one row of data.`);
  const n = numbers(arms, 'n');
  const armKeys = requireKeys(keys(arms, 'variant'), n, INPUT, params.variant, 'variant');
  const stats = aggregateColumns(arms);
  const total = (stat: string) => numbers(arms, stat).reduce((a, b) => a + b, 0);
  const has = (stat: string) => stats.includes(stat);

  let metrics = stats.filter((s) => s.startsWith('sum:')).map((s) => s.slice(4));
  const role = roles(params, metrics);
  const missingIn = (col: string) => (has(`missing:${col}`) ? total(`missing:${col}`) : 0);
  const notes: string[] = [];
  if (!params.metrics) {
    // As in memory: a column picked by default must be numeric in every row.
    metrics = metrics.filter((m) => missingIn(m) === 0);
    if (metrics.length === 0) {
      throw new RecipeInputError(`${INPUT} has no numeric metric columns besides "${params.variant}"; name the metric columns with the metrics parameter, e.g. --param metrics='["converted","revenue"]'.`);
    }
    notes.push(`No metrics parameter given, so every numeric column was analysed: ${metrics.join(', ')}.`);
  } else {
    for (const [col, r] of role) {
      const bad = tables[FIRST_BAD + col];
      if (bad && bad.numRows() > 0) throw rowError(INPUT, col, r, numbers(bad, 'row')[0]! - 1, column(bad, 'value')[0], 'a number');
      const missing = missingIn(col);
      if (missing > 0) {
        throw new RecipeInputError(
          `${INPUT}.${col} (the ${r} column) is empty in ${missing} row${missing === 1 ? '' : 's'}, which is not a number. Fix or remove ${missing === 1 ? 'that row' : 'those rows'}, or point "${r}" at another column.`,
        );
      }
    }
  }

  const order = sortVariants(armKeys);
  const index = new Map(armKeys.map((v, i) => [v, i]));
  const byVariant = new Map(order.map((v) => [v, new Map<string, MetricStats>()]));
  for (const name of metrics) {
    const at = (stat: string) => (i: number) => numbers(arms, `${stat}:${name}`)[i]!;
    const [s, q] = [at('sum'), at('sum_squares')];
    let build: (i: number) => MetricStats;
    if (has(`denominator_sum:${name}`)) {
      const [ds, dq, c] = [at('denominator_sum'), at('denominator_sum_squares'), at('cross_sum')];
      const ratio = (i: number) => ({ kind: 'ratio' as const, n: n[i]!, sumNum: s(i), sumNumSquares: q(i), sumDen: ds(i), sumDenSquares: dq(i), sumCross: c(i) });
      if (has(`num_pre_sum:${name}`)) {
        const pre = ['num_pre_sum', 'num_pre_sum_squares', 'den_pre_sum', 'den_pre_sum_squares', 'num_num_pre', 'den_den_pre', 'num_pre_den_pre', 'num_den_pre', 'num_pre_den'].map(at);
        build = (i) => ({
          ...ratio(i),
          kind: 'ratio_cuped',
          sumNumPre: pre[0]!(i), sumNumPreSquares: pre[1]!(i), sumDenPre: pre[2]!(i), sumDenPreSquares: pre[3]!(i),
          sumNumNumPre: pre[4]!(i), sumDenDenPre: pre[5]!(i), sumNumPreDenPre: pre[6]!(i), sumNumDenPre: pre[7]!(i), sumNumPreDen: pre[8]!(i),
        });
      } else build = ratio;
    } else {
      const binary = total(`non_binary:${name}`) === 0;
      const kind = params.types[name] ?? (binary ? 'proportion' : 'mean');
      if (kind === 'proportion' && !binary) {
        throw new RecipeInputError(`types.${name} is "proportion" but ${INPUT}.${name} has values other than 0 and 1; use "mean" or fix the column.`);
      }
      if (has(`covariate_sum:${name}`)) {
        const [ps, pq, pc] = [at('covariate_sum'), at('covariate_sum_squares'), at('covariate_cross_sum')];
        // gbstats treats a 0/1 covariate of a 0/1 metric as a proportion too (variance p(1−p)).
        const preKind = kind === 'proportion' && total(`covariate_non_binary:${name}`) === 0 ? 'proportion' : 'mean';
        build = (i) => ({ kind: 'cuped', n: n[i]!, sum: s(i), sumSquares: q(i), sumPre: ps(i), sumPreSquares: pq(i), sumCross: pc(i), postKind: kind, preKind });
      } else build = (i) => ({ kind, n: n[i]!, sum: s(i), sumSquares: q(i) });
    }
    for (const v of order) byVariant.get(v)!.set(name, build(index.get(v)!));
  }
  return { variants: order, metrics, stats: byVariant, units: new Map(order.map((v) => [v, n[index.get(v)!]!])), notes };
}
