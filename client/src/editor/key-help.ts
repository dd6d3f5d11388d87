import { h } from '../shell/dom.js';
import { keyHelp, type EditorAction } from './editor-commands.js';
import { openModal } from '../shell/modal.js';

/**
 * The keyboard shortcuts, drawn from the same action list the keymap binds (so the help cannot
 * drift from the keys): command mode first, as in Jupyter's help.
 *
 * @example
 * openKeyHelp(actions);
 */
export function openKeyHelp(actions: readonly EditorAction[]): void {
  const modal = openModal({ title: 'Keyboard shortcuts', class: 'key-help' });
  const row = (keys: string, label: string) => h('tr', {}, h('td', {}, h('kbd', {}, keys)), h('td', {}, label));
  const command = actions.filter((a) => a.keys?.length && (a.keyMode ?? 'command') === 'command');
  const anywhere = actions.filter((a) => a.keys?.length && (a.keyMode ?? 'command') !== 'command');
  modal.body.append(
    h('p', {}, 'Command mode (a cell selected, no cursor in it; Esc gets you there):'),
    h('table', { class: 'key-table' }, keyHelp(command).map((k) => row(k.keys, k.label))),
    h('p', {}, 'Anywhere, also while editing a cell:'),
    h('table', { class: 'key-table' }, keyHelp(anywhere).map((k) => row(k.keys, k.label))));
}
