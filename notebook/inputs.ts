/**
 * `Inputs` and `view()` for cells, with Observable's API (`const n = view(Inputs.range([1, 10],
 * {step: 1, value: 3}))`), built for a runtime that runs in a sandboxed worker with no page.
 *
 * An `Inputs.*` call makes a `CellInput`: a plain description of the input (`InputSpec`) plus the
 * functions that stay here (`format`, `valueof`, the data behind a table). `view(input)` shows it
 * (as a display of kind `input`) and returns its current value. The page draws the description
 * with Observable Inputs and, when the reader changes it, sends back a raw value (a number, text,
 * indices); the store keeps it and the cell re-runs, so `view` returns the new value and the cells
 * that read it re-run. Headless (`liftbook run`) nothing answers: every input keeps its initial value.
 */
import { DeclaredValues } from './declared.js';
import type { InputRaw, InputSpec } from './input-spec.js';
import { hashText } from './snapshot.js';
import { isTable, toJsonSafe } from './summarize.js';
import type { ValueSummary } from './types.js';

/** Marks values that summarize themselves as inputs (summarize.ts reads it by the same key). */
export const INPUT_SUMMARY = Symbol.for('liftbook.input-summary');

/** Rows a `search` or `table` input may carry to the page. */
export const MAX_INPUT_ROWS = 10_000;

/** The summary of an input (`kind: 'input'`). */
export type InputSummary = Extract<ValueSummary, { kind: 'input' }>;

interface Behaviour {
  initial: InputRaw;
  /** A raw value from the page, checked against this input; `undefined` when it does not fit. */
  normalize(raw: unknown): InputRaw | undefined;
  /** The value cells see. */
  value(raw: InputRaw): unknown;
  /** The value as a report shows it. */
  text(raw: InputRaw): string;
}

/**
 * An input made by `Inputs.*` in a cell: its description and the functions behind it.
 *
 * @example
 * const input = Inputs.range([1, 10], { step: 1, value: 3 });
 * input.value(input.initial); // → 3
 */
export class CellInput {
  /** Changes when the description or the initial value changes (the code was edited, the data changed). */
  readonly fingerprint: string;

  constructor(readonly spec: InputSpec, private readonly behaviour: Behaviour) {
    this.fingerprint = hashText(JSON.stringify([spec, behaviour.initial]));
  }

  get initial(): InputRaw {
    return this.behaviour.initial;
  }

  normalize(raw: unknown): InputRaw | undefined {
    return this.behaviour.normalize(raw);
  }

  value(raw: InputRaw): unknown {
    return this.behaviour.value(raw);
  }

  /** The JSON-safe summary the page draws (`key` set when `view` bound it to a name). */
  summary(raw: InputRaw = this.initial, key?: string): InputSummary {
    return { kind: 'input', ...(key === undefined ? {} : { key }), input: this.spec, value: raw, text: this.behaviour.text(raw), fingerprint: this.fingerprint };
  }

  [INPUT_SUMMARY](): InputSummary {
    return this.summary();
  }
}

/** What `view` displays: the input, its key in the cell and its current raw value. */
class ViewedInput {
  constructor(readonly input: CellInput, readonly key: string, readonly raw: InputRaw) {}

  [INPUT_SUMMARY](): InputSummary {
    return this.input.summary(this.raw, this.key);
  }
}

// ---- option checking -------------------------------------------------------------------------

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

const fail = (name: string, message: string): never => {
  throw new TypeError(`Inputs.${name}: ${message}`);
};

/** The options object, refusing names this sandboxed version cannot honour (a clear error beats a silently ignored option). */
function optionsOf(name: string, given: unknown, allowed: string[]): Record<string, unknown> {
  if (given === undefined || given === null) return {};
  if (typeof given !== 'object' || Array.isArray(given)) return fail(name, `options must be an object such as { label: "Discount", value: 3 }, got ${describe(given)}.`);
  for (const key of Object.keys(given)) {
    if (!allowed.includes(key)) {
      fail(name, `option "${key}" is not supported here (cell code runs in a sandbox and the page draws the input from a plain description). Supported: ${allowed.join(', ')}.`);
    }
  }
  return given as Record<string, unknown>;
}

