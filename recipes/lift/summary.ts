import type { ColumnTable } from 'arquero';
import { numberColumn, requireRows, stringColumn } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import type { MetricStats } from '../stats/moments.js';
import { sortVariants, type LiftAggregate } from './arms.js';
import type { LiftParams } from './params.js';

const INPUT = 'summary';

/** Extra sums a summary row may carry; their column names are fixed (documented in the recipe). */
const RATIO_COLUMNS = ['denominator_sum', 'denominator_sum_squares', 'cross_sum'] as const;
const CUPED_COLUMNS = ['covariate_sum', 'covariate_sum_squares', 'covariate_cross_sum'] as const;

type Columns = Record<string, Float64Array | undefined>;

function optionalColumn(table: ColumnTable, column: string, role: string): Float64Array | undefined {
  return table.columnNames().includes(column) ? numberColumn(table, INPUT, column, role, { missing: 'nan' }) : undefined;
}

function need(cols: Columns, name: string, row: number, why: string): number {
  const v = cols[name]?.[row];
  if (v === undefined || Number.isNaN(v)) {
    throw new RecipeInputError(`${INPUT} row ${row + 1} ${why} but has no "${name}" value; fill in ${name} for that row.`);
  }
  return v;
}

/** One summary row as sufficient statistics: ratio, CUPED, mean or proportion by which sums it has. */
function rowStats(cols: Columns, row: number, metric: string, forced: 'proportion' | 'mean' | undefined, p: LiftParams): MetricStats {
  const n = need(cols, p.n, row, `(metric "${metric}")`);
  const sum = need(cols, p.sum, row, `(metric "${metric}")`);
  if (!(n >= 0) || !Number.isInteger(n)) throw new RecipeInputError(`${INPUT} row ${row + 1}: ${p.n} must be a whole number of units ≥ 0 (it is ${n}).`);
  const has = (c: string) => cols[c] !== undefined && !Number.isNaN(cols[c]![row]!);
  if (has('cross_sum') || has('denominator_sum')) {
    const why = `is a ratio metric ("${metric}" has denominator_sum or cross_sum)`;
    return {
      kind: 'ratio', n, sumNum: sum, sumNumSquares: need(cols, p.sum_squares, row, why),
      sumDen: need(cols, 'denominator_sum', row, why), sumDenSquares: need(cols, 'denominator_sum_squares', row, why), sumCross: need(cols, 'cross_sum', row, why),
    };
  }
  const proportion = forced === 'proportion' || (forced === undefined && !has(p.sum_squares));
  if (!proportion && !has(p.sum_squares)) throw new RecipeInputError(`${INPUT} row ${row + 1}: types.${metric} is "mean" but the row has no ${p.sum_squares}; add it.`);
  if (proportion && !(sum >= 0 && sum <= n)) {
    throw new RecipeInputError(`${INPUT} row ${row + 1}: metric "${metric}" has no ${p.sum_squares}, so it is read as a proportion (conversions out of ${p.n}), but ${p.sum} = ${sum} is not between 0 and ${n}. Add ${p.sum_squares} for a mean metric.`);
  }
  const sumSquares = proportion ? sum : cols[p.sum_squares]![row]!;
  if (has('covariate_sum')) {
    const why = `is a CUPED metric ("${metric}" has covariate_sum)`;
    return {
      kind: 'cuped', n, sum, sumSquares, postKind: proportion ? 'proportion' : 'mean',
      sumPre: need(cols, 'covariate_sum', row, why), sumPreSquares: need(cols, 'covariate_sum_squares', row, why), sumCross: need(cols, 'covariate_cross_sum', row, why),
    };
  }
  return { kind: proportion ? 'proportion' : 'mean', n, sum, sumSquares };
}

/**
 * Reads the `summary` input: one row per variant and metric with n and sums (email tools often
 * give only counts: a row without sum_squares is a proportion, sum = conversions).
 *
 * @example
 * aggregateSummary(aq.from([{ variant: 'a', metric: 'opened', n: 1000, sum: 210 }, { variant: 'b', metric: 'opened', n: 1000, sum: 250 }]), params);
 */
export function aggregateSummary(table: ColumnTable, params: LiftParams): LiftAggregate {
  requireRows(table, INPUT);
  const variantOf = stringColumn(table, INPUT, params.variant, 'variant');
  const metricOf = stringColumn(table, INPUT, params.metric, 'metric');
  const cols: Columns = {
    [params.n]: numberColumn(table, INPUT, params.n, 'n', { missing: 'nan' }),
    [params.sum]: numberColumn(table, INPUT, params.sum, 'sum', { missing: 'nan' }),
    [params.sum_squares]: optionalColumn(table, params.sum_squares, 'sum_squares'),
  };
  for (const c of [...RATIO_COLUMNS, ...CUPED_COLUMNS]) cols[c] = optionalColumn(table, c, c);

  const wanted = params.metrics?.map((m) => (typeof m === 'string' ? m : m.name));
  const variants = sortVariants(variantOf);
  const stats = new Map(variants.map((v) => [v, new Map<string, MetricStats>()]));
  const where = new Map<string, number>();
  for (let row = 0; row < variantOf.length; row++) {
    const [variant, metric] = [variantOf[row]!, metricOf[row]!];
    if (wanted && !wanted.includes(metric)) continue;
    const key = JSON.stringify([variant, metric]);
    if (where.has(key)) {
      throw new RecipeInputError(`${INPUT} rows ${where.get(key)! + 1} and ${row + 1} both give variant "${variant}", metric "${metric}"; give one row per variant and metric.`);
    }
    where.set(key, row);
    stats.get(variant)!.set(metric, rowStats(cols, row, metric, params.types[metric], params));
  }
  const seen = sortVariants(metricOf);
  const metrics = wanted ?? seen;
  for (const m of metrics) {
    const missing = variants.filter((v) => !stats.get(v)!.has(m));
    if (missing.length === variants.length) {
      throw new RecipeInputError(`${INPUT} has no rows for metric "${m}" (named in the metrics parameter); the metrics in ${INPUT}.${params.metric} are ${seen.join(', ')}.`);
    }
    if (missing.length) throw new RecipeInputError(`${INPUT} has no row for metric "${m}" in variant(s) ${missing.map((v) => `"${v}"`).join(', ')}; every variant needs a row per metric.`);
  }
  const units = new Map(variants.map((v) => [v, Math.max(0, ...[...stats.get(v)!.values()].map((s) => s.n))]));
  const notes = Object.keys(params.covariates).length
    ? ['The covariates parameter applies to units input; summary rows use CUPED when they carry covariate_sum, covariate_sum_squares and covariate_cross_sum.']
    : [];
  return { variants, metrics, stats, units, notes };
}
