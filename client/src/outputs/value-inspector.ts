import { Inspector } from '@observablehq/inspector';
// The package exports no CSS entry, so its stylesheet is imported by path.
import '../../../node_modules/@observablehq/inspector/dist/inspector.css';
import { h } from '../shell/dom.js';
import { localSource } from './table-source.js';
import { tableViewer } from './table-viewer.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Whether a value reads best as a table: a non-empty array whose items are all plain objects.
 *
 * @example
 * isRecordArray([{ a: 1 }, { a: 2 }]); // → true
 * isRecordArray([1, 2]); // → false
 */
export function isRecordArray(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.length > 0 && value.every(isPlainObject);
}

/**
 * A value as Observable shows it: an expandable inspector for objects, arrays, Maps, Sets, dates
 * and errors; an array of plain objects as a table.
 *
 * @example
 * outputs.append(valueInspector({ a: [1, 2], b: 'x' }));
 */
export function valueInspector(value: unknown, options: { truncated?: boolean } = {}): HTMLElement {
  if (isRecordArray(value)) return tableViewer(localSource(value));
  const el = h('div', { class: 'inspector' });
  new Inspector(el).fulfilled(value);
  if (options.truncated) el.append(h('span', { class: 'muted' }, ' … (truncated)'));
  return el;
}
