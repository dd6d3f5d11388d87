import type { InputRaw, InputSpec } from '../../../notebook/input-spec.js';
import type { ParamDecl } from '../../../notebook/types.js';
import { h } from '../shell/dom.js';
import { drawInput } from '../outputs/input-view.js';

/**
 * The notebook's declared parameters (front matter `params`) as inputs above the cells, drawn like
 * the cells' own `view(Inputs.…)` inputs: changing one (on commit: Enter, leaving the field,
 * flipping the toggle) re-runs the cells that read it, without touching the saved defaults.
 *
 * @example
 * paramsBar({ seed: { name: 'seed', type: 'number', default: 42 } }, {}, (name, value) => kernel.setParams({ [name]: value }));
 */
export function paramsBar(params: Record<string, ParamDecl>, values: Record<string, unknown>, onChange: (name: string, value: unknown) => void): HTMLElement | null {
  const decls = Object.values(params);
  if (!decls.length) return null;
  return h('div', { class: 'params-bar' }, h('span', { class: 'form-section' }, 'Parameters'), decls.map((decl) => {
    const current = decl.name in values ? values[decl.name] : decl.default;
    const { spec, raw } = paramInput(decl, current);
    const input = drawInput(spec, raw, (next) => {
      const value = paramValue(decl, next);
      if (value !== undefined) onChange(decl.name, value);
    }, 'change');
    return h('div', { class: 'param', title: decl.description ?? '', 'data-param': decl.name }, input);
  }));
}

/**
 * The input that edits a parameter: a number box, a toggle, a date picker, or text (JSON as text).
 *
 * @example
 * paramInput({ name: 'since', type: 'date', default: new Date('2024-01-01') }, new Date('2024-01-01')); // → { spec: { type: 'date', label: 'since' }, raw: '2024-01-01' }
 */
export function paramInput(decl: ParamDecl, current: unknown): { spec: InputSpec; raw: InputRaw } {
  const label = decl.name;
  switch (decl.type) {
    case 'number':
      return { spec: { type: 'number', label }, raw: typeof current === 'number' && Number.isFinite(current) ? current : null };
    case 'boolean':
      return { spec: { type: 'toggle', label }, raw: Boolean(current) };
    case 'date':
      return { spec: { type: 'date', label }, raw: current instanceof Date && !Number.isNaN(current.getTime()) ? current.toISOString().slice(0, 10) : null };
    case 'json':
      return { spec: { type: 'text', label }, raw: JSON.stringify(current) ?? '' };
    default:
      return { spec: { type: 'text', label }, raw: String(current ?? '') };
  }
}

/**
 * A parameter's value from its input's raw value; `undefined` when there is none to set (an empty
 * number box or date). JSON that does not parse stays text, as `--param` takes it.
 *
 * @example
 * paramValue({ name: 'seed', type: 'number', default: 42 }, 7); // → 7
 */
export function paramValue(decl: ParamDecl, raw: InputRaw): unknown {
  if (decl.type === 'number') return typeof raw === 'number' ? raw : undefined;
  if (decl.type === 'boolean') return Boolean(raw);
  if (decl.type === 'date') return typeof raw === 'string' ? new Date(`${raw}T00:00:00Z`) : undefined;
  if (decl.type === 'json') {
    try {
      return JSON.parse(String(raw));
    } catch {
      return raw;
    }
  }
  return String(raw ?? '');
}