function text(name: string, option: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return fail(name, `${option} must be text, got ${describe(value)}.`);
}

function finite(name: string, option: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return fail(name, `${option} must be a finite number, got ${describe(value)}.`);
}

function flag(name: string, option: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  return fail(name, `${option} must be true or false, got ${describe(value)}.`);
}

function fn(name: string, option: string, value: unknown): ((...args: unknown[]) => unknown) | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'function') return value as (...args: unknown[]) => unknown;
  return fail(name, `${option} must be a function, got ${describe(value)}.`);
}

/** Label, disabled and width, common to most inputs. */
function common(name: string, o: Record<string, unknown>) {
  const out: { label?: string; disabled?: boolean; width?: number } = {};
  const label = text(name, 'label', o.label);
  const disabled = flag(name, 'disabled', o.disabled);
  const width = finite(name, 'width', o.width);
  if (label !== undefined) out.label = label;
  if (disabled !== undefined) out.disabled = disabled;
  if (width !== undefined) out.width = width;
  return out;
}

/** Drops undefined fields so descriptions (and their fingerprints) hold only what was given. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const isIndex = (raw: unknown, length: number): raw is number => typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw < length;

/** Unique valid indices, ascending (the order the page lists them in). */
function indices(raw: unknown, length: number): number[] | undefined {
  if (!Array.isArray(raw) || !raw.every((i) => isIndex(i, length))) return undefined;
  return [...new Set(raw as number[])].sort((a, b) => a - b);
}

/** A value as Observable Inputs' default format shows it. */
function formatAuto(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().slice(0, 10);
  return String(value);
}

/** An iterable (array, Set, Arquero table …) as an array. */
function itemsOf(name: string, data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (isTable(data)) return data.objects();
  if (data && typeof data === 'object' && Symbol.iterator in data) return Array.from(data as Iterable<unknown>);
  return fail(name, `the data must be an array, a Map, a Set or a table, got ${describe(data)}.`);
}

// ---- numbers ---------------------------------------------------------------------------------

