import type { ColumnTable } from 'arquero';
import { requireColumn } from '../columns.js';

/**
 * Optional column roles: a role the user named must exist (a typo is an error, not a silently
 * missing metric); a role left at its default is used only when the table has that column.
 */

/**
 * The column to read for an optional role, or null when the role was not named and the default
 * column is absent.
 *
 * @example
 * optionalColumn(units, 'units', 'clv', undefined, 'clv'); // → 'clv' if units has it, else null
 */
export function optionalColumn(table: ColumnTable, input: string, role: string, named: string | undefined, fallback: string): string | null {
  if (named !== undefined) {
    requireColumn(table, input, named, role);
    return named;
  }
  return table.columnNames().includes(fallback) ? fallback : null;
}
