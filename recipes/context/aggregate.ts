import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import type { AggregateContext, AggregationPlan, SqlColumn, SqlRelation } from '../types.js';
import { A_DATE, column, keys, numbers, numbersOk, requireKeys } from '../sql/aggregates.js';
import { aliases, countWhere, momentSums, numberChecks, numeric, optionalRelationColumn, relationColumn, timestampSeconds } from '../sql/relation.js';
import type { MeanStats } from '../stats/moments.js';
import { defaultColumn } from '../column.js';
import { contextParams, DEFAULT_CONTEXTS } from './params.js';

export { DEFAULT_CONTEXTS };

export interface ContextColumns {
  variant: string;
  outcome: string;
  contexts?: string[] | undefined;
  timestamp?: string | undefined;
}

/**
 * The context columns to analyse: those named, else the default ones the input has; a context
 * must be another column than the variant and the outcome.
 *
 * @example
 * contextNames(['variant', 'converted', 'device'], params); // → ['device']
 */
export function contextNames(columns: readonly string[], p: ContextColumns): string[] {
  const names = p.contexts ?? DEFAULT_CONTEXTS.filter((c) => columns.includes(c));
  if (!names.length) {
    throw new RecipeInputError(`units has none of the default context columns (${DEFAULT_CONTEXTS.join(', ')}); name yours with --param contexts='["device","hour"]'.`);
  }
  const clash = names.find((c) => c === p.variant || c === p.outcome);
  if (clash) throw new RecipeInputError(`"${clash}" is both a context and the ${clash === p.variant ? 'variant' : 'outcome'} column; a context must be another column.`);
  return names;
}


/** The time column, or null when the input has none (no rolling lift or drift then). */
export function timeColumn(units: SqlRelation, p: ContextColumns): SqlColumn | null {
  return optionalRelationColumn(units, 'units', 'timestamp', p.timestamp, defaultColumn(contextParams, 'timestamp'));
}

/**
 * The aggregation of `context`, all of it sums and counts so it runs where the data lives:
 * - `context_<i>`: per value of context i (named in its column `context`) and variant, n, Σy, Σy² of the outcome (with counts of
 *   missing and non-0/1 outcomes for validation); summed over values it is also the overall arm.
 * - with a timestamp, `daily`: per UTC day and variant, n, Σy, Σy²; the rolling windows are sums of
 *   days (no window functions needed), and
 * - `mix_<i>`: per value of context i and UTC day, n; the drift windows are sums of days.
 * A many-valued numeric context is binned by quantiles in run() from its per-value rows, so that
 * table has one row per distinct value and arm.
 *
 * @example
 * contextPlan({ params, inputs: { units }, sql: dialects.duckdb }).queries; // → { context_0, daily, mix_0 }
 */
export function contextPlan({ params: p, inputs, sql }: AggregateContext<ContextColumns>): AggregationPlan {
  const units = inputs.units!;
  const as = aliases(sql, units);
  const variant = sql.ident(relationColumn(units, 'units', p.variant, 'variant').name);
  const outcomeCol = relationColumn(units, 'units', p.outcome, 'outcome');
  const y = numeric(sql, outcomeCol, 'units', 'outcome');
  const names = contextNames(units.columns.map((c) => c.name), p);
  const contexts = names.map((c) => sql.ident(relationColumn(units, 'units', c, 'contexts').name));
  const time = timeColumn(units, p);
  const seconds = time ? timestampSeconds(sql, time, 'units', 'timestamp') : null;
  const day = seconds ? `floor(${seconds} / 86400)` : null;
  const moments = momentSums(sql, as, y);
  const queries: Record<string, string> = {};
  contexts.forEach((c, i) => {
    const checks = [...numberChecks(sql, as, outcomeCol, y, 'outcome'), `${countWhere(sql, `NOT (${y} = 0 OR ${y} = 1)`)} AS ${as('nonbinary')}`];
    queries[`context_${i}`] = `SELECT ${sql.literal(names[i]!)} AS ${as('context')}, ${c} AS ${as('value')}, ${variant} AS ${as('variant')}, ${[...moments, ...checks].join(', ')} FROM ${units.from} GROUP BY ${c}, ${variant}`;
    if (day) queries[`mix_${i}`] = `SELECT ${c} AS ${as('value')}, ${day} AS ${as('day')}, ${moments[0]} FROM ${units.from} GROUP BY ${c}, ${day}`;
  });
  if (day) {
    const checks = numberChecks(sql, as, time!, seconds!, 'timestamp');
    queries.daily = `SELECT ${day} AS ${as('day')}, ${variant} AS ${as('variant')}, ${[...moments, ...checks].join(', ')} FROM ${units.from} GROUP BY ${day}, ${variant}`;
  }
  return { queries, consumes: ['units'] };
}

/** One row of a `context_<i>` table: a context value (as the engine gave it) in one arm. */
export interface ValueCell {
  value: unknown;
  key: string;
  variant: string;
  stats: MeanStats;
}

