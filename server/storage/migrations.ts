import type { Database } from 'better-sqlite3';

/** One schema step. Steps run in order, once each; `PRAGMA user_version` records how far a database got. */
export interface Migration {
  version: number;
  description: string;
  up(db: Database): void;
}

/**
 * The schema's history. Append new steps (never edit a released one): users, tokens and shares
 * come as later versions on top of these tables.
 */
export const migrations: Migration[] = [
  {
    version: 1,
    description: 'notebooks, revisions, datasets',
    up(db) {
      db.exec(`
        CREATE TABLE notebooks (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          source TEXT NOT NULL,
          version INTEGER NOT NULL DEFAULT 1,
          owner TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        );
        CREATE INDEX notebooks_live ON notebooks (deleted_at, updated_at);
        CREATE TABLE revisions (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          notebook_id TEXT NOT NULL REFERENCES notebooks(id),
          version INTEGER NOT NULL,
          title TEXT NOT NULL,
          source TEXT NOT NULL,
          author TEXT,
          created_at TEXT NOT NULL,
          UNIQUE (notebook_id, version)
        );
        CREATE TABLE datasets (
          name TEXT PRIMARY KEY,
          filename TEXT NOT NULL,
          format TEXT NOT NULL,
          size INTEGER NOT NULL,
          rows INTEGER NOT NULL,
          columns TEXT NOT NULL,
          owner TEXT,
          created_at TEXT NOT NULL
        );
      `);
    },
  },
];

/**
 * Brings a database up to the latest schema, each step in its own transaction, and returns the
 * versions it applied. A database from a newer liftbook is refused rather than misread.
 *
 * @example
 * migrate(db); // → [1] on a new database, [] afterwards
 */
export function migrate(db: Database, steps: Migration[] = migrations): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = steps.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`The database is at schema version ${current}, newer than this liftbook knows (${latest}). Upgrade liftbook.`);
  }
  const applied: number[] = [];
  for (const step of steps.filter((s) => s.version > current)) {
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    })();
    applied.push(step.version);
  }
  return applied;
}
