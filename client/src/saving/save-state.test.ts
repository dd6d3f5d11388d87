import { describe, expect, it } from 'vitest';
import { draftToKeep, initialSaveState, isDirty, saveDecision, saveReducer, type SaveEvent, type SaveState } from './save-state.js';

const run = (state: SaveState, ...events: SaveEvent[]) => events.reduce(saveReducer, state);
const loaded = () => initialSaveState('v3 text', 3);

describe('saveReducer', () => {
  it('goes edited → saving → saved, the saved text becoming the new base', () => {
    const edited = run(loaded(), { type: 'edited', text: 'mine' });
    expect(edited.status).toBe('edited');
    expect(isDirty(edited, 'mine')).toBe(true);
    const saving = run(edited, { type: 'save-started' });
    expect(saving.status).toBe('saving');
    const saved = run(saving, { type: 'saved', source: 'mine', version: 4, text: 'mine' });
    expect(saved).toMatchObject({ base: 'mine', version: 4, status: 'saved' });
    expect(isDirty(saved, 'mine')).toBe(false);
  });

  it('keeps saving while the user types, and ends edited when the typing is not in the save', () => {
    const saving = run(loaded(), { type: 'edited', text: 'mine' }, { type: 'save-started' }, { type: 'edited', text: 'mine and more' });
    expect(saving.status).toBe('saving');
    const saved = run(saving, { type: 'saved', source: 'mine', version: 4, text: 'mine and more' });
    expect(saved).toMatchObject({ base: 'mine', version: 4, status: 'edited' });
  });

  it('says conflict when a merge is cancelled and failed when the server refuses, keeping the base', () => {
    const saving = run(loaded(), { type: 'edited', text: 'mine' }, { type: 'save-started' });
    const conflict = run(saving, { type: 'merge-cancelled' });
    expect(conflict).toMatchObject({ status: 'conflict', base: 'v3 text', version: 3 });
    expect(run(saving, { type: 'save-failed' })).toMatchObject({ status: 'failed', base: 'v3 text', version: 3 });
    // More typing leaves the warning up; typing back to the saved text clears it.
    expect(run(conflict, { type: 'edited', text: 'mine!' }).status).toBe('conflict');
    expect(run(conflict, { type: 'edited', text: 'v3 text' }).status).toBe('saved');
    // And the next save starts from there.
    expect(run(conflict, { type: 'save-started' }).status).toBe('saving');
  });

  it('takes a new base and version from a restore or a merge', () => {
    const rebased = run(loaded(), { type: 'rebased', base: 'v7 text', version: 7, text: 'v7 text' });
    expect(rebased).toMatchObject({ base: 'v7 text', version: 7, status: 'saved' });
    // A restored draft: typed on version 2, still unsaved.
    expect(run(loaded(), { type: 'rebased', base: 'v2 text', version: 2, text: 'draft' })).toMatchObject({ base: 'v2 text', version: 2, status: 'edited' });
  });

  it('leaves its input untouched and returns the same state when nothing changes', () => {
    const state = loaded();
    const copy = structuredClone(state);
    run(state, { type: 'edited', text: 'x' }, { type: 'save-started' }, { type: 'draft-offered' }, { type: 'leaving' });
    expect(state).toEqual(copy);
    expect(saveReducer(state, { type: 'edited', text: 'v3 text' })).toBe(state);
  });
});

describe('saveDecision', () => {
  it('saves changed text once at a time', () => {
    expect(saveDecision(loaded(), 'v3 text')).toBe('unchanged');
    expect(saveDecision(loaded(), 'mine')).toBe('go');
    expect(saveDecision(run(loaded(), { type: 'save-started' }), 'mine')).toBe('busy');
    expect(saveDecision(run(loaded(), { type: 'edited', text: 'mine' }, { type: 'save-started' }, { type: 'save-failed' }), 'mine')).toBe('go');
  });
});

describe('draftToKeep', () => {
  const now = new Date('2026-12-02T13:00:00Z');

  it('keeps unsaved text with the base and version it was typed on, and forgets it once saved', () => {
    expect(draftToKeep(loaded(), 'mine', now)).toEqual({ source: 'mine', base: 'v3 text', version: 3, savedAt: '2026-12-02T13:00:00.000Z' });
    expect(draftToKeep(loaded(), 'v3 text', now)).toBeNull();
  });

  it('leaves the stored draft alone while one from before awaits an answer, or the page leaves for a copy', () => {
    expect(draftToKeep(run(loaded(), { type: 'draft-offered' }), 'mine', now)).toBeUndefined();
    expect(draftToKeep(run(loaded(), { type: 'draft-offered' }, { type: 'draft-answered' }), 'mine', now)).toMatchObject({ source: 'mine' });
    expect(draftToKeep(run(loaded(), { type: 'leaving' }), 'mine', now)).toBeUndefined();
  });
});
