import * as Inputs from '@observablehq/inputs';
import '../../../node_modules/@observablehq/inputs/dist/index.css';
import './inputs.css';
import type { InputRaw, InputSpec } from '../../../notebook/input-spec.js';

/** What an input's reader changes: `input` as they type or drag (cells), `change` when they commit (params). */
export type InputEvent = 'input' | 'change';

/** Only the options that were given (Observable Inputs treats a present `undefined` as a value in places). */
function given(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

const NUMBER_FIELDS = ['step', 'width', 'maxlength', 'rows', 'size', 'visibleRows', 'maxWidth', 'height'];
const TEXT_FIELDS = ['label', 'placeholder', 'sort', 'layout'];
const LIST_FIELDS = ['choices', 'columns', 'datalist', 'dateColumns'];

/**
 * The description as the page may use it. It comes from the sandbox, where cell code could post
 * anything: numbers must be numbers, text text and lists lists of text, or the field is dropped.
 * (A message cannot carry a DOM node, and Observable Inputs writes text as text.)
 *
 * @example
 * cleanSpec({ type: 'range', label: { x: 1 } as never, width: 'url(x)' as never }); // → { type: 'range' }
 */
export function cleanSpec(spec: InputSpec): InputSpec {
  const out: Record<string, unknown> = { ...spec };
  const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  for (const k of NUMBER_FIELDS) if (k in out && !isNumber(out[k])) delete out[k];
  for (const k of TEXT_FIELDS) if (k in out && typeof out[k] !== 'string') delete out[k];
  for (const k of LIST_FIELDS) if (k in out) out[k] = Array.isArray(out[k]) ? (out[k] as unknown[]).map(String) : [];
  // min and max are numbers, except a date's, which are ISO days.
  for (const k of ['min', 'max']) if (k in out && !(spec.type === 'date' ? typeof out[k] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(out[k] as string) : isNumber(out[k]))) delete out[k];
  if ('header' in out) out.header = out.header && typeof out.header === 'object' ? Object.fromEntries(Object.entries(out.header).map(([k, v]) => [k, String(v)])) : undefined;
  if ('align' in out && (typeof out.align !== 'object' || out.align === null || Object.values(out.align).some((a) => !['left', 'right', 'center'].includes(a as string)))) delete out.align;
  // A table's and a search's rows are data (a textarea's `rows`, dropped above unless a number, is a size).
  if (spec.type === 'table' || spec.type === 'search') out.rows = Array.isArray(spec.rows) ? spec.rows : [];
  return out as InputSpec;
}

const sorted = (values: unknown): number[] => (Array.isArray(values) ? values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b) : []);

/**
 * Draws an input from its plain description (made by `Inputs.*` in the sandbox) with Observable
 * Inputs, showing the raw value `raw`. The page never draws DOM the cell made: only this
 * description crosses, and the reader's changes go back as raw values (numbers, text, indices).
 *
 * @example
 * const el = drawInput({ type: 'range', min: 1, max: 10, step: 1 }, 3, (raw) => kernel.setInput('c1', '0', raw));
 */
export function drawInput(described: InputSpec, raw: InputRaw, onInput?: (raw: InputRaw) => void, event: InputEvent = 'input'): HTMLElement {
  const spec = cleanSpec(described);
  let form: Inputs.InputForm;
  let read: () => InputRaw;
  switch (spec.type) {
    case 'range':
    case 'number': {
      const options = given({ label: spec.label, step: spec.step, placeholder: spec.placeholder, disabled: spec.disabled, width: spec.width, value: raw ?? undefined });
      form = (spec.type === 'range' ? Inputs.range : Inputs.number)([spec.min, spec.max], options);
      read = () => (typeof form.value === 'number' && Number.isFinite(form.value) ? form.value : null);
      break;
    }
    case 'text':
    case 'textarea':
      form = (spec.type === 'text' ? Inputs.text : Inputs.textarea)(given({
        label: spec.label, placeholder: spec.placeholder, disabled: spec.disabled, width: spec.width, submit: spec.submit, maxlength: spec.maxlength, rows: spec.rows, value: String(raw ?? ''),
      }));
      read = () => String(form.value ?? '');
      break;
    case 'toggle':
      form = Inputs.toggle(given({ label: spec.label, disabled: spec.disabled, value: Boolean(raw) }));
      read = () => Boolean(form.value);
      break;
    case 'color':
      form = Inputs.color(given({ label: spec.label, disabled: spec.disabled, value: String(raw) }));
      read = () => String(form.value);
      break;
    case 'date':
      form = Inputs.date(given({ label: spec.label, disabled: spec.disabled, width: spec.width, min: spec.min, max: spec.max, value: raw ?? undefined }));
      read = () => (form.value instanceof Date && !Number.isNaN(form.value.getTime()) ? form.value.toISOString().slice(0, 10) : null);
      break;
    case 'select':
    case 'radio':
    case 'checkbox': {
      // Choices are offered by index, labelled with the text the sandbox formatted: the value that
      // goes back is an index, which the sandbox maps to the option itself.
      const choices = spec.choices;
      const multiple = spec.type === 'checkbox' || !!spec.multiple;
      const options = given({
        label: spec.label, disabled: spec.disabled, width: spec.width, format: (i: number) => choices[i] ?? '',
        value: multiple ? sorted(raw) : raw ?? undefined,
        ...(spec.type === 'select' ? { multiple: multiple ? spec.size ?? true : false } : {}),
      });
      form = Inputs[spec.type](choices.map((_, i) => i), options);
      read = () => (multiple ? sorted(form.value) : typeof form.value === 'number' ? form.value : null);
      break;
    }
    case 'search': {
      form = Inputs.search(spec.rows, given({ label: spec.label, placeholder: spec.placeholder, columns: spec.columns, datalist: spec.datalist, disabled: spec.disabled, width: spec.width, query: String(raw ?? '') }));
      const box = form.querySelector('input');
      read = () => box?.value ?? '';
      break;
    }
    case 'table': {
      const dates = spec.dateColumns ?? [];
      const rows = dates.length ? spec.rows.map((r) => ({ ...r, ...Object.fromEntries(dates.map((c) => [c, typeof r[c] === 'string' ? new Date(r[c] as string) : r[c]])) })) : spec.rows;
      const index = new Map<unknown, number>(rows.map((r, i) => [r, i]));
      const selected = sorted(raw).map((i) => rows[i]);
      const multiple = spec.multiple ?? true;
      form = Inputs.table(rows, given({
        columns: spec.columns, header: spec.header, sort: spec.sort, reverse: spec.reverse, rows: spec.visibleRows, width: spec.width, maxWidth: spec.maxWidth,
        height: spec.height, layout: spec.layout, align: spec.align, select: spec.select, multiple,
        // The sandbox applies `required` (none selected = every row): here the selection is what it is.
        required: false, value: multiple ? selected : selected[0],
      }));
      read = () => {
        const value = form.value;
        const picked = Array.isArray(value) ? value : value ? [value] : [];
        return picked.map((r) => index.get(r)).filter((i): i is number => i !== undefined).sort((a, b) => a - b);
      };
      break;
    }
    default: {
      // Not a kind this page knows (a message forged in the sandbox): say so, draw nothing live.
      const el = document.createElement('span');
      el.className = 'muted';
      el.textContent = 'an input this page cannot draw';
      return el;
    }
  }
  if (onInput) form.addEventListener(event, () => onInput(read()));
  return form;
}
