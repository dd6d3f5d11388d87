/**
 * Where a notebook's text stands against the server, as pure transitions: the saved text and its
 * version (the base a save is checked and merged against), and whether the editor's text is
 * edited, being saved, saved, or left unsaved by a cancelled merge or a failed save. The saver
 * (notebook-saver.ts) feeds it events and does what it answers.
 */
import type { Draft } from './unsaved-drafts.js';

export type SaveStatus = 'saved' | 'edited' | 'saving' | 'conflict' | 'failed';

export interface SaveState {
  /** The text of `version` as this editor loaded or last saved it: the merge base. */
  base: string;
  version: number;
  status: SaveStatus;
  /** An unsaved draft from before waits for the user's answer: new typing must not overwrite it. */
  draftPending: boolean;
  /** The page is leaving (the edits went into a copy): nothing more is kept as a draft. */
  leaving: boolean;
}

export type SaveEvent =
  /** The editor's text changed (typing, a structural change). */
  | { type: 'edited'; text: string }
  | { type: 'save-started' }
  /** The server has `source` as `version`; `text` is the editor's text now (typing may have gone on). */
  | { type: 'saved'; source: string; version: number; text: string }
  /** The user cancelled the merge of a conflicting save: nothing was saved. */
  | { type: 'merge-cancelled' }
  | { type: 'save-failed' }
  /** Another text altogether (a restored version, a merged save, a restored draft) based on `base` at `version`. */
  | { type: 'rebased'; base: string; version: number; text: string }
  | { type: 'draft-offered' }
  | { type: 'draft-answered' }
  | { type: 'leaving' };

/**
 * A notebook just loaded: saved, nothing pending.
 *
 * @example
 * initialSaveState(saved.source, saved.version).status; // → 'saved'
 */
export function initialSaveState(source: string, version: number): SaveState {
  return { base: source, version, status: 'saved', draftPending: false, leaving: false };
}

// Typing while a save is on its way leaves it on its way; otherwise the text says what it is.
function statusFor(state: SaveState, text: string, base = state.base): SaveStatus {
  if (state.status === 'saving') return 'saving';
  return text === base ? 'saved' : 'edited';
}

/**
 * The next state after `event`. Pure: `state` is left untouched.
 *
 * @example
 * saveReducer(saveReducer(state, { type: 'save-started' }), { type: 'saved', source, version: 5, text: source }).status; // → 'saved'
 */
export function saveReducer(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case 'edited': {
      // A cancelled merge or a failed save stays on show until the text changes again.
      const status = (state.status === 'conflict' || state.status === 'failed') && event.text !== state.base ? state.status : statusFor(state, event.text);
      return status === state.status ? state : { ...state, status };
    }
    case 'save-started':
      return { ...state, status: 'saving' };
    case 'saved':
      return { ...state, base: event.source, version: event.version, status: event.text === event.source ? 'saved' : 'edited' };
    case 'merge-cancelled':
      return { ...state, status: 'conflict' };
    case 'save-failed':
      return { ...state, status: 'failed' };
    case 'rebased':
      return { ...state, base: event.base, version: event.version, status: statusFor(state, event.text, event.base) };
    case 'draft-offered':
      return { ...state, draftPending: true };
    case 'draft-answered':
      return { ...state, draftPending: false };
    case 'leaving':
      return { ...state, leaving: true };
  }
}

/** True when `text` differs from what the server has (the toolbar's "unsaved" dot, the leave warning). */
export function isDirty(state: SaveState, text: string): boolean {
  return text !== state.base;
}

/**
 * What a save of `text` should do now: go, or not (a save is on its way, or nothing changed).
 *
 * @example
 * saveDecision(state, serializeNotebook(doc)); // → 'go' | 'busy' | 'unchanged'
 */
export function saveDecision(state: SaveState, text: string): 'go' | 'busy' | 'unchanged' {
  if (state.status === 'saving') return 'busy';
  return text === state.base ? 'unchanged' : 'go';
}

/**
 * What to keep in the tab for `text`: a draft to store, null to forget the stored one (nothing
 * unsaved), or undefined to leave storage alone (a draft from before awaits an answer, or the page
 * is leaving for a copy).
 *
 * @example
 * draftToKeep(state, text, new Date()); // → { source: text, base, version, savedAt } when unsaved
 */
export function draftToKeep(state: SaveState, text: string, now: Date): Draft | null | undefined {
  if (state.draftPending || state.leaving) return undefined;
  return text === state.base ? null : { source: text, base: state.base, version: state.version, savedAt: now.toISOString() };
}
