import type { ParamDecl } from '../../notebook/types.js';
import { h } from './dom.js';

/**
 * The notebook's declared parameters (front matter `params`) as inputs above the cells: changing
 * one re-runs the cells that read it, without touching the saved defaults.
 *
 * @example
 * paramsBar({ seed: { name: 'seed', type: 'number', default: 42 } }, {}, (name, value) => kernel.setParams({ [name]: value }));
 */
export function paramsBar(params: Record<string, ParamDecl>, values: Record<string, unknown>, onChange: (name: string, value: unknown) => void): HTMLElement | null {
  const decls = Object.values(params);
  if (!decls.length) return null;
  return h('div', { class: 'params-bar' }, h('span', { class: 'form-section' }, 'Parameters'), decls.map((decl) => {
    const current = decl.name in values ? values[decl.name] : decl.default;
    const value = current instanceof Date ? current.toISOString().slice(0, 10) : decl.type === 'json' ? JSON.stringify(current) : current;
    const input = decl.type === 'boolean'
      ? h('input', { type: 'checkbox', checked: Boolean(value), onchange: () => onChange(decl.name, input.checked) })
      : h('input', { type: decl.type === 'number' ? 'number' : decl.type === 'date' ? 'date' : 'text', step: 'any', value: String(value ?? ''), onchange: () => onChange(decl.name, parse(decl, input.value)) });
    return h('label', { class: 'param', title: decl.description ?? '', 'data-param': decl.name }, h('code', {}, decl.name), input);
  }));
}

function parse(decl: ParamDecl, raw: string): unknown {
  if (decl.type === 'number') return Number(raw);
  if (decl.type === 'date') return new Date(`${raw}T00:00:00Z`);
  if (decl.type === 'json') {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}
