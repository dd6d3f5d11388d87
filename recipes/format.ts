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
