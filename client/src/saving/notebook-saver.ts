import { api, ApiError, type NotebookDoc as SavedNotebook, type NotebookRole } from '../shell/api.js';
import { conflictSafeSave, withTypedEdits } from './conflict-safe-save.js';
import { draftBanner } from './draft-banner.js';
import { draftToKeep, initialSaveState, isDirty, saveDecision, saveReducer, type SaveEvent, type SaveState } from './save-state.js';
import { keepDraft, readDraft } from './unsaved-drafts.js';

const VIEWER_SAVE = 'You are a viewer of this notebook: you can edit and run cells here, but not save. "Save a copy" keeps your edits as a notebook of your own.';

export interface SaverHooks {
  /** The notebook's id on the server. */
  id: string;
  /** Who is signed in: drafts are kept per user (none without a name). */
  user: string;
  /** The editor's text now. */
  text: () => string;
  /** Puts another text in the editor (a merge, a restored draft), then calls `rebased`. */
  show: (source: string, base: string, version: number) => void;
  toast: (message: string, kind?: 'error' | 'info') => void;
  setDirty: (on: boolean) => void;
  setRole: (role: NotebookRole) => void;
  /** The save was refused for good: offer "Save a copy". */
  offerCopy: () => void;
}

/**
 * The notebook's persistence: saves with optimistic concurrency (If-Match on the version; a save
 * made meanwhile is merged cell by cell, see conflict-safe-save.ts), keeps unsaved text in the tab
 * and offers it back (unsaved-drafts.ts), warns before leaving with unsaved edits, and knows the
 * user's role (viewers cannot save). Its state moves by the pure transitions of save-state.ts.
 *
 * @example
 * const saver = notebookSaver(saved, hooks);
 * saver.offerDraft(notebookEl);
 * saver.edited(); // after every change of the text
 * await saver.save();
 */
export function notebookSaver(saved: Pick<SavedNotebook, 'source' | 'version' | 'role'>, hooks: SaverHooks) {
  let state: SaveState = initialSaveState(saved.source, saved.version);
  let role: NotebookRole = saved.role ?? 'owner';
  const path = `/api/notebooks/${encodeURIComponent(hooks.id)}`;
  const dispatch = (event: SaveEvent) => (state = saveReducer(state, event));

  /** The toolbar's dot and the draft in the tab follow the text. */
  function edited(): void {
    const text = hooks.text();
    dispatch({ type: 'edited', text });
    hooks.setDirty(isDirty(state, text));
    persistDraft();
  }

  function persistDraft(): void {
    if (!hooks.user) return;
    const draft = draftToKeep(state, hooks.text(), new Date());
    if (draft !== undefined) keepDraft(hooks.user, hooks.id, draft);
  }

  /** Asks the server for our role again (the owner may have made us an editor since the page opened). */
  async function roleAllowsSave(): Promise<boolean> {
    try {
      const latest = await api<SavedNotebook>('GET', path);
      role = latest.role ?? 'owner';
      hooks.setRole(role);
    } catch {
      // Keep the role we knew; the save itself will say what is wrong.
    }
    return role !== 'viewer';
  }

  async function save(): Promise<void> {
    if (role === 'viewer' && !(await roleAllowsSave())) {
      hooks.toast(VIEWER_SAVE, 'error');
      return;
    }
    const typed = hooks.text();
    const decision = saveDecision(state, typed);
    if (decision === 'busy') return;
    if (decision === 'unchanged') {
      hooks.toast('No unsaved changes.');
      return;
    }
    dispatch({ type: 'save-started' });
    try {
      const outcome = await conflictSafeSave({ id: hooks.id, base: state.base, mine: typed, version: state.version });
      if (!outcome) {
        dispatch({ type: 'merge-cancelled' });
        hooks.toast('Not saved: your text is still here, unsaved. Save again to merge.');
        return;
      }
      dispatch({ type: 'saved', source: outcome.source, version: outcome.version, text: hooks.text() });
      if (outcome.merged) {
        hooks.show(withTypedEdits(typed, hooks.text(), outcome.source), outcome.source, outcome.version);
        hooks.toast(`Merged and saved as version ${outcome.version}.`);
      } else hooks.toast('Saved.');
      hooks.setDirty(isDirty(state, hooks.text()));
      persistDraft();
    } catch (error) {
      dispatch({ type: 'save-failed' });
      // A 401 already took the page to sign-in; the draft in sessionStorage keeps the text.
      if (error instanceof ApiError && error.status === 401) return;
      if (error instanceof ApiError && error.status === 403) await roleAllowsSave();
      // Refused for good (no longer allowed, or gone): the text can still live on as a copy.
      const refused = error instanceof ApiError && (error.status === 403 || error.status === 404);
      if (refused) hooks.offerCopy();
      hooks.toast(`Not saved: ${(error as Error).message}${refused ? ' "Save a copy" keeps your text as a notebook of your own.' : ''}`, 'error');
    }
  }

  /** Offers back unsaved text kept in this tab from before (a banner at the top of `host`). */
  function offerDraft(host: HTMLElement): void {
    const draft = hooks.user ? readDraft(hooks.user, hooks.id) : null;
    if (!draft) return;
    if (draft.source === state.base) return keepDraft(hooks.user, hooks.id, null);
    dispatch({ type: 'draft-offered' });
    host.prepend(draftBanner(draft, state.version, {
      restore: () => {
        dispatch({ type: 'draft-answered' });
        // Based on the version it was typed on, so a save merges it with anything saved since.
        hooks.show(draft.source, draft.base, draft.version);
      },
      discard: () => {
        dispatch({ type: 'draft-answered' });
        keepDraft(hooks.user, hooks.id, null);
        persistDraft();
      },
    }));
  }

  /** Saves the editor's text as a new notebook of the user's own and opens it. */
  async function saveCopy(title: string): Promise<void> {
    try {
      const created = await api<{ id: string }>('POST', '/api/notebooks', { title, source: hooks.text() });
      // The edits live on in the copy: nothing to offer back on the original.
      dispatch({ type: 'leaving' });
      keepDraft(hooks.user, hooks.id, null);
      hooks.toast(`Saved as "${title}", a notebook of your own.`);
      location.hash = `#/notebook/${encodeURIComponent(created.id)}`;
    } catch (error) {
      hooks.toast(`Not copied: ${(error as Error).message}`, 'error');
    }
  }

  // The browser asks before a tab with unsaved edits closes; the draft is kept either way.
  const onUnload = (e: BeforeUnloadEvent) => {
    if (isDirty(state, hooks.text())) {
      persistDraft();
      e.preventDefault();
    }
  };
  window.addEventListener('beforeunload', onUnload);

  return {
    save,
    saveCopy,
    offerDraft,
    edited,
    /** The editor shows another text (`show`, a restored version) based on `base` at `version`. */
    rebased(base: string, version: number): void {
      const text = hooks.text();
      dispatch({ type: 'rebased', base, version, text });
      hooks.setDirty(isDirty(state, text));
      persistDraft();
    },
    role: () => role,
    dirty: () => isDirty(state, hooks.text()),
    dispose(): void {
      persistDraft();
      window.removeEventListener('beforeunload', onUnload);
    },
  };
}

export type NotebookSaver = ReturnType<typeof notebookSaver>;
