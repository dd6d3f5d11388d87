import { h } from '../shell/dom.js';

export interface Command {
  id: string;
  title: string;
  shortcut?: string;
  run: () => void;
}

/**
 * A command palette (Ctrl/Cmd-K or Ctrl-Shift-P): type to filter, arrows to choose, Enter to run.
 *
 * @example
 * openPalette([{ id: 'save', title: 'Save notebook', shortcut: 'Ctrl-S', run: save }]);
 */
export function openPalette(commands: Command[]): void {
  document.querySelector('.palette-backdrop')?.remove();
  const input = h('input', { class: 'palette-input', placeholder: 'Type a command…', 'aria-label': 'Command' });
  const list = h('ul', { class: 'palette-list', role: 'listbox' });
  const backdrop = h('div', { class: 'palette-backdrop', onclick: (e: Event) => e.target === backdrop && close() }, h('div', { class: 'palette', role: 'dialog' }, input, list));
  let shown: Command[] = [];
  let selected = 0;

  const close = () => backdrop.remove();
  const draw = () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    shown = commands.filter((c) => words.every((w) => c.title.toLowerCase().includes(w)));
    selected = Math.min(selected, Math.max(0, shown.length - 1));
    list.replaceChildren(...shown.map((c, i) => h('li', { class: i === selected ? 'selected' : '', role: 'option', 'data-command': c.id, onmousedown: (e: Event) => { e.preventDefault(); choose(i); } },
      h('span', {}, c.title), c.shortcut ? h('kbd', {}, c.shortcut) : null)));
  };
  const choose = (i: number) => {
    const command = shown[i];
    close();
    command?.run();
  };
  input.addEventListener('input', () => {
    selected = 0;
    draw();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') selected = Math.min(shown.length - 1, selected + 1);
    else if (e.key === 'ArrowUp') selected = Math.max(0, selected - 1);
    else if (e.key === 'Enter') return choose(selected);
    else if (e.key === 'Escape') return close();
    else return;
    e.preventDefault();
    draw();
  });
  draw();
  document.body.append(backdrop);
  input.focus();
}
