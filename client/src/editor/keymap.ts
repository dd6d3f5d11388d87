/**
 * Key bindings written as people read them ('Shift-Enter', 'Ctrl/Cmd-Z', 'D D') and matched
 * against key presses, chords included. Pure: the editor feeds it key events and runs the action
 * it names.
 */

/** One stroke of a binding: a key name (as `KeyboardEvent.key`, lower case) and its modifiers. */
export interface KeyStroke {
  key: string;
  /** Ctrl or Cmd (either: Ctrl on Windows and Linux, Cmd on a Mac). */
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

/** The parts of a KeyboardEvent a keymap reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Where a binding works: `command` outside the cell editors, `edit` inside them, `any` both. */
export type KeyMode = 'command' | 'edit' | 'any';

export interface Binding {
  id: string;
  keys: readonly string[];
  mode: KeyMode;
}

const NAMES: Record<string, string> = { esc: 'escape', up: 'arrowup', down: 'arrowdown', left: 'arrowleft', right: 'arrowright', space: ' ', del: 'delete' };

/** A second stroke of a chord (D D) must follow the first within this time. */
export const CHORD_MS = 1000;

/**
 * Reads a binding: strokes separated by spaces, modifiers joined to the key with '-'.
 *
 * @example
 * parseKeys('Ctrl/Cmd-Shift-Z'); // → [{ key: 'z', mod: true, shift: true, alt: false }]
 * parseKeys('D D').length; // → 2
 */
export function parseKeys(spec: string): KeyStroke[] {
  const strokes = spec.trim().split(/\s+/).filter(Boolean);
  if (!strokes.length) throw new Error('a key binding needs at least one key, e.g. "Shift-Enter"');
  return strokes.map((stroke) => {
    const parts = stroke.split('-');
    const name = parts.pop()!.toLowerCase();
    if (!name) throw new Error(`key binding "${spec}" ends with "-": name the key, e.g. "Ctrl/Cmd-Z"`);
    const result: KeyStroke = { key: NAMES[name] ?? name, mod: false, shift: false, alt: false };
    for (const part of parts) {
      const modifier = part.toLowerCase();
      if (modifier === 'ctrl/cmd' || modifier === 'ctrl' || modifier === 'cmd') result.mod = true;
      else if (modifier === 'shift') result.shift = true;
      else if (modifier === 'alt') result.alt = true;
      else throw new Error(`unknown modifier "${part}" in key binding "${spec}": use Ctrl/Cmd, Shift or Alt`);
    }
    return result;
  });
}

function matches(stroke: KeyStroke, press: KeyPress): boolean {
  return stroke.key === press.key.toLowerCase() && stroke.mod === (press.ctrlKey || press.metaKey) && stroke.shift === press.shiftKey && stroke.alt === press.altKey;
}

const MODIFIER_KEYS = new Set(['shift', 'control', 'alt', 'meta']);

/**
 * A keymap with chord memory: `press` answers the id of the binding a key completes, 'pending'
 * while a chord is half typed (the first D of D D), or null.
 *
 * @example
 * const keymap = createKeymap([{ id: 'delete', keys: ['D D'], mode: 'command' }]);
 * keymap.press(dKey, false); // → 'pending'
 * keymap.press(dKey, false); // → 'delete'
 */
export function createKeymap(bindings: readonly Binding[]) {
  const parsed = bindings.flatMap((b) => b.keys.map((spec) => ({ id: b.id, mode: b.mode, strokes: parseKeys(spec) })));
  let pending: KeyPress[] = [];
  let pendingAt = 0;

  const find = (presses: KeyPress[], inEditor: boolean) => {
    let prefix = false;
    for (const binding of parsed) {
      if (binding.mode === 'command' && inEditor) continue;
      if (binding.mode === 'edit' && !inEditor) continue;
      if (binding.strokes.length < presses.length) continue;
      if (!presses.every((p, i) => matches(binding.strokes[i]!, p))) continue;
      if (binding.strokes.length === presses.length) return { id: binding.id };
      prefix = true;
    }
    return prefix ? 'pending' as const : null;
  };

  return {
    press(press: KeyPress, inEditor: boolean, now = Date.now()): string | 'pending' | null {
      // Shift held down on its way to Shift-Enter is not a key of its own.
      if (MODIFIER_KEYS.has(press.key.toLowerCase())) return pending.length ? 'pending' : null;
      const chord = pending.length && now - pendingAt <= CHORD_MS ? [...pending, press] : [press];
      let found = find(chord, inEditor);
      // A key that does not continue the chord starts afresh (D then A adds a cell above).
      if (found === null && chord.length > 1) found = find([press], inEditor);
      if (found === 'pending') {
        pending = chord.length > 1 && find(chord, inEditor) === 'pending' ? chord : [press];
        pendingAt = now;
        return 'pending';
      }
      pending = [];
      return found?.id ?? null;
    },
    /** Forgets a half-typed chord (focus moved, a dialog opened). */
    reset() {
      pending = [];
    },
  };
}
