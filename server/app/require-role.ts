import type { Context } from 'hono';
import type { NotebookRole } from '../storage/share-store.js';
import type { Storage } from '../storage/storage.js';
import { HttpError } from './http-error.js';

const RANK: Record<NotebookRole, number> = { viewer: 1, editor: 2, owner: 3 };
const WHAT: Record<NotebookRole, string> = { viewer: 'read', editor: 'save', owner: 'share or delete' };

/**
 * The signed-in user's role on a notebook, when it is at least `need`. No access at all is a 404
 * worded like a missing notebook, so a name's existence is never revealed; too low a role is a
 * 403 that says who can grant more.
 *
 * @example
 * const role = requireRole(c, storage, 'q3', 'editor'); // before saving
 */
export function requireRole(c: Context, storage: Storage, id: string, need: NotebookRole): NotebookRole {
  const role = storage.shares.roleOf(c.get('user'), id);
  if (!role) throw new HttpError(404, `There is no notebook "${id}".`);
  if (RANK[role] < RANK[need]) {
    const owner = storage.shares.shares(id).owner;
    throw new HttpError(
      403,
      `You are ${role === 'editor' ? 'an editor' : 'a viewer'} of "${id}" and cannot ${WHAT[need]} it: ask ${owner ? `its owner, ${owner},` : 'an admin'} for ${need === 'owner' ? 'that' : `${need} access`}${need === 'editor' ? ', or save a copy' : ''}.`,
    );
  }
  return role;
}

/**
 * Refuses (403) a request from a user who is not an admin.
 *
 * @example
 * requireAdmin(c, 'add users');
 */
export function requireAdmin(c: Context, what: string): void {
  if (c.get('user').role !== 'admin') throw new HttpError(403, `Only an admin can ${what}.`);
}
