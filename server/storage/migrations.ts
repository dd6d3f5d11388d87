import type { Database } from 'better-sqlite3';

/** One schema step. Steps run in order, once each; `PRAGMA user_version` records how far a database got. */
export interface Migration {
  version: number;
  description: string;
  up(db: Database): void;
}

/** The schema's history. Append new steps; never edit a released one. */
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
  {
    version: 2,
    description: 'users, tokens, sessions, shares, audit log',
    up(db) {
      db.exec(`
        CREATE TABLE users (
          name TEXT PRIMARY KEY,
          role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
          created_at TEXT NOT NULL
        );
        -- Only a token's SHA-256 is kept: a copy of the database lets no one sign in.
        CREATE TABLE tokens (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          user_name TEXT NOT NULL REFERENCES users(name),
          hash TEXT NOT NULL UNIQUE,
          prefix TEXT NOT NULL,
          label TEXT NOT NULL,
          created_at TEXT NOT NULL,
          expires_at TEXT,
          last_used_at TEXT,
          revoked_at TEXT
        );
        CREATE TABLE sessions (
          hash TEXT PRIMARY KEY,
          user_name TEXT NOT NULL REFERENCES users(name),
          token_id INTEGER REFERENCES tokens(id),
          created_at TEXT NOT NULL,
          expires_at TEXT NOT NULL
        );
        -- user_name '*' is the team-wide default role of a notebook.
        CREATE TABLE shares (
          notebook_id TEXT NOT NULL REFERENCES notebooks(id),
          user_name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('viewer', 'editor')),
          created_at TEXT NOT NULL,
          PRIMARY KEY (notebook_id, user_name)
        );
        CREATE TABLE audit (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          actor TEXT,
          action TEXT NOT NULL,
          notebook_id TEXT,
          detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX audit_notebook ON audit (notebook_id, id);
        -- Notebooks from before users (the examples) stay readable by the whole team.
        INSERT INTO shares (notebook_id, user_name, role, created_at) SELECT id, '*', 'viewer', created_at FROM notebooks WHERE owner IS NULL;
      `);
    },
  },
  {
    version: 3,
    description: 'disabled users; a notebook\'s source kept once, in its current revision',
    up(db) {
      db.exec(`
        ALTER TABLE users ADD COLUMN disabled_at TEXT;
        -- The current text is the revision at the notebook's version: a second copy doubled every save.
        ALTER TABLE notebooks DROP COLUMN source;
      `);
    },
  },
  {
    version: 4,
    description: 'sources (named ClickHouse and Postgres connections)',
    up(db) {
      db.exec(`
        -- url includes the password liftbook connects with; the API never sends it to members.
        CREATE TABLE sources (
          name TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('clickhouse', 'postgres')),
          url TEXT NOT NULL,
          added_by TEXT,
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
