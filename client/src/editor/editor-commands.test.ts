import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editorActions, keyBindings, keyHelp, keyLabel, paletteCommands, type EditorHandlers } from './editor-commands.js';
import { createKeymap, parseKeys } from './keymap.js';

const HANDLER_NAMES = ['runCell', 'runAndAdvance', 'runAll', 'stopAll', 'restart', 'toggleLazy', 'save', 'addCell', 'insertCell', 'editSelected', 'commandMode', 'selectNext',
  'moveSelected', 'toggleCollapse', 'deleteSelected', 'changeKind', 'copySelected', 'cutSelected', 'paste', 'undo', 'redo', 'exportMarkdown', 'exportHtml', 'toggleDatasets', 'share', 'history', 'saveCopy', 'deleteNotebook', 'palette', 'showKeys'] as const;

/** Handlers that record their calls (`name:arg`), with the flags the actions read. */
function handlers(overrides: Partial<EditorHandlers> = {}): { handlers: EditorHandlers; calls: string[] } {
  const calls: string[] = [];
  const recorders = Object.fromEntries(HANDLER_NAMES.map((name) => [name, (...args: unknown[]) => void calls.push([name, ...args].join(':'))]));
  const flags = { lazy: () => false, canUndo: () => true, canRedo: () => false, hasSelection: () => true, cellSelected: () => true, isOwner: () => false, canPaste: () => true };
  return { handlers: { ...recorders, ...flags, ...overrides } as EditorHandlers, calls };
}

describe('the editor action list', () => {
  it('gives every action a unique id and bindings the keymap can read', () => {
    const actions = editorActions(handlers().handlers);
    expect(new Set(actions.map((a) => a.id)).size).toBe(actions.length);
    for (const binding of keyBindings(actions)) for (const spec of binding.keys) expect(() => parseKeys(spec)).not.toThrow();
  });

  it('binds no key twice where both bindings work', () => {
    const bindings = keyBindings(editorActions(handlers().handlers));
    const seen = new Map<string, string>();
    for (const b of bindings) {
      for (const spec of b.keys) {
        const stroke = JSON.stringify(parseKeys(spec));
        for (const mode of b.mode === 'any' ? ['command', 'edit'] : [b.mode]) {
          const key = `${mode} ${stroke}`;
          expect(seen.get(key), `${spec} in ${mode} mode`).toBeUndefined();
          seen.set(key, b.id);
        }
      }
    }
  });

  it('runs Jupyter\'s keys through the keymap to the right handlers', () => {
    const { handlers: h, calls } = handlers();
    const actions = editorActions(h);
    const keymap = createKeymap(keyBindings(actions));
    const press = (key: string, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}, inEditor = false) => {
      const id = keymap.press({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }, inEditor);
      const action = actions.find((a) => a.id === id);
      action?.run();
      return id;
    };
    press('a');
    press('b');
    press('ArrowDown');
    press('k');
    press('d');
    press('d');
    press('Enter');
    press('Escape', {}, true);
    press('Enter', { shiftKey: true }, true);
    press('Enter', { ctrlKey: true });
    press('z', { ctrlKey: true });
    press('Z', { ctrlKey: true, shiftKey: true });
    expect(calls).toEqual(['insertCell:above', 'insertCell:below', 'selectNext:1', 'selectNext:-1', 'deleteSelected', 'editSelected', 'commandMode', 'runAndAdvance', 'runCell', 'undo', 'redo']);
  });

  it('binds Jupyter\'s M, Y, C, X, V and Shift-V in command mode only', () => {
    const { handlers: h, calls } = handlers();
    const actions = editorActions(h);
    const keymap = createKeymap(keyBindings(actions));
    const press = (key: string, shiftKey = false, inEditor = false) => {
      const id = keymap.press({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey }, inEditor);
      actions.find((a) => a.id === id)?.run();
    };
    for (const key of ['m', 'y', 'c', 'x', 'v']) press(key);
    press('V', true);
    // Typing the same letters in a cell's editor is typing.
    for (const key of ['m', 'y', 'c', 'x', 'v']) press(key, false, true);
    expect(calls).toEqual(['changeKind:markdown', 'changeKind:code', 'copySelected', 'cutSelected', 'paste:below', 'paste:above']);
  });

  it('offers M for a code cell, Y for Markdown, and paste only once something was copied', () => {
    const ids = (overrides: Partial<EditorHandlers>) => paletteCommands(editorActions(handlers(overrides).handlers)).map((c) => c.id);
    expect(ids({ cellSelected: () => true })).toContain('to-markdown');
    expect(ids({ cellSelected: () => true })).not.toContain('to-code');
    expect(ids({ cellSelected: () => false })).toContain('to-code');
    expect(ids({ cellSelected: () => false })).not.toContain('to-markdown');
    expect(ids({ canPaste: () => false })).not.toContain('paste-below');
    expect(ids({ canPaste: () => true })).toEqual(expect.arrayContaining(['copy', 'cut', 'paste-below', 'paste-above']));
  });

  it('lists in the palette what would do something now, with its keys; keys-only actions stay out', () => {
    const commands = paletteCommands(editorActions(handlers({ canUndo: () => false, isOwner: () => false }).handlers));
    const ids = commands.map((c) => c.id);
    expect(ids).not.toContain('undo');
    expect(ids).not.toContain('delete-notebook');
    expect(ids).not.toContain('select-up');
    expect(ids).toContain('run-all');
    expect(commands.find((c) => c.id === 'delete')?.shortcut).toBe('D D');
    expect(paletteCommands(editorActions(handlers({ isOwner: () => true }).handlers)).map((c) => c.id)).toContain('delete-notebook');
  });

  it('the help lists every bound key, arrows drawn as arrows', () => {
    const help = keyHelp(editorActions(handlers().handlers));
    expect(help).toContainEqual({ keys: '↑ / K', label: 'Select the cell above' });
    expect(help).toContainEqual({ keys: 'Ctrl/Cmd-Z / Z', label: 'Undo cell deletion, move or insert' });
    expect(help).toContainEqual({ keys: 'Ctrl/Cmd-Shift-↑', label: 'Move selected cell up' });
  });
});

describe("the README's key table", () => {
  it('lists every key the editor binds, in the mode it works in', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    // Rows of the table: | keys | mode | does |
    const rows = [...readme.matchAll(/^ *\| ([^|]+) \| (command|edit|both) \| [^|]+ \|$/gm)].map((m) => ({ keys: m[1]!.split(/, |; | \/ /).map((k) => k.trim()), mode: m[2]! }));
    expect(rows.length).toBeGreaterThan(5);
    for (const binding of keyBindings(editorActions(handlers().handlers))) {
      for (const spec of binding.keys) {
        const row = rows.find((r) => r.keys.includes(keyLabel(spec)));
        expect(row, `README key table: ${spec}`).toBeDefined();
        expect(row!.mode, `README mode of ${spec}`).toBe(binding.mode === 'any' ? 'both' : binding.mode);
      }
    }
  });
});
