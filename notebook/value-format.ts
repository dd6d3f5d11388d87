import { format as d3format } from 'd3-format';

/** How a column's values are shown; the raw value stays available on hover and copy. */
export type Formatter = (value: unknown) => string;

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?Z$/;
const PERCENT_NAME = /(^|_)(rate|share|pct|percent|penetration|chance_to_win|probability|prob|lift|effect|ci_low|ci_high|roi|churn|retention|conversion|ctr|risk(_\w+)?|uplift|coverage|precision|recall|hit_rate|ndcg|auc)(_|$)/i;
const PVALUE_NAME = /(^|_)p(_?value)?(_holm|_adjusted)?$/i;
const MONEY_NAME = /(^|_)(revenue|amount|price|cost|costs|spend|sales|profit|clv|aov|monetary(_value)?|income|value_per_\w+|incremental_revenue|break_even\w*)(_|$)/i;
const NOT_A_QUANTITY = /(^|_)(id|year|week|month|day|hour|code|zip|index|rank|seed)$/i;

/**
 * A compact, readable number: thousands separated, about 4 significant digits, tiny values in
 * full precision so they are never shown as 0.
 *
 * @example
 * formatNumber(1234567.891); // → '1,234,568'
 * formatNumber(0.123456); // → '0.1235'
 * formatNumber(0.0000312); // → '0.0000312'
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return Math.abs(n) >= 10_000 ? n.toLocaleString('en-US') : String(n);
  const abs = Math.abs(n);
  if (abs >= 1000) return n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (abs >= 1) return String(Number(n.toPrecision(5)));
  if (abs >= 0.001) return String(Number(n.toPrecision(4)));
  return String(Number(n.toPrecision(3)));
}

/**
 * Dates (and the ISO strings dates cross the worker as) readably: the day, plus the time when it
 * is not midnight.
 *
 * @example
 * formatDate('2025-01-01T00:00:00.000Z'); // → '2025-01-01'
 * formatDate('2025-01-01T14:03:27.000Z'); // → '2025-01-01 14:03'
 */
export function formatDate(value: Date | string): string {
  const iso = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString()) : value;
  const m = ISO.exec(iso);
  if (!m) return value instanceof Date ? 'Invalid date' : value;
  return m[2] === '00:00' && (!m[3] || /^:00(\.0+)?$/.test(m[3])) ? m[1]! : `${m[1]} ${m[2]}`;
}

/**
 * The formatter for a column, by its meaning: an explicit d3-format specifier when given (e.g.
 * `"$,.2f"`), else guessed from the name and values — p-values with 3 significant digits, rates
 * and effects as percentages, money with thousands and cents, counts with thousands, dates
 * readably. Ids, years and other codes stay as they are.
 *
 * @example
 * columnFormatter('effect', [0.031, -0.002])(0.031); // → '3.1%'
 * columnFormatter('revenue', [1234.5])(1234.5); // → '1,234.50'
 * columnFormatter('revenue', [], '$,.0f')(1234.5); // → '$1,235'
 */
export function columnFormatter(name: string, sample: ArrayLike<unknown>, specifier?: string): Formatter {
  if (specifier) {
    let f: (n: number) => string;
    try {
      f = d3format(specifier);
    } catch {
      throw new Error(`The format "${specifier}" of column "${name}" is not a d3-format specifier (e.g. "$,.2f", ".1%", ",d").`);
    }
    return (v) => (typeof v === 'number' && Number.isFinite(v) ? f(v) : formatAny(v));
  }
  const numbers = Array.from(sample).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (!numbers.length) return formatAny;
  if (NOT_A_QUANTITY.test(name)) return (v) => (typeof v === 'number' ? String(v) : formatAny(v));
  if (PVALUE_NAME.test(name)) return (v) => (typeof v === 'number' && Number.isFinite(v) ? formatPValue(v) : formatAny(v));
  if (PERCENT_NAME.test(name) && numbers.every((n) => Math.abs(n) <= 10)) return percent;
  if (MONEY_NAME.test(name)) return money;
  return formatAny;
}

const percentFormat = d3format('.1%');
const percent: Formatter = (v) => (typeof v === 'number' && Number.isFinite(v) ? (Math.abs(v) < 0.001 && v !== 0 ? d3format('.2~%')(v) : percentFormat(v)) : formatAny(v));
const moneyFormat = d3format(',.2f');
const money: Formatter = (v) => (typeof v === 'number' && Number.isFinite(v) ? (Math.abs(v) >= 100_000 ? d3format(',.0f')(v) : moneyFormat(v)) : formatAny(v));

function formatPValue(p: number): string {
  return p !== 0 && p < 0.0001 ? p.toExponential(1) : String(Number(p.toPrecision(3)));
}

/**
 * Any cell value as text: numbers compact, dates readable, objects as JSON, missing as ''.
 *
 * @example
 * formatAny(new Date(Date.UTC(2025, 0, 2))); // → '2025-01-02'
 */
export function formatAny(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof Date) return formatDate(value);
  if (typeof value === 'string') return ISO.test(value) ? formatDate(value) : value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A metric card's value, by the metric's name (the same rules as table columns).
 *
 * @example
 * formatMetricValue('srm_p_value', 0.4312); // → '0.431'
 * formatMetricValue('units', 12000); // → '12,000'
 */
export function formatMetricValue(name: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && Number.isInteger(value) && !NOT_A_QUANTITY.test(name)) return value.toLocaleString('en-US');
  return columnFormatter(name, [value])(value);
}
