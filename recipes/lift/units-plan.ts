import { aliases, relationColumn } from '../sql/relation.js';
import type { Dialect } from '../sql/dialect.js';
import { RecipeInputError } from '../errors.js';
import type { AggregationPlan, SqlColumn, SqlRelation } from '../types.js';
import type { LiftParams } from './params.js';

const INPUT = 'units';
const ID_LIKE = /^(id|unit|user|customer|session|uuid)$|(_id|Id|ID)$/;

/** The table of per-variant sums the plan brings back, and the prefix of its row checks. */
export const ARMS = 'arms';
export const FIRST_BAD = 'first_bad:';

/** Default metrics: numeric and boolean columns, minus the variant, covariates and id-like names. */
function defaultMetrics(units: SqlRelation, params: LiftParams): string[] {
  const skip = new Set([params.variant, ...Object.values(params.covariates).flatMap((c) => (typeof c === 'string' ? [c] : [c.numerator, c.denominator]))]);
  return units.columns.filter((c) => (c.type === 'number' || c.type === 'boolean') && !skip.has(c.name) && !ID_LIKE.test(c.name)).map((c) => c.name);
}

/**
 * Builds the `lift` aggregation over unit-level rows: ONE scan grouped by variant that returns, per
 * variant, the unit count and for every metric the sums the statistics need (Σx, Σx², and the
 * ratio and CUPED cross sums), plus what validation needs (values that are not 0/1, missing or
 * non-numeric values). Aggregate columns are named `<statistic>:<metric or column>`, so `run`
 * reads the metrics off the table without the relation's column list. A text column used as a
 * number gets a second, small query naming its first non-numeric row.
 *
 * @example
 * unitsPlan(units, liftParams.parse({ variant: 'arm', metrics: ['converted'] }), dialects.duckdb).queries.arms;
 */
