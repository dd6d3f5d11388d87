import { h } from '../shell/dom.js';

export type NewCellKind = 'code' | 'markdown' | 'recipe' | 'sql';

/**
 * The thin bar between cells that adds a code, SQL, Markdown or recipe cell at that spot.
 *
 * @example
 * insertBar((kind) => addCell(kind, { after: 'c1' }));
 */
export function insertBar(onInsert: (kind: NewCellKind) => void): HTMLElement {
  const button = (kind: NewCellKind, label: string, title: string) => h('button', { class: `add add-${kind}`, title, onclick: () => onInsert(kind) }, label);
  return h('div', { class: 'insert-bar' }, button('code', '+ Code', 'Add a code cell here (A / B add one above / below the selected cell)'),
    button('sql', '+ SQL', 'Add a SQL cell here'), button('markdown', '+ Markdown', 'Add a Markdown block here'), button('recipe', '+ Recipe', 'Add a recipe cell here, with its form'));
}
