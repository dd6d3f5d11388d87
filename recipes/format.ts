/**
 * Numbers as results and notes show them: one home, so every recipe says "12.3%" and "n/a" the
 * same way and a metric that cannot be computed is `null` (JSON has no NaN), never NaN or Infinity.
 */

/**
 * The value when it is a finite number, else null.
 *
 * @example
 * finiteOrNull(0 / 0); // → null
 */
export function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * A share as a percentage with `digits` decimals.
 *
 * @example
 * percent(0.1234); // → '12.3%'
 */
export function percent(v: number, digits = 1): string {
  return `${(100 * v).toFixed(digits)}%`;
}

/**
 * A level such as alpha or a confidence level as a percentage: at most one decimal, none when whole.
 *
 * @example
 * roundPercent(0.95); // → '95%'
 * roundPercent(0.975); // → '97.5%'
 */
export function roundPercent(v: number): string {
  return `${Math.round(v * 1000) / 10}%`;
}

/**
 * A change as a signed percentage ("+" for zero and up).
 *
 * @example
 * signedPercent(-0.05); // → '-5.0%'
 */
export function signedPercent(v: number, digits = 1): string {
  return `${v >= 0 ? '+' : ''}${percent(v, digits)}`;
}

/**
 * A difference with its sign: relative ones as a signed percentage, absolute ones to 3 significant digits.
 *
 * @example
 * signedChange(0.0123, false); // → '+0.0123'
 */
export function signedChange(v: number, relative: boolean): string {
  return relative ? signedPercent(v) : `${v >= 0 ? '+' : ''}${v.toPrecision(3)}`;
}

/**
 * A number with `digits` decimals, or 'n/a' when there is none (null, NaN, not a number).
 *
 * @example
 * fixed(null, 2); // → 'n/a'
 */
export function fixed(v: unknown, digits: number): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : 'n/a';
}

/**
 * A number to `digits` significant digits, or 'n/a' when there is none (null, NaN, not a number).
 *
 * @example
 * significant(0.012345, 2); // → '0.012'
 */
export function significant(v: unknown, digits: number): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toPrecision(digits) : 'n/a';
}

/**
 * A number to `digits` significant digits without trailing zeros, as a person would write it.
 *
 * @example
 * rounded(12.5004, 4); // → '12.5'
 */
export function rounded(v: number, digits: number): string {
  return String(Number(v.toPrecision(digits)));
}

/**
 * A number in scientific notation with `digits` decimals, for values that may be tiny or huge
 * (a gradient norm).
 *
 * @example
 * scientific(0.000123, 2); // → '1.23e-4'
 */
export function scientific(v: number, digits: number): string {
  return v.toExponential(digits);
}

/**
 * A count with thousands separators, as English readers write it.
 *
 * @example
 * count(12345); // → '12,345'
 */
export function count(v: number): string {
  return v.toLocaleString('en-US');
}

/**
 * A number with its sign ("+" for zero and up) and `digits` decimals.
 *
 * @example
 * signedFixed(0.5, 2); // → '+0.50'
 */
export function signedFixed(v: number, digits: number): string {
  return `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`;
}

/**
 * Money as a reader wants it: whole units with separators from 1,000 up, cents below.
 *
 * @example
 * amount(12345.6); // → '12,346'
 * amount(-12.345); // → '-12.35'
 */
export function amount(v: number): string {
  return Math.abs(v) >= 1000 ? count(Math.round(v)) : v.toFixed(2);
}

/**
 * A p-value the way people read them: two decimals when large, more digits as it shrinks.
 *
 * @example
 * pValue(0.41); // → '0.41'
 * pValue(0.0031); // → '0.003'
 */
export function pValue(p: number): string {
  if (p >= 0.1) return p.toFixed(2);
  if (p >= 0.01) return p.toFixed(3);
  if (p >= 0.0001) return rounded(p, 1);
  return '< 0.0001';
}

/**
 * "p = 0.003" or "p < 0.0001", under another label when given.
 *
 * @example
 * pText(0.0003); // → 'p = 0.0003'
 */
export function pText(p: number, label = 'p'): string {
  const f = pValue(p);
  return f.startsWith('<') ? `${label} ${f}` : `${label} = ${f}`;
}

/**
 * A probability as a percentage with one decimal, never rounding a near-certainty to a flat 100% or 0%.
 *
 * @example
 * chance(0.9996); // → '> 99.9%'
 */
export function chance(p: number): string {
  if (p > 0.999) return '> 99.9%';
  if (p < 0.001) return '< 0.1%';
  return percent(p);
}

/**
 * An effect with a typographic sign (− not -, none for zero): relative ones as a percentage,
 * absolute ones to 3 significant digits (whole from 100 up).
 *
 * @example
 * effectSize(-0.08, true); // → '−8.0%'
 * effectSize(1234.5, false); // → '+1235'
 */
export function effectSize(x: number, relative: boolean): string {
  const sign = x > 0 ? '+' : x < 0 ? '−' : '';
  const a = Math.abs(x);
  if (relative) return `${sign}${percent(a)}`;
  return `${sign}${a >= 100 ? a.toFixed(0) : rounded(a, 3)}`;
}
