import type { ColumnTable } from 'arquero';
import { numberColumn, requireRows, stringColumn } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import type { MetricStats } from '../stats/moments.js';
import { checkCross, checkSpread } from '../stats/sums-check.js';
import { sortVariants, type LiftAggregate } from './arms.js';
import type { LiftParams } from './params.js';

const INPUT = 'summary';

/**
 * Extra sums a summary row may carry; their column names are fixed (documented in the recipe).
 * Whatever builds summary rows (a SQL GROUP BY over units, an export from another tool) writes
 * these, per variant and metric, over the arm's units:
 * - mean metric: n, sum = Σx, sum_squares = Σx² (a proportion: no sum_squares, sum = conversions);
 * - ratio metric m/d: sum = Σm, sum_squares = Σm², denominator_sum = Σd, denominator_sum_squares = Σd², cross_sum = Σm·d;
 * - CUPED on a mean metric x with covariate p: covariate_sum = Σp, covariate_sum_squares = Σp² (absent
 *   for a 0/1 covariate of a 0/1 metric), covariate_cross_sum = Σx·p;
 * - CUPED on a ratio m/d with pre-period m₀, d₀: the ratio sums, covariate_sum = Σm₀, covariate_sum_squares = Σm₀²,
 *   denominator_covariate_sum = Σd₀, denominator_covariate_sum_squares = Σd₀², covariate_cross_sum = Σm·m₀,
 *   denominator_covariate_cross_sum = Σd·d₀, pre_cross_sum = Σm₀·d₀,
 *   numerator_denominator_covariate_cross_sum = Σm·d₀, covariate_denominator_cross_sum = Σm₀·d.
 */
const RATIO_COLUMNS = ['denominator_sum', 'denominator_sum_squares', 'cross_sum'] as const;
const CUPED_COLUMNS = ['covariate_sum', 'covariate_sum_squares', 'covariate_cross_sum'] as const;
const RATIO_CUPED_COLUMNS = [
  'denominator_covariate_sum', 'denominator_covariate_sum_squares', 'denominator_covariate_cross_sum', 'pre_cross_sum',
  'numerator_denominator_covariate_cross_sum', 'covariate_denominator_cross_sum',
] as const;

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

/**
 * Refuses sums no real data can give (a negative implied variance, a correlation beyond ±1),
 * naming the row; a breach within floating-point rounding only adds a note.
 */
function checkRow(stats: MetricStats, row: number, metric: string, notes: string[]): void {
  const spreads: [string, number, number][] = [];
  const crosses: [string, number, number, number, number, number][] = [];
  if (stats.kind === 'mean' || stats.kind === 'cuped') spreads.push(['sum, sum_squares', stats.sum, stats.sumSquares]);
  if (stats.kind === 'cuped') {
    spreads.push(['covariate_sum, covariate_sum_squares', stats.sumPre, stats.sumPreSquares]);
    crosses.push(['covariate_cross_sum', stats.sum, stats.sumPre, stats.sumSquares, stats.sumPreSquares, stats.sumCross]);
  }
  if (stats.kind === 'ratio' || stats.kind === 'ratio_cuped') {
    spreads.push(['sum, sum_squares', stats.sumNum, stats.sumNumSquares], ['denominator_sum, denominator_sum_squares', stats.sumDen, stats.sumDenSquares]);
    crosses.push(['cross_sum', stats.sumNum, stats.sumDen, stats.sumNumSquares, stats.sumDenSquares, stats.sumCross]);
  }
  if (stats.kind === 'ratio_cuped') {
    const m = [stats.sumNum, stats.sumNumSquares] as const;
    const d = [stats.sumDen, stats.sumDenSquares] as const;
    const m0 = [stats.sumNumPre, stats.sumNumPreSquares] as const;
    const d0 = [stats.sumDenPre, stats.sumDenPreSquares] as const;
    spreads.push(['covariate_sum, covariate_sum_squares', ...m0], ['denominator_covariate_sum, denominator_covariate_sum_squares', ...d0]);
    for (const [name, a, b, cross] of [
      ['covariate_cross_sum', m, m0, stats.sumNumNumPre], ['denominator_covariate_cross_sum', d, d0, stats.sumDenDenPre],
      ['pre_cross_sum', m0, d0, stats.sumNumPreDenPre], ['numerator_denominator_covariate_cross_sum', m, d0, stats.sumNumDenPre],
      ['covariate_denominator_cross_sum', m0, d, stats.sumNumPreDen],
    ] as const) crosses.push([name, a[0], b[0], a[1], b[1], cross]);
  }
  const verdicts = [
    ...spreads.map(([what, sum, squares]) => ({ what, verdict: checkSpread(stats.n, sum, squares), why: `${what} imply a negative variance (Σx² − (Σx)²/n = ${squares - (sum * sum) / stats.n} with n = ${stats.n})` })),
    ...crosses.map(([what, sa, sb, qa, qb, cross]) => ({ what, verdict: checkCross(stats.n, sa, sb, qa, qb, cross), why: `${what} implies a correlation beyond ±1 with the sums it pairs` })),
  ];
  for (const { verdict, why } of verdicts) {
    if (verdict === 'impossible') {
      throw new RecipeInputError(`${INPUT} row ${row + 1} (metric "${metric}"): ${why}, which no data can give. Check that the sums come from the same units and the right columns.`);
    }
    if (verdict === 'rounding') notes.push(`${INPUT} row ${row + 1} (metric "${metric}"): ${why} by a rounding error's width; its variance was taken as 0 there.`);
  }
}

