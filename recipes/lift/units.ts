import type { ColumnTable } from 'arquero';
import { numberColumn, requireRows, stringColumn } from '../columns.js';
import { RecipeInputError, throwIfAborted } from '../errors.js';
import { cupedStats, meanStats, ratioCupedStats, ratioStats, type MetricStats } from '../stats/moments.js';
import { sortVariants, type LiftAggregate } from './arms.js';
import type { LiftParams } from './params.js';

const INPUT = 'units';
const ID_LIKE = /^(id|unit|user|customer|session|uuid)$|(_id|Id|ID)$/;

function pick(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!;
  return out;
}

function isBinary(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return false;
  return true;
}

/** Default metrics: columns whose every value is numeric, minus the variant, covariates and id-like names. */
function defaultMetrics(table: ColumnTable, params: LiftParams): string[] {
  const skip = new Set([params.variant, ...Object.values(params.covariates).flatMap((c) => (typeof c === 'string' ? [c] : [c.numerator, c.denominator]))]);
  return table.columnNames().filter((name) => {
    if (skip.has(name) || ID_LIKE.test(name)) return false;
    const values = table.array(name) as ArrayLike<unknown>;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'number' && typeof v !== 'boolean') return false;
    }
    return values.length > 0;
  });
}

/**
 * Reduces one row per randomized unit to sufficient statistics per variant and metric.
 * A 0/1 column is a proportion metric unless `types` says otherwise; a metric with a covariate
 * gets CUPED statistics; a `{name, numerator, denominator}` metric gets ratio statistics.
 *
 * @example
 * aggregateUnits(aq.table({ variant: ['a', 'a', 'b', 'b'], converted: [0, 1, 1, 1] }), params).variants; // → ['a', 'b']
 */
export function aggregateUnits(table: ColumnTable, params: LiftParams, signal?: AbortSignal): LiftAggregate {
  requireRows(table, INPUT);
  const arm = stringColumn(table, INPUT, params.variant, 'variant');
  const variants = sortVariants(arm);
  const index = new Map(variants.map((v, i) => [v, i]));
  const members = variants.map(() => [] as number[]);
  arm.forEach((v, row) => members[index.get(v)!]!.push(row));
  const rows = members.map((m) => Int32Array.from(m));

  const notes: string[] = [];
  const specs = params.metrics ?? defaultMetrics(table, params);
  if (specs.length === 0) {
    throw new RecipeInputError(`${INPUT} has no numeric metric columns besides "${params.variant}"; name the metric columns with the metrics parameter, e.g. --param metrics='["converted","revenue"]'.`);
  }
  if (!params.metrics) notes.push(`No metrics parameter given, so every numeric column was analysed: ${specs.map(String).join(', ')}.`);

  const stats = new Map(variants.map((v) => [v, new Map<string, MetricStats>()]));
  const names: string[] = [];
  for (const spec of specs) {
    throwIfAborted(signal);
    const name = typeof spec === 'string' ? spec : spec.name;
    if (names.includes(name)) throw new RecipeInputError(`The metrics parameter lists "${name}" twice; give each metric once.`);
    names.push(name);
    const covariate = params.covariates[name];
    if (typeof spec !== 'string') {
      if (typeof covariate === 'string') {
        throw new RecipeInputError(`covariates.${name}: "${name}" is a ratio metric, so its covariate names two pre-period columns: {"numerator": "...", "denominator": "..."}.`);
      }
      const num = numberColumn(table, INPUT, spec.numerator, `metrics.${name}.numerator`);
      const den = numberColumn(table, INPUT, spec.denominator, `metrics.${name}.denominator`);
      const numPre = covariate ? numberColumn(table, INPUT, covariate.numerator, `covariates.${name}.numerator`) : undefined;
      const denPre = covariate ? numberColumn(table, INPUT, covariate.denominator, `covariates.${name}.denominator`) : undefined;
      variants.forEach((v, i) => {
        const r = rows[i]!;
        stats.get(v)!.set(name, numPre && denPre ? ratioCupedStats(pick(num, r), pick(den, r), pick(numPre, r), pick(denPre, r)) : ratioStats(pick(num, r), pick(den, r)));
      });
      continue;
    }
    if (covariate !== undefined && typeof covariate !== 'string') {
      throw new RecipeInputError(`covariates.${name}: "${name}" is a column metric, so its covariate is one column name, not {numerator, denominator}.`);
    }
    const values = numberColumn(table, INPUT, spec, 'metrics');
    const kind = params.types[name] ?? (isBinary(values) ? 'proportion' : 'mean');
    if (kind === 'proportion' && !isBinary(values)) {
      throw new RecipeInputError(`types.${name} is "proportion" but ${INPUT}.${spec} has values other than 0 and 1; use "mean" or fix the column.`);
    }
    const pre = covariate ? numberColumn(table, INPUT, covariate, `covariates.${name}`) : undefined;
    // gbstats treats a 0/1 covariate of a 0/1 metric as a proportion too (variance p(1−p)).
    const preKind = pre && kind === 'proportion' && isBinary(pre) ? 'proportion' : 'mean';
    variants.forEach((v, i) => {
      const post = pick(values, rows[i]!);
      stats.get(v)!.set(name, pre ? cupedStats(post, pick(pre, rows[i]!), kind, preKind) : meanStats(post, kind));
    });
  }
  const unknownCovariates = Object.keys(params.covariates).filter((k) => !names.includes(k));
  if (unknownCovariates.length) {
    throw new RecipeInputError(`covariates names ${unknownCovariates.map((k) => `"${k}"`).join(', ')}, which ${unknownCovariates.length > 1 ? 'are not metrics' : 'is not a metric'}; the metrics are ${names.join(', ')}.`);
  }
  return { variants, metrics: names, stats, units: new Map(variants.map((v, i) => [v, rows[i]!.length])), notes };
}
