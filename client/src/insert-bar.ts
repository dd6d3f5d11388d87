import { h } from './dom.js';

export type NewCellKind = 'code' | 'markdown' | 'recipe' | 'sql';

/**
 * The thin bar between cells that adds a code, SQL, Markdown or recipe cell at that spot.
 *
 * @example
 * insertBar((kind) => addCell(kind, { after: 'c1' }));
 */
export function insertBar(onInsert: (kind: NewCellKind) => void): HTMLElement {
  const button = (kind: NewCellKind, label: string) => h('button', { class: `add add-${kind}`, onclick: () => onInsert(kind) }, label);
  return h('div', { class: 'insert-bar' }, button('code', '+ Code'), button('sql', '+ SQL'), button('markdown', '+ Markdown'), button('recipe', '+ Recipe'));
}
