// Unsaved text of a notebook, kept in this tab's sessionStorage so it survives the page going to
// the sign-in page (the session ended) or a reload. "Nothing a user saved is ever lost", and what
// they typed is not lost either: it is offered back when they open the notebook again.

/** An unsaved edit: the text, and the saved version (and its text) it was made on, for a merge on save. */
export interface Draft {
  source: string;
  /** The source of `version` as the editor loaded or last saved it: the merge base. */
  base: string;
  version: number;
  savedAt: string;
}

// Per user and notebook: a colleague who signs in on the same tab is not offered someone else's text.
const key = (user: string, notebookId: string) => `liftbook.draft:${user}:${notebookId}`;

/**
 * Keeps (or, with null, forgets) the unsaved text of a notebook for this tab.
 *
 * @example
 * keepDraft('ana', 'q3-review', { source, base: savedSource, version, savedAt: new Date().toISOString() });
 */
export function keepDraft(user: string, notebookId: string, draft: Draft | null): void {
  try {
    if (draft) sessionStorage.setItem(key(user, notebookId), JSON.stringify(draft));
    else sessionStorage.removeItem(key(user, notebookId));
  } catch {
    // Storage full or disabled: the editor still has the text; beforeunload still warns.
  }
}

/**
 * The unsaved text kept for a notebook in this tab, if any.
 *
 * @example
 * const draft = readDraft('ana', 'q3-review'); // → { source, base, version, savedAt } or null
 */
export function readDraft(user: string, notebookId: string): Draft | null {
  try {
    const raw = sessionStorage.getItem(key(user, notebookId));
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && typeof draft.source === 'string' && typeof draft.base === 'string' && Number.isInteger(draft.version) ? draft : null;
  } catch {
    return null;
  }
}
