import { h } from '../shell/dom.js';
import type { JsonSchema } from '../shell/api.js';
import { Expression } from './recipe-code.js';

/** What a field needs besides its schema: the columns it may pick from, when it names columns. */
export interface FieldContext {
  columns: string[];
  isColumn: boolean;
  onChange: (value: unknown) => void;
}

/**
 * One form control for one JSON Schema property: enum → select, string naming a column → column
 * picker, number → number input, boolean → checkbox, list of columns → checkboxes, anything richer
 * → a JSON text box. `undefined` means "use the default" and is left out of the cell's code.
 *
 * @example
 * schemaField({ type: 'number', default: 0.05 }, 0.1, { columns: [], isColumn: false, onChange: console.log });
 */
export function schemaField(schema: JsonSchema, value: unknown, ctx: FieldContext): HTMLElement {
  const placeholder = schema.default !== undefined ? `default: ${JSON.stringify(schema.default)}` : '';
  const type = primaryType(schema);
  if (value instanceof Expression) {
    // Set in code (a notebook parameter, a computed list): shown as code, replaced when edited.
    return h('input', { type: 'text', class: 'expr-input', value: value.code, title: 'Set in code: an expression', onchange: (e: Event) => {
      const text = (e.target as HTMLInputElement).value.trim();
      if (!text) return ctx.onChange(undefined);
      try {
        ctx.onChange(JSON.parse(text));
      } catch {
        ctx.onChange(new Expression(text));
      }
    } });
  }
  if (schema.enum) {
    return select(['', ...schema.enum.map(String)], value === undefined ? '' : String(value), (v) => ctx.onChange(v === '' ? undefined : schema.enum!.find((e) => String(e) === v)), placeholder || '—');
  }
  if (type === 'string' && ctx.isColumn && ctx.columns.length) {
    const options = ['', ...ctx.columns, ...(typeof value === 'string' && value && !ctx.columns.includes(value) ? [value] : [])];
    return select(options, typeof value === 'string' ? value : '', (v) => ctx.onChange(v || undefined), placeholder || '— column —');
  }
  if (type === 'boolean') {
    const current = value === undefined ? Boolean(schema.default) : Boolean(value);
    return h('input', { type: 'checkbox', checked: current, onchange: (e: Event) => ctx.onChange((e.target as HTMLInputElement).checked) });
  }
  if (type === 'number' || type === 'integer') {
    const min = schema.minimum ?? schema.exclusiveMinimum;
    const max = schema.maximum ?? schema.exclusiveMaximum;
    return h('input', {
      type: 'number', step: type === 'integer' ? 1 : 'any', value: value === undefined ? '' : String(value), placeholder,
      min: min !== undefined && Math.abs(min) < 1e15 ? min : undefined, max: max !== undefined && Math.abs(max) < 1e15 ? max : undefined,
      onchange: (e: Event) => {
        const text = (e.target as HTMLInputElement).value;
        ctx.onChange(text === '' ? undefined : Number(text));
      },
    });
  }
  // A list of columns, possibly one branch of a union (e.g. an array, or a comma-separated string).
  const list = type === 'array' ? schema : type === 'union' ? (schema.anyOf ?? schema.oneOf ?? []).find((b) => primaryType(b) === 'array') : undefined;
  if (list && ctx.isColumn && ctx.columns.length && itemAllowsString(list.items)) {
    const items = typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value;
    const chosen = new Set(Array.isArray(items) ? items.filter((v): v is string => typeof v === 'string') : []);
    const extra = Array.isArray(items) ? items.filter((v) => typeof v !== 'string') : [];
    let kept = [...extra];
    const emit = () => {
      const next = [...ctx.columns.filter((c) => chosen.has(c)), ...kept];
      ctx.onChange(next.length ? next : undefined);
    };
    return h('div', { class: 'column-checks' },
      ctx.columns.map((column) => h('label', { class: 'chip' },
        h('input', { type: 'checkbox', checked: chosen.has(column), onchange: (e: Event) => {
          if ((e.target as HTMLInputElement).checked) chosen.add(column);
          else chosen.delete(column);
          emit();
        } }), column)),
      // Entries that are not plain columns (e.g. a ratio metric object) stay visible and removable.
      extra.map((item) => h('label', { class: 'chip chip-extra', title: JSON.stringify(item) },
        h('input', { type: 'checkbox', checked: true, onchange: (e: Event) => {
          kept = (e.target as HTMLInputElement).checked ? [...kept, item] : kept.filter((k) => k !== item);
          emit();
        } }), chipLabel(item))));
  }
  if (type === 'string') {
    return h('input', { type: 'text', value: typeof value === 'string' ? value : '', placeholder, onchange: (e: Event) => ctx.onChange((e.target as HTMLInputElement).value || undefined) });
  }
  // Arrays, objects and unions: JSON keeps every shape the schema allows expressible.
  return h('input', {
    type: 'text', class: 'json-input', value: value === undefined ? '' : JSON.stringify(value), placeholder: placeholder || 'JSON',
    onchange: (e: Event) => {
      const input = e.target as HTMLInputElement;
      if (!input.value.trim()) return ctx.onChange(undefined);
      try {
        ctx.onChange(JSON.parse(input.value));
        input.classList.remove('invalid');
      } catch {
        // A bare word is a string (e.g. a column name typed without quotes).
        if (/^[\w .-]+$/.test(input.value.trim())) ctx.onChange(input.value.trim());
        else input.classList.add('invalid');
      }
    },
  });
}

/**
 * The schema's main type: its `type`, or the first typed branch of an anyOf/oneOf.
 *
 * @example
 * primaryType({ anyOf: [{ type: 'integer' }, { type: 'array' }] }); // → 'union'
 */
export function primaryType(schema: JsonSchema): string {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') ?? 'string';
  if (schema.type) return schema.type;
  const branches = (schema.anyOf ?? schema.oneOf ?? []).filter((b) => b.type !== 'null');
  if (branches.length === 1) return primaryType(branches[0]!);
  return branches.length ? 'union' : 'any';
}

function chipLabel(item: unknown): string {
  const named = item && typeof item === 'object' && 'name' in item ? String((item as { name: unknown }).name) : null;
  return named ? `${named} (ratio)` : JSON.stringify(item);
}

function itemAllowsString(items: JsonSchema | undefined): boolean {
  if (!items) return false;
  if (items.type === 'string') return true;
  return (items.anyOf ?? items.oneOf ?? []).some((b) => b.type === 'string');
}

function select(options: string[], current: string, onChange: (value: string) => void, emptyLabel: string): HTMLSelectElement {
  const el = h('select', { onchange: () => onChange(el.value) }, options.map((o) => h('option', { value: o, selected: o === current }, o === '' ? emptyLabel : o)));
  return el;
}