function decimals(step: number): number {
  const s = String(step);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

function numeric(name: 'range' | 'number', extent: unknown, given: unknown): CellInput {
  const o = optionsOf(name, given, ['label', 'value', 'step', 'placeholder', 'width', 'disabled']);
  let min: number | undefined;
  let max: number | undefined;
  if (extent !== undefined) {
    if (!Array.isArray(extent) || extent.length !== 2) fail(name, `the extent must be [min, max], e.g. Inputs.${name}([1, 10]), got ${describe(extent)}.`);
    const [a, b] = extent as unknown[];
    min = finite(name, 'min (extent[0])', a);
    max = finite(name, 'max (extent[1])', b);
    if (min !== undefined && max !== undefined && min > max) fail(name, `the extent's min (${min}) is above its max (${max}).`);
  }
  if (name === 'range' && (min === undefined || max === undefined)) fail(name, 'a range needs a finite [min, max], e.g. Inputs.range([0, 100]).');
  const step = finite(name, 'step', o.step);
  if (step !== undefined && step <= 0) fail(name, `step must be above 0, got ${step}.`);
  const snap = (v: number) => {
    let x = Math.max(min ?? -Infinity, Math.min(max ?? Infinity, v));
    // Like the page's <input type=range>: steps count from min, and a step past max is not taken.
    if (step !== undefined && name === 'range') {
      const base = min ?? 0;
      x = base + Math.round((x - base) / step) * step;
      if (max !== undefined && x > max) x -= step;
      x = Number(x.toFixed(Math.max(decimals(step), decimals(base))));
    }
    return x;
  };
  const value = finite(name, 'value', o.value);
  const initial = value !== undefined ? snap(value) : name === 'range' ? snap((min! + max!) / 2) : null;
  const spec = defined({ type: name, ...common(name, o), min, max, step, placeholder: text(name, 'placeholder', o.placeholder) });
  return new CellInput(spec, {
    initial,
    normalize: (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? snap(raw) : raw === null && name === 'number' ? null : undefined),
    value: (raw) => (raw === null ? undefined : raw),
    text: (raw) => (raw === null ? '(empty)' : String(raw)),
  });
}

// ---- text, toggle, color, date ---------------------------------------------------------------

function textual(name: 'text' | 'textarea', given: unknown): CellInput {
  const allowed = ['label', 'value', 'placeholder', 'width', 'disabled', 'submit', 'maxlength', ...(name === 'textarea' ? ['rows'] : [])];
  const o = optionsOf(name, given, allowed);
  const submit = typeof o.submit === 'string' ? o.submit : flag(name, 'submit', o.submit);
  const spec = defined({
    type: name, ...common(name, o), placeholder: text(name, 'placeholder', o.placeholder), submit,
    maxlength: finite(name, 'maxlength', o.maxlength), rows: finite(name, 'rows', o.rows),
  });
  return new CellInput(spec, {
    initial: text(name, 'value', o.value) ?? '',
    normalize: (raw) => (typeof raw === 'string' ? raw : undefined),
    value: (raw) => raw,
    text: (raw) => (raw === '' ? '(empty)' : String(raw)),
  });
}

function toggle(given: unknown): CellInput {
  const o = optionsOf('toggle', given, ['label', 'value', 'values', 'disabled']);
  let values: [unknown, unknown] | undefined;
  if (o.values !== undefined) {
    if (!Array.isArray(o.values) || o.values.length !== 2) fail('toggle', `values must be [on, off], got ${describe(o.values)}.`);
    values = o.values as [unknown, unknown];
  }
  const on = values ? Object.is(o.value, values[0]) : o.value === undefined ? false : flag('toggle', 'value', o.value)!;
  const { label, disabled } = common('toggle', o);
  const value = (raw: InputRaw) => (values ? values[raw ? 0 : 1] : raw);
  return new CellInput(defined({ type: 'toggle' as const, label, disabled }), {
    initial: on,
    normalize: (raw) => (typeof raw === 'boolean' ? raw : undefined),
    value,
    text: (raw) => (values ? formatAuto(value(raw)) : raw ? 'on' : 'off'),
  });
}

const HEX = /^#[0-9a-f]{6}$/i;

function color(given: unknown): CellInput {
  const o = optionsOf('color', given, ['label', 'value', 'disabled']);
  const value = text('color', 'value', o.value) ?? '#000000';
  if (!HEX.test(value)) fail('color', `value must be a color like "#4269d0", got ${JSON.stringify(value)}.`);
  const { label, disabled } = common('color', o);
  return new CellInput(defined({ type: 'color' as const, label, disabled }), {
    initial: value.toLowerCase(),
    normalize: (raw) => (typeof raw === 'string' && HEX.test(raw) ? raw.toLowerCase() : undefined),
    value: (raw) => raw,
    text: (raw) => String(raw),
  });
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day as `YYYY-MM-DD` (UTC), or undefined when `value` is not one. */
function isoDay(value: unknown): string | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : undefined;
}

function date(given: unknown): CellInput {
  const o = optionsOf('date', given, ['label', 'value', 'min', 'max', 'width', 'disabled']);
  const day = (option: string, v: unknown) => {
    if (v === undefined || v === null) return undefined;
    return isoDay(v) ?? fail('date', `${option} must be a date (a Date or "YYYY-MM-DD"), got ${describe(v)}.`);
  };
  const spec = defined({ type: 'date' as const, ...common('date', o), min: day('min', o.min), max: day('max', o.max) });
  return new CellInput(spec, {
    initial: day('value', o.value) ?? null,
    normalize: (raw) => (raw === null ? null : typeof raw === 'string' && ISO_DAY.test(raw) && isoDay(raw) === raw ? raw : undefined),
    value: (raw) => (raw === null ? null : new Date(`${raw}T00:00:00Z`)),
    text: (raw) => (raw === null ? '(none)' : String(raw)),
  });
}

// ---- choices ---------------------------------------------------------------------------------

function chooser(name: 'select' | 'radio' | 'checkbox', data: unknown, given: unknown): CellInput {
  const allowed = ['label', 'value', 'format', 'valueof', 'disabled', ...(name === 'select' ? ['multiple', 'size', 'width'] : [])];
  const o = optionsOf(name, given, allowed);
  const map = data instanceof Map;
  const items = map ? [...(data as Map<unknown, unknown>).entries()] : itemsOf(name, data);
  const format = fn(name, 'format', o.format) ?? ((d: unknown) => formatAuto(map ? (d as [unknown, unknown])[0] : d));
  const valueof = fn(name, 'valueof', o.valueof) ?? ((d: unknown) => (map ? (d as [unknown, unknown])[1] : d));
  const choices = items.map((d, i) => {
    const label = format(d, i, items);
    return typeof label === 'string' || typeof label === 'number' ? String(label) : fail(name, `format must return text; for option ${i} it returned ${describe(label)}.`);
  });
  const values = items.map((d, i) => valueof(d, i, items));
  const indexOf = (v: unknown) => values.findIndex((x) => Object.is(x, v) || (x instanceof Date && v instanceof Date && x.getTime() === v.getTime()));
  const multipleOption = o.multiple;
  if (multipleOption !== undefined && typeof multipleOption !== 'boolean' && !(typeof multipleOption === 'number' && multipleOption >= 0)) {
    fail(name, `multiple must be true, false or a number of visible rows, got ${describe(multipleOption)}.`);
  }
  const multiple = name === 'checkbox' || (name === 'select' && !!multipleOption);
  let disabled: boolean | number[] | undefined;
  if (Array.isArray(o.disabled)) disabled = o.disabled.map(indexOf).filter((i) => i >= 0);
  else disabled = flag(name, 'disabled', o.disabled);
  let initial: InputRaw;
  if (multiple) {
    const wanted = o.value === undefined || o.value === null ? [] : Array.isArray(o.value) ? o.value : fail(name, `value must be an array of options when several can be chosen, got ${describe(o.value)}.`);
    initial = [...new Set(wanted.map(indexOf).filter((i) => i >= 0))].sort((a, b) => a - b);
  } else {
    const at = o.value === undefined ? -1 : indexOf(o.value);
    // A <select> always shows an option (the first unless told); radio buttons may start unchecked.
    initial = at >= 0 ? at : name === 'select' && items.length ? 0 : null;
  }
  const size = typeof multipleOption === 'number' && multipleOption > 0 ? multipleOption : finite(name, 'size', o.size);
  const spec = defined({ type: name, label: text(name, 'label', o.label), choices, multiple: name === 'select' ? multiple : undefined, size, disabled, width: finite(name, 'width', o.width) });
  return new CellInput(spec, {
    initial,
    normalize: (raw) => (multiple ? indices(raw, items.length) : raw === null ? (name === 'select' && items.length ? undefined : null) : isIndex(raw, items.length) ? raw : undefined),
    value: (raw) => (Array.isArray(raw) ? raw.map((i) => values[i]) : raw === null ? null : values[raw as number]),
    text: (raw) => {
      const picked = Array.isArray(raw) ? raw : raw === null ? [] : [raw as number];
      return picked.length ? picked.map((i) => choices[i]).join(', ') : '(none)';
    },
  });
}

// ---- data: search and table ------------------------------------------------------------------

interface Rows {
  items: unknown[];
  /** Rows of these indices, as a table when the data was an Arquero table (else an array). */
  pick(indices: number[]): unknown;
}

function rowsOf(name: string, data: unknown): Rows {
  if (isTable(data)) {
    // `reify()` drops filters and orderings, so row i of `objects()` is row i of the data.
    const base = (data as { reify?: () => unknown }).reify?.() ?? data;
    const items = isTable(base) ? base.objects() : data.objects();
    const reify = (base as { reify?: (indices: number[]) => unknown }).reify;
    return { items, pick: (ix) => (reify ? reify.call(base, ix) : ix.map((i) => items[i])) };
  }
  const items = itemsOf(name, data);
  return { items, pick: (ix) => ix.map((i) => items[i]) };
}

function checkSize(name: string, n: number): void {
  if (n > MAX_INPUT_ROWS) {
    fail(name, `${n.toLocaleString('en-US')} rows are more than an input carries to the page (${MAX_INPUT_ROWS.toLocaleString('en-US')}); filter or aggregate first (display(table) browses any size).`);
  }
}

function stringList(name: string, option: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return fail(name, `${option} must be an array of column names, got ${describe(value)}.`);
}

const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/**
 * Observable Inputs' search: every word of the query must start a word in some value of the row
 * (only in `columns`, when given). Run on the JSON copies the page also searches, so the count the
 * page shows and the rows cells get agree.
 */
function searchMatches(rows: unknown[], query: string, columns?: string[]): number[] {
  const terms = query.split(/\s+/g).filter(Boolean).map((t) => new RegExp(`(?:^|[^\\p{L}-])${escapeRegExp(t)}`, 'iu'));
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (row === null || row === undefined) return;
    const values = typeof row === 'object' ? (columns ? columns.map((c) => (row as Record<string, unknown>)[c]) : Object.values(row)) : [row];
    if (terms.every((term) => values.some((v) => term.test(String(v))))) out.push(i);
  });
  return out;
}

