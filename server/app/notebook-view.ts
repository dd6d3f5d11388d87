import type { NotebookRecord } from '../storage/notebook-store.js';
import type { NotebookRole } from '../storage/share-store.js';
import type { Storage } from '../storage/storage.js';
import { HttpError } from './http-error.js';

/**
 * A live notebook as the API shows it: the record plus the caller's role and the team default.
 *
 * @example
 * c.json(notebookView(storage, 'q3', 'editor')); // → { id: 'q3', …, role: 'editor', team_role: 'viewer' }
 */
export function notebookView(storage: Storage, id: string, role: NotebookRole): NotebookRecord & { role: NotebookRole; team_role: 'viewer' | 'editor' | null } {
  const notebook = storage.notebooks.get(id);
  if (!notebook) throw new HttpError(404, `There is no notebook "${id}".`);
  return { ...notebook, role, team_role: storage.shares.shares(id).team };
}
