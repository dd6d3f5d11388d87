import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonSchema } from '../shell/api.js';

// The form controls are plain DOM: linkedom stands in for the browser.
beforeAll(() => {
  const { document, Node } = parseHTML('<html><body></body></html>') as unknown as { document: Document; Node: typeof globalThis.Node };
  Object.assign(globalThis, { document, Node });
});

const field = async (schema: JsonSchema, value: unknown, columns: string[] = [], isColumn = false) => {
  const { schemaField } = await import('./schema-field.js');
  const changes: unknown[] = [];
  const el = schemaField(schema, value, { columns, isColumn, onChange: (v) => changes.push(v) });
  return { el, changes };
};

describe('recipe form fields from JSON Schema', () => {
  it('offers the input table\'s columns for a column role', async () => {
    const { el } = await field({ type: 'string', default: 'variant' }, undefined, ['arm', 'revenue'], true);
    expect(el.tagName).toBe('SELECT');
    expect([...el.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual(['', 'arm', 'revenue']);
  });

  it('draws a list of columns as checkboxes, also when it is one branch of a union', async () => {
    const schema: JsonSchema = { anyOf: [{ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'object' }] } }, { type: 'string' }] };
    const { el, changes } = await field(schema, 'b, c', ['a', 'b', 'c'], true);
    const boxes = [...el.querySelectorAll('input')] as HTMLInputElement[];
    expect(boxes.map((b) => b.hasAttribute('checked'))).toEqual([false, true, true]);
    boxes[0]!.checked = true;
    boxes[0]!.dispatchEvent(new (globalThis as any).document.defaultView.Event('change'));
    expect(changes).toEqual([['a', 'b', 'c']]);
    const ratio = { name: 'aov', numerator: 'revenue', denominator: 'orders' };
    const { el: withRatio, changes: ratioChanges } = await field(schema, ['b', ratio], ['a', 'b'], true);
    expect(withRatio.querySelector('.chip-extra')?.textContent).toBe('aov (ratio)');
    const first = withRatio.querySelector('input') as HTMLInputElement;
    first.checked = true;
    first.dispatchEvent(new (globalThis as any).document.defaultView.Event('change'));
    expect(ratioChanges).toEqual([['a', 'b', ratio]]);
  });

  it('uses a select for enums and a number box with bounds for numbers', async () => {
    const { el: select } = await field({ type: 'string', enum: ['relative', 'absolute'], default: 'relative' }, 'absolute');
    expect(select.querySelector('option[selected]')?.getAttribute('value')).toBe('absolute');
    const { el: number } = await field({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.05 }, undefined);
    expect(number.getAttribute('type')).toBe('number');
    expect(number.getAttribute('placeholder')).toBe('default: 0.05');
    expect(number.getAttribute('max')).toBe('1');
  });

  it('falls back to JSON for objects, and reads a bare word as a string', async () => {
    const { el, changes } = await field({ type: 'object' }, { revenue: 'pre_revenue' });
    expect((el as HTMLInputElement).value).toBe('{"revenue":"pre_revenue"}');
    (el as HTMLInputElement).value = 'not json';
    el.dispatchEvent(new (globalThis as any).document.defaultView.Event('change'));
    (el as HTMLInputElement).value = '{"a": 1}';
    el.dispatchEvent(new (globalThis as any).document.defaultView.Event('change'));
    expect(changes).toEqual(['not json', { a: 1 }]);
  });
});
