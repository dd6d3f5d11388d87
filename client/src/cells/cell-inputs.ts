import type { InputRaw } from '../../../notebook/input-spec.js';
import type { ValueSummary } from '../../../notebook/types.js';
import { h } from '../shell/dom.js';
import { drawInput } from '../outputs/input-view.js';

type InputSummary = Extract<ValueSummary, { kind: 'input' }>;

/**
 * Whether a display is an input `view()` bound to a name (the page sends its changes back).
 *
 * @example
 * isBoundInput({ kind: 'input', key: '0', input: { type: 'toggle' }, value: false, text: 'off', fingerprint: 'f' }); // → true
 */
export function isBoundInput(value: ValueSummary): value is InputSummary & { key: string } {
  return value.kind === 'input' && value.key !== undefined;
}

/** The inputs of one code cell, kept apart from its other outputs. */
export interface CellInputs {
  el: HTMLElement;
  /** Shows the inputs of the cell's last finished run. */
  update(inputs: (InputSummary & { key: string })[]): void;
}

/**
 * The bound inputs of a cell. Moving a slider re-runs its cell, so these elements must outlive
 * the run: an input whose key and fingerprint (description and initial value) did not change keeps
 * its element — not even re-inserted, so a drag or a caret is never interrupted. A changed input
 * (edited code, new data) is drawn afresh with the value the sandbox gives it.
 *
 * @example
 * const inputs = cellInputs((key, raw) => kernel.setInput('c1', key, raw));
 * inputs.update(state.displays.filter(isBoundInput));
 */
export function cellInputs(onInput: (key: string, raw: InputRaw) => void): CellInputs {
  const el = h('div', { class: 'cell-inputs' });
  let shown: { key: string; fingerprint: string; el: HTMLElement }[] = [];
  return {
    el,
    update(inputs) {
      const next = inputs.map((s) => shown.find((x) => x.key === s.key && x.fingerprint === s.fingerprint)
        ?? { key: s.key, fingerprint: s.fingerprint, el: h('div', { class: 'cell-input', 'data-input': s.key }, drawInput(s.input, s.value, (raw) => onInput(s.key, raw))) });
      const same = next.length === shown.length && next.every((x, i) => x === shown[i]);
      shown = next;
      if (!same) el.replaceChildren(...next.map((x) => x.el));
    },
  };
}