/**
 * A `context_<i>` table as cells; throws for an empty input, a missing variant, outcome or context
 * value. `kind` is decided by the caller over the whole outcome column (see `outcomeKind`).
 *
 * @example
 * readValueCells(inputs.context_0, 'device', params, 'proportion');
 */
export function readValueCells(table: ColumnTable, context: string, p: ContextColumns, kind: 'proportion' | 'mean'): ValueCell[] {
  const n = numbers(table, 'n');
  if (n.reduce((a, b) => a + b, 0) === 0) throw new RecipeInputError('units has no rows; give it at least one row of data.');
  const variants = requireKeys(keys(table, 'variant'), n, 'units', p.variant, 'variant');
  numbersOk(table, 'outcome', 'units', p.outcome, 'outcome');
  const valueKeys = keys(table, 'value');
  const empty = valueKeys.reduce((s, k, i) => s + (k === null ? n[i]! : 0), 0);
  if (empty > 0) {
    throw new RecipeInputError(`units.${context} (a context column) is empty in ${empty} row${empty === 1 ? '' : 's'}; fill it (e.g. "unknown") or drop ${empty === 1 ? 'that row' : 'those rows'}, since every unit needs a context value.`);
  }
  const raw = column(table, 'value');
  const [sum, sumSquares] = [numbers(table, 'sum'), numbers(table, 'sum_squares')];
  return variants.map((variant, i) => ({ value: raw[i], key: valueKeys[i]!, variant, stats: { kind, n: n[i]!, sum: sum[i]!, sumSquares: sumSquares[i]! } }));
}

/**
 * The context tables of a plan in order, with the context each describes.
 *
 * @example
 * contextTables(inputs); // → [{ context: 'device', table }, …]
 */
export function contextTables(inputs: Record<string, ColumnTable>): { context: string; table: ColumnTable }[] {
  const out: { context: string; table: ColumnTable }[] = [];
  for (let i = 0; inputs[`context_${i}`]; i++) {
    const table = inputs[`context_${i}`]!;
    if (table.numRows() === 0) throw new RecipeInputError('units has no rows; give it at least one row of data.');
    out.push({ context: String(column(table, 'context')[0]), table });
  }
  return out;
}

/**
 * Sums cells into arms per group (a context label, or one group for the whole input).
 *
 * @example
 * armsBy(cells, (c) => c.key).get('mobile')!.get('control')!.n;
 */
export function armsBy(cells: readonly ValueCell[], group: (cell: ValueCell) => string): Map<string, Map<string, MeanStats>> {
  const out = new Map<string, Map<string, MeanStats>>();
  for (const cell of cells) {
    const key = group(cell);
    const arms = out.get(key) ?? new Map<string, MeanStats>();
    const s = arms.get(cell.variant);
    if (s) {
      s.n += cell.stats.n;
      s.sum += cell.stats.sum;
      s.sumSquares += cell.stats.sumSquares;
    } else arms.set(cell.variant, { ...cell.stats });
    out.set(key, arms);
  }
  return out;
}

/** Whether the outcome is 0/1 everywhere (a proportion) or not (a mean), from any context table. @example outcomeKind(inputs.context_0) */
export function outcomeKind(table: ColumnTable): 'proportion' | 'mean' {
  return numbers(table, 'nonbinary').reduce((a, b) => a + b, 0) === 0 ? 'proportion' : 'mean';
}

/**
 * The `daily` table as n, Σy, Σy² per variant and UTC day number; a missing timestamp is an error.
 *
 * @example
 * readDaily(inputs.daily, params, timestampColumn).get('control')!.get(20089)!.n;
 */
export function readDaily(table: ColumnTable, p: ContextColumns, timestamp: string): Map<string, Map<number, { n: number; sum: number; sumSquares: number }>> {
  const n = numbers(table, 'n');
  numbersOk(table, 'timestamp', 'units', timestamp, 'timestamp', A_DATE);
  requireKeys(keys(table, 'day'), n, 'units', timestamp, 'timestamp');
  const variants = requireKeys(keys(table, 'variant'), n, 'units', p.variant, 'variant');
  const [day, sum, sumSquares] = [numbers(table, 'day'), numbers(table, 'sum'), numbers(table, 'sum_squares')];
  const out = new Map<string, Map<number, { n: number; sum: number; sumSquares: number }>>();
  variants.forEach((v, i) => {
    const byDay = out.get(v) ?? new Map();
    byDay.set(day[i]!, { n: n[i]!, sum: sum[i]!, sumSquares: sumSquares[i]! });
    out.set(v, byDay);
  });
  return out;
}

/** A `mix_<i>` table as rows of (context value key, UTC day number, n). @example readMix(inputs.mix_0) */
export function readMix(table: ColumnTable): { key: string; day: number; n: number }[] {
  const valueKeys = keys(table, 'value');
  const [day, n] = [numbers(table, 'day'), numbers(table, 'n')];
  return valueKeys.flatMap((key, i) => (key === null ? [] : [{ key, day: day[i]!, n: n[i]! }]));
}
