import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import type { AggregateContext, AggregationPlan, SqlColumn } from '../types.js';
import { aggregateColumns, hasColumn, keys, numbers, numbersOk, requireKeys } from '../sql/aggregates.js';
import { columnName, defaultColumn } from '../column.js';
import { segmentsParams } from './params.js';
import { aliases, countWhere, numberChecks, numeric, optionalRelationColumn, relationColumn, sumOf } from '../sql/relation.js';

/** The measures a units table may carry; any missing column is left out of the results. */
export const MEASURES = ['exposed', 'engaged', 'converted', 'orders', 'revenue', 'clv', 'cost'] as const;
export type Measure = (typeof MEASURES)[number];

export type SegmentColumns = { segment: string; variant?: string | undefined; margin: number } & Partial<Record<Measure, string | undefined>>;

/**
 * Sums of one segment × variant cell: `n`, and per measure `sum_<m>` and `squares_<m>`; the cross
 * products the ratio metrics need (`cross_penetration` Σengaged·exposed, `cross_aov` Σrevenue·orders),
 * and profit per customer (revenue × margin − cost) summed and squared. Sums add, so the overall
 * row of a variant is the sum of its cells.
 */
export type CellSums = Record<string, number>;

/** What the plan read from the input's columns: which measures exist and under which column. */
export interface SegmentLayout {
  variant: string | null;
  measures: Partial<Record<Measure, string>>;
  /** The column AOV divides by: orders, else converters. */
  per: Measure | null;
}

/**
 * Which columns play which role, checked against the input's columns: a measure named by
 * parameter must exist; one left at its default is optional.
 *
 * @example
 * segmentLayout(units.columns, { segment: 'segment', margin: 1 });
 */
export function segmentLayout(columns: SqlColumn[], p: SegmentColumns): SegmentLayout & { columns: Partial<Record<Measure, SqlColumn>> } {
  const relation = { from: '', columns };
  relationColumn(relation, 'units', p.segment, 'segment');
  const variant = optionalRelationColumn(relation, 'units', 'variant', p.variant, defaultColumn(segmentsParams, 'variant'));
  const found: Partial<Record<Measure, SqlColumn>> = {};
  for (const m of MEASURES) {
    const column = optionalRelationColumn(relation, 'units', m, p[m], defaultColumn(segmentsParams, m));
    if (column) found[m] = column;
  }
  if (!found.converted && !found.revenue && !found.engaged && !found.clv) {
    throw new RecipeInputError(
      'units has none of the measures converted, revenue, engaged or clv, so there is nothing to compare across segments. Name one with e.g. --param converted=<column> or --param revenue=<column>.',
    );
  }
  if (found.engaged && !found.exposed) {
    throw new RecipeInputError('units has an engaged column but no exposed column; penetration_rate is engaged ÷ exposed. Name it with --param exposed=<column>.');
  }
  const measures = Object.fromEntries(Object.entries(found).map(([m, c]) => [m, c.name])) as Partial<Record<Measure, string>>;
  return { variant: variant?.name ?? null, measures, per: found.orders ? 'orders' : found.converted ? 'converted' : null, columns: found };
}

/**
 * The aggregation of `segments`: one row per segment and variant with the sums of every measure,
 * their squares and the cross products, and counts of missing and non-0/1 values for validation.
 *
 * @example
 * segmentsPlan({ params, inputs: { units }, sql: dialects.duckdb }).queries.cells;
 */
