import { describe, expect, it } from 'vitest';
import { CHORD_MS, createKeymap, parseKeys, type KeyPress } from './keymap.js';

const key = (k: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('parseKeys', () => {
  it('reads modifiers, key names and chords', () => {
    expect(parseKeys('Ctrl/Cmd-Shift-Z')).toEqual([{ key: 'z', mod: true, shift: true, alt: false }]);
    expect(parseKeys('Esc')).toEqual([{ key: 'escape', mod: false, shift: false, alt: false }]);
    expect(parseKeys('Up')[0]!.key).toBe('arrowup');
    expect(parseKeys('D D').map((s) => s.key)).toEqual(['d', 'd']);
  });

  it('names what is wrong with a bad binding', () => {
    expect(() => parseKeys('Hyper-X')).toThrow(/unknown modifier "Hyper" in key binding "Hyper-X": use Ctrl\/Cmd, Shift or Alt/);
    expect(() => parseKeys('Ctrl-')).toThrow(/ends with "-"/);
    expect(() => parseKeys(' ')).toThrow(/at least one key/);
  });
});

describe('createKeymap', () => {
  const keymap = () => createKeymap([
    { id: 'delete', keys: ['D D'], mode: 'command' },
    { id: 'above', keys: ['A'], mode: 'command' },
    { id: 'up', keys: ['Up', 'K'], mode: 'command' },
    { id: 'command-mode', keys: ['Esc'], mode: 'edit' },
    { id: 'run-advance', keys: ['Shift-Enter'], mode: 'any' },
    { id: 'undo', keys: ['Ctrl/Cmd-Z'], mode: 'command' },
    { id: 'redo', keys: ['Ctrl/Cmd-Shift-Z'], mode: 'command' },
  ]);

  it('matches single keys with their modifiers, Ctrl and Cmd alike', () => {
    const map = keymap();
    expect(map.press(key('a'), false)).toBe('above');
    expect(map.press(key('ArrowUp'), false)).toBe('up');
    expect(map.press(key('k'), false)).toBe('up');
    expect(map.press(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(map.press(key('z', { metaKey: true }), false)).toBe('undo');
    expect(map.press(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(map.press(key('A', { shiftKey: true }), false)).toBeNull();
    expect(map.press(key('Enter', { shiftKey: true }), false)).toBe('run-advance');
  });

  it('keeps command keys out of the editors and edit keys out of command mode', () => {
    const map = keymap();
    expect(map.press(key('a'), true)).toBeNull();
    expect(map.press(key('z', { ctrlKey: true }), true)).toBeNull();
    expect(map.press(key('Escape'), true)).toBe('command-mode');
    expect(map.press(key('Escape'), false)).toBeNull();
    expect(map.press(key('Enter', { shiftKey: true }), true)).toBe('run-advance');
  });

  it('needs D twice, within a second, with nothing between', () => {
    const map = keymap();
    expect(map.press(key('d'), false, 0)).toBe('pending');
    // Holding Shift in between does not break the chord.
    expect(map.press(key('Shift'), false, 10)).toBe('pending');
    expect(map.press(key('d'), false, 100)).toBe('delete');
    expect(map.press(key('d'), false, 200)).toBe('pending');
    expect(map.press(key('d'), false, 200 + CHORD_MS + 1)).toBe('pending');
    expect(map.press(key('a'), false, 200 + CHORD_MS + 2)).toBe('above');
    expect(map.press(key('d'), false, 5000)).toBe('pending');
    map.reset();
    expect(map.press(key('d'), false, 5001)).toBe('pending');
  });
});
