import { mergeNotebooks } from '../../../notebook/merge.js';
import { api, ApiError, type NotebookDoc, type SaveConflict } from '../shell/api.js';
import { mergeDialog } from './merge-dialog.js';

export interface SaveRequest {
  id: string;
  /** The text of `version` as this editor loaded or last saved it. */
  base: string;
  /** The editor's text to save. */
  mine: string;
  /** The version `base` is: the save goes through only if the server is still there (If-Match). */
  version: number;
}

export interface SaveOutcome {
  /** The text now saved on the server: `mine`, or the merge of `mine` with saves made meanwhile. */
  source: string;
  version: number;
  /** True when someone else's changes were merged in: the editor should show `source`. */
  merged: boolean;
}

/**
 * Saves a notebook without ever overwriting someone else's save: `PUT` with If-Match on the
 * version the text was based on; on 412 the user merges cell by cell (see merge-dialog.ts) and the
 * merge is saved over *their* version, again with If-Match, so a third save in between is merged
 * too. Resolves null when the user cancels a merge (nothing saved); throws the server's other
 * errors (403 viewer, 401 session ended, …).
 *
 * @example
 * const outcome = await conflictSafeSave({ id, base: savedSource, mine: serializeNotebook(doc), version });
 * if (outcome?.merged) showDocument(outcome.source);
 */
export async function conflictSafeSave(request: SaveRequest): Promise<SaveOutcome | null> {
  const path = `/api/notebooks/${encodeURIComponent(request.id)}`;
  let { base, mine, version } = request;
  let merged = false;
  for (;;) {
    try {
      const saved = await api<NotebookDoc>('PUT', path, { source: mine }, { 'if-match': `"${version}"` });
      return { source: mine, version: saved?.version ?? version + 1, merged };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 412) throw error;
      const theirs = await currentText(path, error);
      const result = await mergeDialog({ base, mine, theirs });
      if (result === null) return null;
      // Keeping their version of everything: it is saved already, no new revision needed.
      if (result === theirs.source) return { source: result, version: theirs.version, merged: true };
      // Their save is the new base: what we save now is built on it.
      base = theirs.source;
      version = theirs.version;
      mine = result;
      merged = true;
    }
  }
}

/**
 * What the editor shows after a merged save: the merged text plus whatever was typed while the
 * merge dialog and the request were open (`now` differs from `typed`); those keystrokes win.
 *
 * @example
 * const shown = withTypedEdits(typedWhenSaving, serializeNotebook(doc), outcome.source);
 */
export function withTypedEdits(typed: string, now: string, merged: string): string {
  if (now === typed) return merged;
  const first = mergeNotebooks(typed, now, merged);
  if (!first.conflicts.length) return first.source;
  return mergeNotebooks(typed, now, merged, Object.fromEntries(first.conflicts.map((c) => [c.key, 'mine' as const]))).source;
}

// The 412 body carries the server's text; should it not (an older server), ask for it.
async function currentText(path: string, error: ApiError): Promise<SaveConflict> {
  const body = error.body as Partial<SaveConflict> | undefined;
  if (body && typeof body.source === 'string' && Number.isInteger(body.version)) return body as SaveConflict;
  const latest = await api<NotebookDoc & { author?: string }>('GET', path);
  return { error: error.message, version: latest.version, source: latest.source, author: latest.author ?? null };
}
