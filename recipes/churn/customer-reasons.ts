import { topReasons } from '../ml/reasons.js';
import type { ChurnData } from './dataset.js';
import { gatherRows, type Scored } from './scoring.js';

/** A feature value as a reason shows it: 'missing' for none, numbers to 2 decimals. */
function shown(value: unknown): string {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)) || (typeof value === 'string' && value.trim() === '')) return 'missing';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return String(value);
}

/**
 * The `top` features that push each shown customer's churn probability up most, as
 * "feature=value"; none when `top` is 0.
 *
 * @example
 * customerReasons(scored, data, rows, 3, signal)[0]; // → ['tenure=2', 'contract=month', …]
 */
export function customerReasons(s: Scored, data: ChurnData, rows: ArrayLike<number>, top: number, signal: AbortSignal): string[][] {
  if (!top) return [];
  return topReasons({
    X: gatherRows(s.X, s.d, rows),
    n: rows.length,
    d: s.d,
    groups: s.groups,
    predict: s.predict,
    top,
    signal,
    describe: (g, k) => `${s.names[g]}=${shown(data.columns[s.names[g]!]![rows[k]!])}`,
  });
}
