import type { ColumnTable } from 'arquero';
import { tableRows } from '../../recipes/result-json.js';

const isTable = (v: unknown): v is ColumnTable => typeof v === 'object' && v !== null && typeof (v as ColumnTable).columnNames === 'function';

/**
 * The places where `a` and `b` differ, numbers compared to `rel` relative (or `rel` absolute near
 * zero); Arquero tables compare row by row, in order. Empty when they agree.
 *
 * @example
 * differences({ p: 0.1 }, { p: 0.1 + 1e-17 }); // → []
 */
export function differences(a: unknown, b: unknown, rel = 1e-9, path = '$'): string[] {
  if (isTable(a) && isTable(b)) return differences(tableRows(a), tableRows(b), rel, path);
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) && Number.isNaN(b)) return [];
    if (a === b) return [];
    const scale = Math.max(Math.abs(a), Math.abs(b), 1e-300);
    return Math.abs(a - b) <= rel * Math.max(scale, 1e-6) ? [] : [`${path}: ${a} vs ${b}`];
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime() ? [] : [`${path}: ${a.toISOString()} vs ${b.toISOString()}`];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path}: ${a.length} items vs ${b.length}`];
    return a.flatMap((x, i) => differences(x, b[i], rel, `${path}[${i}]`));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], rel, `${path}.${k}`));
  }
  return Object.is(a, b) ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}