function search(data: unknown, given: unknown): CellInput {
  const o = optionsOf('search', given, ['label', 'query', 'placeholder', 'columns', 'datalist', 'required', 'width', 'disabled']);
  const { items, pick } = rowsOf('search', data);
  checkSize('search', items.length);
  const columns = stringList('search', 'columns', o.columns) ?? (isTable(data) ? data.columnNames() : undefined);
  const rows = items.map((d) => toJsonSafe(d).value);
  const required = flag('search', 'required', o.required) ?? true;
  const datalist = o.datalist === undefined ? undefined : itemsOf('search', o.datalist).map(String);
  const spec = defined({ type: 'search' as const, ...common('search', o), placeholder: text('search', 'placeholder', o.placeholder), columns, datalist, rows });
  const matching = (raw: InputRaw) => (raw || required ? searchMatches(rows, String(raw), columns) : []);
  return new CellInput(spec, {
    initial: text('search', 'query', o.query) ?? '',
    normalize: (raw) => (typeof raw === 'string' ? raw : undefined),
    value: (raw) => pick(matching(raw)),
    text: (raw) => {
      const n = matching(raw).length;
      return raw ? `"${raw}": ${n.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} rows` : `no query: ${n.toLocaleString('en-US')} rows`;
    },
  });
}