export function unitsPlan(units: SqlRelation, params: LiftParams, sql: Dialect): AggregationPlan {
  const variant = relationColumn(units, INPUT, params.variant, 'variant');
  const as = aliases(sql, units);
  const specs = params.metrics ?? defaultMetrics(units, params);
  if (specs.length === 0) {
    throw new RecipeInputError(`${INPUT} has no numeric metric columns besides "${params.variant}"; name the metric columns with the metrics parameter, e.g. --param metrics='["converted","revenue"]'.`);
  }
  const select: string[] = [`${sql.text(sql.ident(variant.name))} AS ${as('variant')}`, `${sql.double('count(*)')} AS ${as('n')}`];
  const checks: Record<string, string> = {};
  const seen = new Set<string>();

  /** A column as a double expression, with its missing-value count (once per column) and a row check for text. */
  const num = (name: string, role: string): string => {
    const column = relationColumn(units, INPUT, name, role);
    const expr = numberExpr(sql, column, INPUT, role);
    if (!seen.has(column.name)) {
      seen.add(column.name);
      select.push(`${sql.double(`count(*) - count(${expr})`)} AS ${as(`missing:${column.name}`)}`);
      if (column.type === 'string') checks[FIRST_BAD + column.name] = firstBadRow(sql, units, column, expr);
    }
    return expr;
  };
  const sum = (expr: string, stat: string, metric: string) => select.push(`${sql.double(`sum(${expr})`)} AS ${as(`${stat}:${metric}`)}`);
  const nonBinary = (expr: string, stat: string, metric: string) =>
    select.push(`${sql.double(`sum(CASE WHEN ${expr} <> 0 AND ${expr} <> 1 THEN 1 ELSE 0 END)`)} AS ${as(`${stat}:${metric}`)}`);

  const names: string[] = [];
  for (const spec of specs) {
    const name = typeof spec === 'string' ? spec : spec.name;
    if (names.includes(name)) throw new RecipeInputError(`The metrics parameter lists "${name}" twice; give each metric once.`);
    names.push(name);
    const covariate = params.covariates[name];
    if (typeof spec !== 'string') {
      if (typeof covariate === 'string') {
        throw new RecipeInputError(`covariates.${name}: "${name}" is a ratio metric, so its covariate names two pre-period columns: {"numerator": "...", "denominator": "..."}.`);
      }
      const m = num(spec.numerator, `metrics.${name}.numerator`);
      const d = num(spec.denominator, `metrics.${name}.denominator`);
      sum(m, 'sum', name);
      sum(`${m} * ${m}`, 'sum_squares', name);
      sum(d, 'denominator_sum', name);
      sum(`${d} * ${d}`, 'denominator_sum_squares', name);
      sum(`${m} * ${d}`, 'cross_sum', name);
      if (covariate) {
        const m0 = num(covariate.numerator, `covariates.${name}.numerator`);
        const d0 = num(covariate.denominator, `covariates.${name}.denominator`);
        sum(m0, 'num_pre_sum', name);
        sum(`${m0} * ${m0}`, 'num_pre_sum_squares', name);
        sum(d0, 'den_pre_sum', name);
        sum(`${d0} * ${d0}`, 'den_pre_sum_squares', name);
        sum(`${m} * ${m0}`, 'num_num_pre', name);
        sum(`${d} * ${d0}`, 'den_den_pre', name);
        sum(`${m0} * ${d0}`, 'num_pre_den_pre', name);
        sum(`${m} * ${d0}`, 'num_den_pre', name);
        sum(`${m0} * ${d}`, 'num_pre_den', name);
      }
      continue;
    }
    if (covariate !== undefined && typeof covariate !== 'string') {
      throw new RecipeInputError(`covariates.${name}: "${name}" is a column metric, so its covariate is one column name, not {numerator, denominator}.`);
    }
    const x = num(spec, 'metrics');
    sum(x, 'sum', name);
    sum(`${x} * ${x}`, 'sum_squares', name);
    nonBinary(x, 'non_binary', name);
    if (covariate) {
      const p = num(covariate, `covariates.${name}`);
      sum(p, 'covariate_sum', name);
      sum(`${p} * ${p}`, 'covariate_sum_squares', name);
      sum(`${x} * ${p}`, 'covariate_cross_sum', name);
      nonBinary(p, 'covariate_non_binary', name);
    }
  }
  const unknownCovariates = Object.keys(params.covariates).filter((k) => !names.includes(k));
  if (unknownCovariates.length) {
    throw new RecipeInputError(`covariates names ${unknownCovariates.map((k) => `"${k}"`).join(', ')}, which ${unknownCovariates.length > 1 ? 'are not metrics' : 'is not a metric'}; the metrics are ${names.join(', ')}.`);
  }
  const arms = `SELECT ${select.join(', ')} FROM ${units.from} GROUP BY ${sql.text(sql.ident(variant.name))}`;
  return { queries: { [ARMS]: arms, ...checks }, consumes: [INPUT] };
}

/**
 * A column as a double: numbers as they are, booleans 0/1, text parsed as liftbook parses it in
 * memory (a number, or true/yes/false/no); dates and other types are not numbers.
 */
function numberExpr(sql: Dialect, column: SqlColumn, input: string, role: string): string {
  const id = sql.ident(column.name);
  if (column.type === 'number') return sql.double(id);
  if (column.type === 'boolean') return `(CASE WHEN ${id} THEN 1.0 WHEN NOT ${id} THEN 0.0 ELSE NULL END)`;
  if (column.type === 'string') return sql.number(id);
  throw new RecipeInputError(
    `${input}.${column.name} (the ${role} column) holds ${column.type === 'date' ? 'dates' : 'values of another type'}, not numbers. Point "${role}" at a numeric column (CLI: --param ${role}=<column>).`,
  );
}

/** The first row (in scan order) whose text is present but not a number: empty when all parse. */
function firstBadRow(sql: Dialect, units: SqlRelation, column: SqlColumn, expr: string): string {
  const id = sql.ident(column.name);
  const as = aliases(sql, units);
  const rows = `SELECT ${sql.rowNumber()} AS ${as('row')}, ${sql.text(id)} AS ${as('value')}, ${expr} AS ${as('number')} FROM ${units.from}`;
  return `SELECT ${as('row')}, ${as('value')} FROM (${rows}) AS ${as('scan')} WHERE ${as('value')} IS NOT NULL AND ${as('value')} <> '' AND ${as('number')} IS NULL ORDER BY ${as('row')} LIMIT 1`;
}
