import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { NotFoundError, StorageInputError, VersionConflictError } from './errors.js';
import { sourceTitle } from './notebook-title.js';

/** What the notebook list shows. */
export interface NotebookSummary {
  id: string;
  title: string;
  version: number;
  owner: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotebookRecord extends NotebookSummary {
  source: string;
}

export interface RevisionSummary {
  version: number;
  title: string;
  author: string | null;
  created_at: string;
  /** Size of the source in bytes (UTF-8). */
  bytes: number;
}

export interface RevisionRecord {
  notebook_id: string;
  version: number;
  title: string;
  source: string;
  author: string | null;
  created_at: string;
}

export interface TrashedNotebook extends NotebookSummary {
  deleted_at: string;
}

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const SUMMARY = 'id, title, version, owner, created_at, updated_at';

/**
 * Notebooks in SQLite. Every save bumps `version` and writes a revision in the same transaction, so
 * history is complete (the current text is the current revision's: stored once); a save may name the version it was based on and then succeeds only over it
 * (better-sqlite3 is synchronous, so two saves on one version cannot interleave: exactly one wins).
 * Deleting sets `deleted_at` (the row and its revisions stay for a trash/restore).
 *
 * @example
 * const notebooks = new NotebookStore(db);
 * const nb = notebooks.create({ source: '---\ntitle: Q3\n---\n' });
 * notebooks.save(nb.id, nb.source + '# More\n', { expectedVersion: 1 }); // → version 2
 */
export class NotebookStore {
  constructor(private readonly db: Database) {}

  /** Live notebooks, most recently updated first. */
  list(): NotebookSummary[] {
    return this.db.prepare(`SELECT ${SUMMARY} FROM notebooks WHERE deleted_at IS NULL ORDER BY updated_at DESC, id`).all() as NotebookSummary[];
  }

  /** A live notebook, or undefined. */
  get(id: string): NotebookRecord | undefined {
    return this.db
      .prepare(
        `SELECT n.id, n.title, n.version, n.owner, n.created_at, n.updated_at, r.source
         FROM notebooks n JOIN revisions r ON r.notebook_id = n.id AND r.version = n.version WHERE n.id = ? AND n.deleted_at IS NULL`,
      )
      .get(id) as NotebookRecord | undefined;
  }

  /** True when the id is taken, by a live or a deleted notebook. */
  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM notebooks WHERE id = ?').get(id) !== undefined;
  }

  /** Creates a notebook (version 1, first revision); the id comes from the title unless given. */
  create(input: { source: string; id?: string; owner?: string | null; author?: string | null }): NotebookRecord {
    const title = sourceTitle(input.source);
    return this.db.transaction(() => {
      if (input.id !== undefined && !ID.test(input.id)) {
        throw new StorageInputError(`Notebook id "${input.id}" must be lowercase letters, digits and dashes (at most 80).`);
      }
      if (input.id !== undefined && this.exists(input.id)) throw new StorageInputError(`A notebook with id "${input.id}" already exists.`, 409);
      const id = input.id ?? this.#freeId(title);
      const now = new Date().toISOString();
      this.db
        .prepare('INSERT INTO notebooks (id, title, version, owner, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?)')
        .run(id, title, input.owner ?? null, now, now);
      this.#revision(id, 1, title, input.source, input.author ?? input.owner ?? null, now);
      return this.get(id)!;
    })();
  }

  /**
   * Saves a new source: version + 1 and a revision. With `expectedVersion`, throws
   * VersionConflictError unless that is still the current version.
   */
  save(id: string, source: string, options: { expectedVersion?: number; author?: string | null } = {}): NotebookRecord {
    return this.db.transaction(() => {
      const current = this.get(id);
      if (!current) throw new NotFoundError(`There is no notebook "${id}".`);
      if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
        const last = this.revision(id, current.version);
        throw new VersionConflictError(options.expectedVersion, current.version, { source: current.source, updated_at: current.updated_at, author: last?.author ?? null });
      }
      const version = current.version + 1;
      const title = sourceTitle(source);
      const now = new Date().toISOString();
      this.db.prepare('UPDATE notebooks SET title = ?, version = ?, updated_at = ? WHERE id = ?').run(title, version, now, id);
      this.#revision(id, version, title, source, options.author ?? null, now);
      return this.get(id)!;
    })();
  }

  /** Soft-deletes a live notebook; false when there was none. */
  remove(id: string): boolean {
    return this.db.prepare('UPDATE notebooks SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(new Date().toISOString(), id).changes > 0;
  }

  /** Every revision of a notebook, oldest first. */
  revisions(id: string): RevisionRecord[] {
    return this.db
      .prepare('SELECT notebook_id, version, title, source, author, created_at FROM revisions WHERE notebook_id = ? ORDER BY version')
      .all(id) as RevisionRecord[];
  }

  /** The history as listed (no sources), newest first. */
  history(id: string): RevisionSummary[] {
    return this.db
      .prepare("SELECT version, title, author, created_at, length(CAST(source AS BLOB)) AS bytes FROM revisions WHERE notebook_id = ? ORDER BY version DESC")
      .all(id) as RevisionSummary[];
  }

  /** One revision, or undefined. */
  revision(id: string, version: number): RevisionRecord | undefined {
    return this.db
      .prepare('SELECT notebook_id, version, title, source, author, created_at FROM revisions WHERE notebook_id = ? AND version = ?')
      .get(id, version) as RevisionRecord | undefined;
  }

  /** Deleted notebooks, most recently deleted first. */
  trash(): TrashedNotebook[] {
    return this.db.prepare(`SELECT ${SUMMARY}, deleted_at FROM notebooks WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`).all() as TrashedNotebook[];
  }

  /** Takes a notebook out of the trash (with its history intact); false when it was not there. */
  restore(id: string): boolean {
    return this.db.prepare('UPDATE notebooks SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id).changes > 0;
  }

  #revision(id: string, version: number, title: string, source: string, author: string | null, at: string): void {
    this.db
      .prepare('INSERT INTO revisions (notebook_id, version, title, source, author, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, version, title, source, author, at);
  }

  // A random suffix on every new id: counting up from the title ("q3-2") would tell anyone that
  // another user has a private notebook of that title.
  #freeId(title: string): string {
    const base =
      title
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)
        .replace(/-+$/, '') || 'notebook';
    for (;;) {
      const id = `${base}-${randomSuffix()}`;
      if (!this.exists(id)) return id;
    }
  }
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomSuffix(): string {
  return Array.from(randomBytes(6), (b) => ALPHABET[b % ALPHABET.length]).join('');
}
