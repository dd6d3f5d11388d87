import { monaco, setupMonaco } from './monaco-setup.js';
import { notebookNamesTypes } from './ambient-types.js';
import type { CellUiState } from './cell-status.js';

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
    update(states: Map<string, CellUiState>) {
      const kinds: Record<string, string> = {};
      for (const state of states.values()) {
        for (const name of state.defines) kinds[name] = state.defines.length === 1 && state.value ? kindOf(state.value) : 'any';
      }
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

function kindOf(value: NonNullable<CellUiState['value']>): string {
  if (value.kind === 'json') return typeof value.json === 'number' ? 'number' : typeof value.json === 'boolean' ? 'boolean' : 'any';
  if (value.kind === 'text') return 'string';
  return value.kind;
}