/** One summary row as sufficient statistics: ratio (with or without CUPED), CUPED, mean or proportion by which sums it has. */
function rowStats(cols: Columns, row: number, metric: string, forced: 'proportion' | 'mean' | undefined, p: LiftParams): MetricStats {
  const n = need(cols, p.n, row, `(metric "${metric}")`);
  const sum = need(cols, p.sum, row, `(metric "${metric}")`);
  if (!(n >= 0) || !Number.isInteger(n)) throw new RecipeInputError(`${INPUT} row ${row + 1}: ${p.n} must be a whole number of units ≥ 0 (it is ${n}).`);
  const has = (c: string) => cols[c] !== undefined && !Number.isNaN(cols[c]![row]!);
  if (has('cross_sum') || has('denominator_sum')) {
    const why = `is a ratio metric ("${metric}" has denominator_sum or cross_sum)`;
    const ratio = {
      n, sumNum: sum, sumNumSquares: need(cols, p.sum_squares, row, why),
      sumDen: need(cols, 'denominator_sum', row, why), sumDenSquares: need(cols, 'denominator_sum_squares', row, why), sumCross: need(cols, 'cross_sum', row, why),
    };
    if (!has('covariate_sum') && !has('denominator_covariate_sum')) return { kind: 'ratio', ...ratio };
    const cuped = `is a ratio metric with CUPED ("${metric}" has covariate_sum or denominator_covariate_sum)`;
    const get = (c: string) => need(cols, c, row, cuped);
    return {
      kind: 'ratio_cuped', ...ratio,
      sumNumPre: get('covariate_sum'), sumNumPreSquares: get('covariate_sum_squares'),
      sumDenPre: get('denominator_covariate_sum'), sumDenPreSquares: get('denominator_covariate_sum_squares'),
      sumNumNumPre: get('covariate_cross_sum'), sumDenDenPre: get('denominator_covariate_cross_sum'), sumNumPreDenPre: get('pre_cross_sum'),
      sumNumDenPre: get('numerator_denominator_covariate_cross_sum'), sumNumPreDen: get('covariate_denominator_cross_sum'),
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
    const sumPre = need(cols, 'covariate_sum', row, why);
    // A 0/1 covariate of a 0/1 metric is a proportion, as in gbstats: no covariate_sum_squares, or Σp² = Σp.
    const preProportion = proportion && (!has('covariate_sum_squares') || cols.covariate_sum_squares![row] === sumPre);
    if (preProportion && !(sumPre >= 0 && sumPre <= n)) {
      throw new RecipeInputError(`${INPUT} row ${row + 1}: metric "${metric}" has no covariate_sum_squares, so its covariate is read as 0/1, but covariate_sum = ${sumPre} is not between 0 and ${n}. Add covariate_sum_squares.`);
    }
    return {
      kind: 'cuped', n, sum, sumSquares, postKind: proportion ? 'proportion' : 'mean', preKind: preProportion ? 'proportion' : 'mean',
      sumPre, sumPreSquares: preProportion ? sumPre : need(cols, 'covariate_sum_squares', row, why), sumCross: need(cols, 'covariate_cross_sum', row, why),
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
  for (const c of [...RATIO_COLUMNS, ...CUPED_COLUMNS, ...RATIO_CUPED_COLUMNS]) cols[c] = optionalColumn(table, c, c);

  const wanted = params.metrics?.map((m) => (typeof m === 'string' ? m : m.name));
  const variants = sortVariants(variantOf);
  const stats = new Map(variants.map((v) => [v, new Map<string, MetricStats>()]));
  const where = new Map<string, number>();
  const rounding: string[] = [];
  for (let row = 0; row < variantOf.length; row++) {
    const [variant, metric] = [variantOf[row]!, metricOf[row]!];
    if (wanted && !wanted.includes(metric)) continue;
    const key = JSON.stringify([variant, metric]);
    if (where.has(key)) {
      throw new RecipeInputError(`${INPUT} rows ${where.get(key)! + 1} and ${row + 1} both give variant "${variant}", metric "${metric}"; give one row per variant and metric.`);
    }
    where.set(key, row);
    const rowStat = rowStats(cols, row, metric, params.types[metric], params);
    checkRow(rowStat, row, metric, rounding);
    stats.get(variant)!.set(metric, rowStat);
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
  notes.push(...rounding);
  return { variants, metrics, stats, units, notes };
}