function table(data: unknown, given: unknown): CellInput {
  const o = optionsOf('table', given, ['columns', 'header', 'value', 'multiple', 'required', 'select', 'sort', 'reverse', 'rows', 'width', 'maxWidth', 'height', 'layout', 'align']);
  const { items, pick } = rowsOf('table', data);
  checkSize('table', items.length);
  if (!items.every((row) => row !== null && typeof row === 'object')) fail('table', 'the data must be a table or an array of row objects.');
  const records = items as Record<string, unknown>[];
  const columns = stringList('table', 'columns', o.columns) ?? (isTable(data) ? data.columnNames() : [...new Set(records.flatMap((r) => Object.keys(r)))]);
  const dateColumns = columns.filter((c) => records.some((r) => r[c] instanceof Date));
  const rows = records.map((r) => Object.fromEntries(columns.map((c) => [c, toJsonSafe(r[c]).value ?? null])));
  const multiple = flag('table', 'multiple', o.multiple) ?? true;
  const required = flag('table', 'required', o.required) ?? true;
  const header = o.header === undefined ? undefined : Object.fromEntries(Object.entries(o.header as Record<string, unknown>).map(([k, v]) => [k, text('table', `header.${k}`, v) ?? k]));
  const layout: 'fixed' | 'auto' | undefined = o.layout === undefined ? undefined : o.layout === 'fixed' || o.layout === 'auto' ? o.layout : fail('table', `layout must be "fixed" or "auto", got ${describe(o.layout)}.`);
  if (o.align !== undefined && (typeof o.align !== 'object' || o.align === null || Object.values(o.align).some((a) => !['left', 'right', 'center'].includes(a as string)))) {
    fail('table', `align must map columns to "left", "right" or "center", got ${describe(o.align)}.`);
  }
  const align = o.align as InputSpecOf<'table'>['align'];
  const sort = text('table', 'sort', o.sort);
  if (sort !== undefined && !columns.includes(sort)) fail('table', `sort names no column: "${sort}" (columns: ${columns.join(', ')}).`);
  // An initial selection is matched by identity, as Observable does.
  const wanted = o.value === undefined || o.value === null ? [] : Array.isArray(o.value) ? o.value : [o.value];
  const initial = [...new Set(wanted.map((row) => items.indexOf(row)).filter((i) => i >= 0))].sort((a, b) => a - b).slice(0, multiple ? undefined : 1);
  const spec = defined({
    type: 'table' as const, columns, header, rows, dateColumns: dateColumns.length ? dateColumns : undefined, multiple, required,
    select: flag('table', 'select', o.select), sort, reverse: flag('table', 'reverse', o.reverse), visibleRows: finite('table', 'rows', o.rows),
    width: finite('table', 'width', o.width), maxWidth: finite('table', 'maxWidth', o.maxWidth), height: finite('table', 'height', o.height), layout, align,
  });
  const all = () => items.map((_, i) => i);
  return new CellInput(spec, {
    initial,
    normalize: (raw) => {
      const ix = indices(raw, items.length);
      return ix && (multiple || ix.length <= 1) ? ix : undefined;
    },
    value: (raw) => {
      const ix = raw as number[];
      if (!multiple) return ix.length ? items[ix[0]] : null;
      return pick(ix.length || !required ? ix : all());
    },
    text: (raw) => {
      const n = (raw as number[]).length;
      const total = items.length.toLocaleString('en-US');
      return n ? `${n.toLocaleString('en-US')} of ${total} rows selected` : required && multiple ? `no rows selected: all ${total} rows` : 'no rows selected';
    },
  });
}

