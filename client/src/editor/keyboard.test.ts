// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { EditorAction } from './editor-commands.js';
import { keyboardHandler } from './keyboard.js';

let ran: string[];
let enabled: boolean;
const action = (id: string, keys: string[], keyMode?: EditorAction['keyMode']): EditorAction => ({ id, label: id, keys, keyMode, enabled: () => enabled, run: () => void ran.push(id) });
const actions = [
  action('insert-above', ['A'], 'command'),
  action('delete', ['D D'], 'command'),
  action('select-down', ['Down', 'J'], 'command'),
  action('edit', ['Enter'], 'command'),
  action('command-mode', ['Esc'], 'edit'),
  action('run-advance', ['Shift-Enter'], 'any'),
  action('save', ['Ctrl/Cmd-S'], 'any'),
];

document.body.innerHTML = `
  <input class="title-input">
  <button class="run-all">Run all</button>
  <div class="cells">
    <section class="cell" data-block="a" tabindex="-1">
      <div class="monaco-editor"><textarea class="inputarea"></textarea></div>
      <div class="outputs"><div class="table-scroll" tabindex="0"></div></div>
    </section>
    <section class="cell markdown-cell" data-block="md-0"><textarea class="markdown-editor"></textarea></section>
  </div>`;
const at = (selector: string) => document.querySelector<HTMLElement>(selector)!;

/** Dispatches a key on `target` through the handler; true when the handler took it (default prevented). */
function press(handler: ReturnType<typeof keyboardHandler>, target: HTMLElement, key: string, init: KeyboardEventInit = {}, alreadyHandled = false): boolean {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  const listener = (e: Event) => handler.onKey(e as KeyboardEvent);
  window.addEventListener('keydown', listener);
  if (alreadyHandled) target.addEventListener('keydown', (e) => e.preventDefault(), { once: true });
  target.dispatchEvent(event);
  window.removeEventListener('keydown', listener);
  return event.defaultPrevented;
}

describe('keyboardHandler', () => {
  beforeEach(() => {
    ran = [];
    enabled = true;
    document.querySelectorAll('.palette-backdrop').forEach((el) => el.remove());
  });

  it('runs command-mode keys on a selected cell or the page, and D D as a chord', () => {
    const keys = keyboardHandler(actions);
    expect(press(keys, at('[data-block="a"]'), 'a')).toBe(true);
    press(keys, document.body, 'ArrowDown');
    press(keys, document.body, 'd');
    expect(ran).toEqual(['insert-above', 'select-down']);
    press(keys, document.body, 'd');
    expect(ran).toEqual(['insert-above', 'select-down', 'delete']);
  });

  it('keeps command keys out of cell editors and form fields, but not Esc, Shift-Enter or save', () => {
    const keys = keyboardHandler(actions);
    expect(press(keys, at('.inputarea'), 'a')).toBe(false);
    press(keys, at('.title-input'), 'a');
    press(keys, at('.title-input'), 'Enter', { shiftKey: true });
    press(keys, at('.title-input'), 'Escape');
    expect(ran).toEqual([]);
    press(keys, at('.inputarea'), 'Escape');
    press(keys, at('.inputarea'), 'Enter', { shiftKey: true });
    press(keys, at('.title-input'), 's', { ctrlKey: true });
    expect(ran).toEqual(['command-mode', 'run-advance', 'save']);
  });

  it('leaves keys Monaco handled alone, but follows up the Markdown box\'s Escape and Shift-Enter', () => {
    const keys = keyboardHandler(actions);
    press(keys, at('.inputarea'), 'Escape', {}, true);
    expect(ran).toEqual([]);
    press(keys, at('.markdown-editor'), 'Escape', {}, true);
    press(keys, at('.markdown-editor'), 'Enter', { shiftKey: true }, true);
    expect(ran).toEqual(['command-mode', 'run-advance']);
  });

  it('lets a focused button keep Enter, a table keep its arrows, a dialog keep everything; skips disabled actions', () => {
    const keys = keyboardHandler(actions);
    expect(press(keys, at('.run-all'), 'Enter')).toBe(false);
    expect(press(keys, at('.table-scroll'), 'ArrowDown')).toBe(false);
    press(keys, at('.table-scroll'), 'j');
    expect(ran).toEqual(['select-down']);
    document.body.append(Object.assign(document.createElement('div'), { className: 'palette-backdrop' }));
    press(keys, document.body, 'a');
    expect(ran).toEqual(['select-down']);
    document.querySelector('.palette-backdrop')!.remove();
    enabled = false;
    expect(press(keys, document.body, 'a')).toBe(false);
    expect(ran).toEqual(['select-down']);
  });
});
