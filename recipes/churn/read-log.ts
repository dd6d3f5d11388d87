import type { ColumnTable } from 'arquero';
import { dateColumn, numberColumn, requireRows, stringColumn } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import { DAY_MS, indexLog, type IndexedLog } from './transaction-features.js';
import { defaultColumn } from '../column.js';
import { churnParams } from './params.js';

/** Column roles of a transaction log; amount and category default to those columns when present. */
export interface LogRoles {
  customer: string;
  timestamp: string;
  amount?: string;
  category?: string;
}

/**
 * Reads and groups a transactions table (errors name the column and row).
 *
 * @example
 * const log = readLog(orders, { customer: 'customer_id', timestamp: 'timestamp' });
 */
export function readLog(table: ColumnTable, roles: LogRoles): IndexedLog {
  requireRows(table, 'transactions');
  const names = table.columnNames();
  const present = (role: 'amount' | 'category') => (names.includes(defaultColumn(churnParams, role)) ? defaultColumn(churnParams, role) : undefined);
  const amount = roles.amount ?? present('amount');
  const category = roles.category ?? present('category');
  return indexLog({
    customer: stringColumn(table, 'transactions', roles.customer, 'customer'),
    time: dateColumn(table, 'transactions', roles.timestamp, 'timestamp'),
    amount: amount ? numberColumn(table, 'transactions', amount, 'amount') : undefined,
    category: category ? stringColumn(table, 'transactions', category, 'category') : undefined,
  });
}

/**
 * End of the data: the start of the UTC day after the last transaction.
 *
 * @example
 * dataEnd(log); // → Date.UTC(2025, 6, 1) for a log whose last order is on 2025-06-30
 */
export function dataEnd(log: IndexedLog): number {
  let last = -Infinity;
  for (const t of log.log.time) last = Math.max(last, t);
  return Math.floor(last / DAY_MS) * DAY_MS + DAY_MS;
}

/**
 * Reads the "cutoff" parameter (YYYY-MM-DD or ISO date-time, UTC).
 *
 * @example
 * parseCutoff('2025-01-01'); // → 1735689600000
 */
export function parseCutoff(value: string): number {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t)) throw new RecipeInputError(`The "cutoff" parameter "${value}" is not a date; write it as YYYY-MM-DD.`);
  return t;
}

/**
 * A date as YYYY-MM-DD for messages.
 *
 * @example
 * isoDay(0); // → '1970-01-01'
 */
export function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