type InputSpecOf<T extends InputSpec['type']> = Extract<InputSpec, { type: T }>;

// ---- the builtins ----------------------------------------------------------------------------

/**
 * The `Inputs` cells see: Observable Inputs' constructors, each making a `CellInput`.
 *
 * @example
 * Inputs.select(['a', 'b'], { label: 'Arm', value: 'b' }).value(1); // → 'b'
 */
export const Inputs = Object.freeze({
  range: (extent?: unknown, options?: unknown) => numeric('range', extent ?? [0, 1], options),
  number: (extent?: unknown, options?: unknown) =>
    extent !== undefined && !Array.isArray(extent) && options === undefined ? numeric('number', undefined, extent) : numeric('number', extent, options),
  text: (options?: unknown) => textual('text', options),
  textarea: (options?: unknown) => textual('textarea', options),
  toggle: (options?: unknown) => toggle(options),
  color: (options?: unknown) => color(options),
  date: (options?: unknown) => date(options),
  select: (data: unknown, options?: unknown) => chooser('select', data, options),
  radio: (data: unknown, options?: unknown) => chooser('radio', data, options),
  checkbox: (data: unknown, options?: unknown) => chooser('checkbox', data, options),
  search: (data: unknown, options?: unknown) => search(data, options),
  table: (data: unknown, options?: unknown) => table(data, options),
});

