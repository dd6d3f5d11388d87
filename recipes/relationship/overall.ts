import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../errors.js';
import type { ScoreRow } from './scores.js';

const OVERALL_KEYS = ['nps', 'nps_ci_low', 'nps_ci_high', 'csat', 'csat_ci_low', 'csat_ci_high', 'trust_index', 'trust_ci_low', 'trust_ci_high'];

/**
 * The headline metrics: responses, groups, distinct customers (when the customer column is
 * there; a named one must be) and the scores over all responses.
 *
 * @example
 * overallMetrics(table, { responses: 500, groups: 2 }, scoreSubset(r, all, 0.05, 5), { column: 'customer', named: false });
 */
export function overallMetrics(
  table: ColumnTable,
  counts: { responses: number; groups: number },
  overall: ScoreRow,
  customer: { column: string; named: boolean },
): Record<string, number | string | null> {
  const metrics: Record<string, number | string | null> = { ...counts };
  const has = table.columnNames().includes(customer.column);
  if (customer.named && !has) {
    throw new RecipeInputError(`responses has no column "${customer.column}" (the customer column). Name it with --param customer=<column>.`);
  }
  if (has) metrics.customers = new Set(Array.from(table.array(customer.column) as ArrayLike<unknown>)).size;
  for (const key of OVERALL_KEYS) if (key in overall) metrics[key] = overall[key] ?? null;
  return metrics;
}
