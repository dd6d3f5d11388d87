import { monaco, setupMonaco } from './monaco-setup.js';
import { notebookNamesTypes } from './ambient-types.js';
import type { CellUiState } from '../cells/cell-status.js';
import type { ParamDecl } from '../../../notebook/types.js';

/**
 * Keeps the editor's ambient declarations of the notebook's own names (what other cells define)
 * in step with the runtime, so autocomplete and hover know `orders` is a table.
 *
 * @example
 * const names = notebookNamesSync();
 * names.update(states);
 */
export function notebookNamesSync() {
  setupMonaco();
  let libs: { dispose(): void }[] = [];
  let last = '';
  return {
    update(states: Map<string, CellUiState>, params: Record<string, ParamDecl> = {}) {
      const kinds = notebookNameKinds(states, params);
      const text = notebookNamesTypes(kinds);
      if (text === last) return;
      last = text;
      for (const lib of libs) lib.dispose();
      const ts = monaco.typescript;
      libs = [ts.typescriptDefaults, ts.javascriptDefaults].map((d) => d.addExtraLib(text, 'file:///liftbook/notebook-names.d.ts'));
    },
    dispose() {
      for (const lib of libs) lib.dispose();
    },
  };
}

const PARAM_KINDS: Record<ParamDecl['type'], string> = { number: 'number', string: 'string', boolean: 'boolean', date: 'date', json: 'any' };

/**
 * The kind of every name the editor should know: the notebook's params (from their declared types)
 * and every name a cell defines (from its last value; 'any' until it has run).
 *
 * @example
 * notebookNameKinds(new Map(), { seed: { name: 'seed', type: 'number', default: 42 } }); // → { seed: 'number' }
 */
export function notebookNameKinds(states: Map<string, CellUiState>, params: Record<string, ParamDecl>): Record<string, string> {
  const kinds: Record<string, string> = {};
  for (const [name, decl] of Object.entries(params)) kinds[name] = PARAM_KINDS[decl.type] ?? 'any';
  for (const state of states.values()) {
    const declared = state.value?.kind === 'declared' ? new Map(state.value.values.map((d) => [d.name, d.value])) : null;
    for (const name of state.defines) {
      const value = declared ? declared.get(name) : state.defines.length === 1 ? state.value : undefined;
      kinds[name] = value ? kindOf(value) : 'any';
    }
  }
  return kinds;
}

function kindOf(value: NonNullable<CellUiState['value']>): string {
  if (value.kind === 'json') return typeof value.json === 'number' ? 'number' : typeof value.json === 'boolean' ? 'boolean' : 'any';
  if (value.kind === 'text') return 'string';
  return value.kind;
}
