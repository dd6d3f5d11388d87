import { h } from '../shell/dom.js';

export interface CellActions {
  run?: () => void;
  stop?: () => void;
  moveUp: () => void;
  moveDown: () => void;
  toggleCollapse?: () => void;
  remove: () => void;
}

/**
 * The buttons on a cell's header: run/stop, move, collapse and delete.
 *
 * @example
 * cellToolbar({ moveUp() {}, moveDown() {}, remove() {} });
 */
export function cellToolbar(actions: CellActions): HTMLElement {
  const button = (label: string, title: string, onclick: (() => void) | undefined, cls = '') =>
    onclick ? h('button', { class: `icon ${cls}`, title, 'aria-label': title, onclick: (e: Event) => { e.stopPropagation(); onclick(); } }, label) : null;
  return h('div', { class: 'cell-toolbar' },
    button('▶', 'Run cell (Ctrl/Cmd-Enter; Shift-Enter also selects the next)', actions.run, 'run'),
    button('■', 'Stop cell', actions.stop, 'stop'),
    button('↑', 'Move up', actions.moveUp),
    button('↓', 'Move down', actions.moveDown),
    button('⇕', 'Collapse / expand code', actions.toggleCollapse, 'collapse'),
    button('✕', 'Delete cell (D D; Ctrl/Cmd-Z brings it back)', actions.remove, 'delete'));
}
