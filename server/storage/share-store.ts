import type { Database } from 'better-sqlite3';
import { StorageInputError } from './errors.js';
import type { NotebookSummary } from './notebook-store.js';
import type { User } from './user-store.js';

/** What a user may do with a notebook: owner ⊃ editor (save, restore) ⊃ viewer (read, run). */
export type NotebookRole = 'owner' | 'editor' | 'viewer';
export type ShareRole = 'viewer' | 'editor';
/** The user name that stands for "everyone on this server" in a share. */
export const TEAM = '*';

export interface VisibleNotebook extends NotebookSummary {
  role: NotebookRole;
  team_role: ShareRole | null;
}

export interface Shares {
  owner: string | null;
  team: ShareRole | null;
  users: { user: string; role: ShareRole }[];
}

const RANK = "(SELECT max(CASE role WHEN 'editor' THEN 2 ELSE 1 END) FROM shares s WHERE s.notebook_id = n.id AND s.user_name IN (@me, '*'))";
const TEAM_ROLE = "(SELECT role FROM shares s WHERE s.notebook_id = n.id AND s.user_name = '*')";

/**
 * Who may see and change which notebook. The owner (its creator) holds every right; admins own
 * the notebooks nobody owns (the seeded examples); everyone else gets the best of their own share
 * and the team-wide default, or nothing — and nothing means the API acts as if it did not exist.
 *
 * @example
 * const shares = new ShareStore(db);
 * shares.set('q3', 'ben', 'viewer');
 * shares.roleOf({ name: 'ben', role: 'member', created_at: '' }, 'q3'); // → 'viewer'
 */
export class ShareStore {
  constructor(private readonly db: Database) {}

  /** The user's role on a notebook (in the trash too with `deleted: true`), or undefined: no access. */
  roleOf(user: User, notebookId: string, options: { deleted?: boolean } = {}): NotebookRole | undefined {
    const row = this.db
      .prepare(`SELECT n.owner, ${RANK} AS rank FROM notebooks n WHERE n.id = @id AND (n.deleted_at IS NULL) = @live`)
      .get({ id: notebookId, me: user.name, live: options.deleted ? 0 : 1 }) as { owner: string | null; rank: number | null } | undefined;
    if (!row) return undefined;
    return roleFrom(user, row.owner, row.rank);
  }

  /** Live notebooks the user can see, most recently updated first. */
  visible(user: User): VisibleNotebook[] {
    const rows = this.db
      .prepare(
        `SELECT n.id, n.title, n.version, n.owner, n.created_at, n.updated_at, ${RANK} AS rank, ${TEAM_ROLE} AS team_role
         FROM notebooks n WHERE n.deleted_at IS NULL ORDER BY n.updated_at DESC, n.id`,
      )
      .all({ me: user.name }) as (NotebookSummary & { rank: number | null; team_role: ShareRole | null })[];
    const visible: VisibleNotebook[] = [];
    for (const { rank, ...row } of rows) {
      const role = roleFrom(user, row.owner, rank);
      if (role) visible.push({ ...row, role });
    }
    return visible;
  }

  shares(notebookId: string): Shares {
    const owner = this.db.prepare('SELECT owner FROM notebooks WHERE id = ?').pluck().get(notebookId) as string | null;
    const rows = this.db.prepare('SELECT user_name AS user, role FROM shares WHERE notebook_id = ? ORDER BY user_name').all(notebookId) as { user: string; role: ShareRole }[];
    return { owner, team: rows.find((r) => r.user === TEAM)?.role ?? null, users: rows.filter((r) => r.user !== TEAM) };
  }

  /** Gives a user (or the team, `*`) a role on a notebook; `none` takes it away. */
  set(notebookId: string, userName: string, role: ShareRole | 'none'): void {
    if (role === 'none') {
      this.db.prepare('DELETE FROM shares WHERE notebook_id = ? AND user_name = ?').run(notebookId, userName);
      return;
    }
    if (role !== 'viewer' && role !== 'editor') throw new StorageInputError(`Role "${String(role)}" is not one of viewer, editor, none.`);
    this.db
      .prepare('INSERT INTO shares (notebook_id, user_name, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (notebook_id, user_name) DO UPDATE SET role = excluded.role')
      .run(notebookId, userName, role, new Date().toISOString());
  }
}

function roleFrom(user: User, owner: string | null, rank: number | null): NotebookRole | undefined {
  if (owner === user.name || (owner === null && user.role === 'admin')) return 'owner';
  return rank === 2 ? 'editor' : rank === 1 ? 'viewer' : undefined;
}