/** Where the reader's input values live between runs (one per runtime). */
export interface InputStore {
  /** The raw value input `key` of a cell has in this run: the reader's, unless the input changed. */
  view(cellId: string, key: string, input: CellInput): InputRaw;
  /** The reader changed an input: whether the value is new (then the cell should re-run). */
  set(cellId: string, key: string, raw: unknown): boolean;
  /** The cell is gone. */
  forget(cellId: string): void;
}

/**
 * A store of input values, keyed by cell and the order of `view` calls in it.
 *
 * @example
 * const store = createInputStore();
 * store.set('c1', '0', 7); // before the cell ran: kept, checked when it runs
 */
export function createInputStore(): InputStore {
  const entries = new Map<string, { raw: InputRaw | unknown; input?: CellInput; fingerprint?: string }>();
  const id = (cellId: string, key: string) => `${cellId}\u0000${key}`;
  return {
    view(cellId, key, input) {
      const entry = entries.get(id(cellId, key));
      let raw = input.initial;
      // Same input as last run: the reader's value. A value set before the cell ran (a restarted
      // sandbox replaying what the page showed) counts if it fits. A changed input starts afresh.
      if (entry && (entry.fingerprint === input.fingerprint || entry.fingerprint === undefined)) raw = input.normalize(entry.raw) ?? raw;
      entries.set(id(cellId, key), { raw, input, fingerprint: input.fingerprint });
      return raw;
    },
    set(cellId, key, raw) {
      const entry = entries.get(id(cellId, key));
      if (!entry?.input) {
        entries.set(id(cellId, key), { raw });
        return false;
      }
      const normalized = entry.input.normalize(raw);
      if (normalized === undefined || JSON.stringify(normalized) === JSON.stringify(entry.raw)) return false;
      entry.raw = normalized;
      return true;
    },
    forget(cellId) {
      for (const k of [...entries.keys()]) if (k.startsWith(`${cellId}\u0000`)) entries.delete(k);
    },
  };
}

/**
 * The per-run `view` builtin: shows an input and returns its current value.
 *
 * @example
 * const cellBuiltins = { view: viewBuiltin(store) };
 */
export function viewBuiltin(
  store: InputStore,
  /** Told each value `view` returns (the session hides a cell value that only repeats one). */
  onView?: (cellId: string, value: unknown) => void,
): (context: { cellId: string; display: (value: unknown) => void }) => (input: unknown) => unknown {
  return (context) => {
    let next = 0;
    return (input: unknown) => {
      if (!(input instanceof CellInput)) {
        const dom = !!input && typeof input === 'object' && 'outerHTML' in input;
        throw new TypeError(
          `view() takes an input made by Inputs (range, number, select, radio, checkbox, toggle, search, table, text, textarea, date, color), got ${dom ? 'an element made in the cell, which cannot become a live input' : describe(input)}.`,
        );
      }
      const key = String(next++);
      const raw = store.view(context.cellId, key, input);
      context.display(new ViewedInput(input, key, raw));
      const value = input.value(raw);
      onView?.(context.cellId, value);
      return value;
    };
  };
}

/**
 * Whether a cell's value only repeats what its `view` calls returned (`const n = view(…)`): the
 * input already shows it, so the cell shows just the input, as in Observable.
 *
 * @example
 * onlyViewed(3, [3]); // → true
 * onlyViewed(new DeclaredValues({ n: 3, label: 'x' }), [3]); // → false
 */
export function onlyViewed(value: unknown, viewed: unknown[] | undefined): boolean {
  if (!viewed?.length) return false;
  const seen = (v: unknown) => viewed.some((x) => Object.is(x, v));
  return value instanceof DeclaredValues ? Object.values(value.values).every(seen) : seen(value);
}