export function segmentsPlan({ params: p, inputs, sql }: AggregateContext<SegmentColumns>): AggregationPlan {
  const units = inputs.units!;
  const layout = segmentLayout(units.columns, p);
  const as = aliases(sql, units);
  const x = Object.fromEntries(Object.entries(layout.columns).map(([m, c]) => [m, numeric(sql, c, 'units', m)])) as Partial<Record<Measure, string>>;
  const keyCols = [sql.ident(p.segment), ...(layout.variant ? [sql.ident(layout.variant)] : [])];
  const select = [`${keyCols[0]} AS ${as('segment')}`, `${sql.double('count(*)')} AS ${as('n')}`];
  if (layout.variant) select.push(`${keyCols[1]} AS ${as('variant')}`);
  for (const [m, e] of Object.entries(x)) {
    select.push(
      `${sumOf(sql, e)} AS ${as(`sum_${m}`)}`,
      `${sumOf(sql, `${e} * ${e}`)} AS ${as(`squares_${m}`)}`,
      ...numberChecks(sql, as, layout.columns[m as Measure]!, e, m),
    );
  }
  if (x.converted) select.push(`${countWhere(sql, `NOT (${x.converted} = 0 OR ${x.converted} = 1)`)} AS ${as('nonbinary_converted')}`);
  if (x.engaged && x.exposed) select.push(`${sumOf(sql, `${x.engaged} * ${x.exposed}`)} AS ${as('cross_penetration')}`);
  if (x.revenue) {
    if (layout.per) select.push(`${sumOf(sql, `${x.revenue} * ${x[layout.per]}`)} AS ${as('cross_aov')}`);
    const profit = `${x.revenue} * ${sql.literal(p.margin)}${x.cost ? ` - ${x.cost}` : ''}`;
    select.push(`${sumOf(sql, profit)} AS ${as('sum_profit')}`, `${sumOf(sql, `(${profit}) * (${profit})`)} AS ${as('squares_profit')}`);
  }
  return { queries: { cells: `SELECT ${select.join(', ')} FROM ${units.from} GROUP BY ${keyCols.join(', ')}` }, consumes: ['units'] };
}

/**
 * The layout a `cells` table was built with, read from its columns (run() sees the aggregate, not
 * the input): a measure is present when its sums are.
 *
 * @example
 * cellsLayout(inputs.cells, params).measures; // → { converted: 'converted', revenue: 'revenue' }
 */
export function cellsLayout(table: ColumnTable, p: SegmentColumns): SegmentLayout {
  const measures: Partial<Record<Measure, string>> = {};
  for (const m of MEASURES) if (hasColumn(table, `sum_${m}`)) measures[m] = p[m] ?? m;
  return { variant: hasColumn(table, 'variant') ? columnName(segmentsParams, p, 'variant') : null, measures, per: measures.orders ? 'orders' : measures.converted ? 'converted' : null };
}

/** The cells read back: sums per segment, then per variant (`(all)` without a variant column). */
export interface SegmentCells {
  n: number;
  cells: Map<string, Map<string, CellSums>>;
  /** Whether every converted value is 0 or 1 (a proportion) or not (a mean). */
  convertedKind: 'proportion' | 'mean';
}

/**
 * The `cells` table as sums per segment and variant; throws for an empty input, missing keys,
 * missing measure values.
 *
 * @example
 * readCells(inputs.cells, layout, params).cells.get('students')!.get('control')!.n;
 */
export function readCells(table: ColumnTable, layout: SegmentLayout, p: SegmentColumns): SegmentCells {
  const n = numbers(table, 'n');
  const total = n.reduce((a, b) => a + b, 0);
  if (total === 0) throw new RecipeInputError('units has no rows; give it at least one row of data.');
  const segments = requireKeys(keys(table, 'segment'), n, 'units', p.segment, 'segment');
  const variants = layout.variant ? requireKeys(keys(table, 'variant'), n, 'units', layout.variant, 'variant') : null;
  const names = aggregateColumns(table).filter((c) => c !== 'segment' && c !== 'variant' && !c.startsWith('bad_'));
  const columns = new Map(names.map((c) => [c, numbers(table, c)]));
  const sumAll = (c: string) => columns.get(c)!.reduce((a, b) => a + b, 0);
  for (const [m, column] of Object.entries(layout.measures)) numbersOk(table, m, 'units', column, m);
  const cells = new Map<string, Map<string, CellSums>>();
  segments.forEach((segment, i) => {
    const sums: CellSums = Object.fromEntries(names.map((c) => [c, columns.get(c)![i]!]));
    const bySegment = cells.get(segment) ?? new Map<string, CellSums>();
    bySegment.set(variants ? variants[i]! : '(all)', sums);
    cells.set(segment, bySegment);
  });
  return { n: total, cells, convertedKind: layout.measures.converted && sumAll('nonbinary_converted') === 0 ? 'proportion' : 'mean' };
}

/**
 * The sums of several cells (a variant over all segments).
 *
 * @example
 * addCells([a, b]).n; // → a.n + b.n
 */
export function addCells(cells: CellSums[]): CellSums {
  const out: CellSums = {};
  for (const c of cells) for (const [k, v] of Object.entries(c)) out[k] = (out[k] ?? 0) + v;
  return out;
}
