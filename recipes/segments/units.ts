import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import { numberColumn, requireRows, stringColumn } from '../columns.js';
import { optionalColumn } from '../stats/roles.js';

/** The measures a units table may carry; any missing column is left out of the results. */
export const MEASURES = ['exposed', 'engaged', 'converted', 'orders', 'revenue', 'clv', 'cost'] as const;
export type Measure = (typeof MEASURES)[number];

export interface Units {
  n: number;
  segment: string[];
  /** Null when the table has no variant column (descriptive segmentation only). */
  variant: string[] | null;
  values: Partial<Record<Measure, Float64Array>>;
}

/**
 * Reads the `units` table: one row per customer with a segment, optionally a variant and any of
 * the measures. A measure named by parameter must exist; one left at its default is optional.
 *
 * @example
 * readUnits(units, { segment: 'segment' });
 */
export function readUnits(table: ColumnTable, p: { segment: string; variant?: string } & Partial<Record<Measure, string>>): Units {
  requireRows(table, 'units');
  const segment = stringColumn(table, 'units', p.segment, 'segment');
  const variantCol = optionalColumn(table, 'units', 'variant', p.variant, 'variant');
  const values: Partial<Record<Measure, Float64Array>> = {};
  for (const m of MEASURES) {
    const column = optionalColumn(table, 'units', m, p[m], m);
    if (column) values[m] = numberColumn(table, 'units', column, m);
  }
  if (!values.converted && !values.revenue && !values.engaged && !values.clv) {
    throw new RecipeInputError(
      'units has none of the measures converted, revenue, engaged or clv, so there is nothing to compare across segments. Name one with e.g. --param converted=<column> or --param revenue=<column>.',
    );
  }
  if (values.engaged && !values.exposed) {
    throw new RecipeInputError('units has an engaged column but no exposed column; penetration_rate is engaged ÷ exposed. Name it with --param exposed=<column>.');
  }
  return { n: table.numRows(), segment, variant: variantCol ? stringColumn(table, 'units', variantCol, 'variant') : null, values };
}
