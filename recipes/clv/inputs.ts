import type { ColumnTable } from 'arquero';
import { dateColumn, numberColumn, parseDate, requireRows, stringColumn } from '../columns.js';
import { RecipeInputError } from '../errors.js';
import { DAY_MS, repeatPurchaseDays, summarizeTransactions, type CustomerSummary, type TimeUnit } from './summary.js';

/** What the clv model phase needs, from either input form. */
export interface ClvData {
  summary: CustomerSummary;
  /** Group of each summarised customer, when a group column was named. */
  groups?: string[];
  /** Repeat-purchase days and period ends, only for transactions (tracking chart, holdout). */
  repeatDays?: number[];
  calibrationEndDay?: number;
  observationEndDay?: number;
  hasAmounts: boolean;
}

export interface ClvColumns {
  customer: string;
  timestamp: string;
  amount: string;
  frequency: string;
  recency: string;
  T: string;
  monetary_value: string;
  group?: string;
  unit: TimeUnit;
  calibration_end?: string;
  observation_end?: string;
}

function dateParam(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = parseDate(value);
  if (t === undefined) throw new RecipeInputError(`parameter "${name}" is "${value}", which is not a date; give it as YYYY-MM-DD.`);
  return t;
}

function groupOf(table: ColumnTable, input: string, column: string, ids: string[]): Map<string, string> {
  const values = stringColumn(table, input, column, 'group');
  const out = new Map<string, string>();
  ids.forEach((id, i) => {
    const seen = out.get(id);
    if (seen !== undefined && seen !== values[i]) {
      throw new RecipeInputError(`${input}.${column} (the group column) gives customer "${id}" two groups ("${seen}" and "${values[i]}"); each customer must belong to one group.`);
    }
    out.set(id, values[i]);
  });
  return out;
}

/**
 * Reads the `transactions` table into the summary at the calibration end (default: the last
 * purchase day), or a ready `summary` table.
 *
 * @example
 * const data = readClvInputs({ transactions }, { customer: 'customer_id', timestamp: 'timestamp', amount: 'amount', unit: 'week', … });
 */
export function readClvInputs(inputs: Record<string, ColumnTable>, p: ClvColumns): ClvData {
  if (inputs.transactions) {
    const t = inputs.transactions;
    requireRows(t, 'transactions');
    const customers = stringColumn(t, 'transactions', p.customer, 'customer');
    const times = dateColumn(t, 'transactions', p.timestamp, 'timestamp');
    const hasAmounts = t.columnNames().includes(p.amount);
    const amounts = hasAmounts ? numberColumn(t, 'transactions', p.amount, 'amount') : undefined;
    let last = -Infinity;
    for (const v of times) last = Math.max(last, v);
    const calibrationEnd = dateParam('calibration_end', p.calibration_end) ?? last;
    const observationEnd = dateParam('observation_end', p.observation_end) ?? Math.max(last, calibrationEnd);
    if (observationEnd < calibrationEnd) {
      throw new RecipeInputError(`observation_end (${p.observation_end}) is before calibration_end (${p.calibration_end}); the holdout must come after the calibration period.`);
    }
    const log = { customers, times, amounts };
    const summary = summarizeTransactions(log, { calibrationEnd, observationEnd, unit: p.unit });
    if (summary.customers.length === 0) {
      throw new RecipeInputError(`No customer in transactions made a first purchase on or before calibration_end (${new Date(calibrationEnd).toISOString().slice(0, 10)}); move calibration_end later.`);
    }
    const groupMap = p.group ? groupOf(t, 'transactions', p.group, customers) : undefined;
    return {
      summary,
      groups: groupMap && summary.customers.map((id) => groupMap.get(id)!),
      repeatDays: repeatPurchaseDays(log, calibrationEnd, observationEnd),
      calibrationEndDay: Math.floor(calibrationEnd / DAY_MS),
      observationEndDay: Math.floor(observationEnd / DAY_MS),
      hasAmounts,
    };
  }
  const s = inputs.summary;
  requireRows(s, 'summary');
  const customers = stringColumn(s, 'summary', p.customer, 'customer');
  const frequency = numberColumn(s, 'summary', p.frequency, 'frequency');
  const recency = numberColumn(s, 'summary', p.recency, 'recency');
  const T = numberColumn(s, 'summary', p.T, 'T');
  const hasAmounts = s.columnNames().includes(p.monetary_value);
  const monetary = hasAmounts ? numberColumn(s, 'summary', p.monetary_value, 'monetary_value') : new Float64Array(customers.length).fill(NaN);
  for (let i = 0; i < customers.length; i++) {
    if (!(Number.isInteger(frequency[i]) && frequency[i] >= 0) || !(recency[i] >= 0) || !(T[i] >= recency[i])) {
      throw new RecipeInputError(
        `summary row ${i + 1} (customer "${customers[i]}") has frequency ${frequency[i]}, recency ${recency[i]}, T ${T[i]}: ` +
          'frequency must be a whole number ≥ 0 and 0 ≤ recency ≤ T. Fix that row or rebuild the summary from transactions.',
      );
    }
    if (frequency[i] === 0 && recency[i] !== 0) {
      throw new RecipeInputError(`summary row ${i + 1} (customer "${customers[i]}") has no repeat purchase but recency ${recency[i]}; recency must be 0 when frequency is 0.`);
    }
  }
  const n = customers.length;
  const summary: CustomerSummary = {
    customers,
    frequency,
    recency,
    T,
    monetary,
    firstDay: new Float64Array(n).fill(NaN),
    holdoutFrequency: new Float64Array(n).fill(NaN),
  };
  const groupMap = p.group ? groupOf(s, 'summary', p.group, customers) : undefined;
  return { summary, groups: groupMap && customers.map((id) => groupMap.get(id)!), hasAmounts };
}
