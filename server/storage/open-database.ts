import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations.js';

/**
 * Opens (creating on first use) `<dataDir>/liftbook.db`: WAL journal so readers never wait for a
 * writer, `synchronous = FULL` so an acknowledged save is on disk before the reply (it survives
 * `kill -9` and power loss), foreign keys on, and the schema migrated to the latest version.
 *
 * @example
 * const { db, created } = openDatabase('./.liftbook');
 */
export function openDatabase(dataDir: string): { db: Database.Database; created: boolean } {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'liftbook.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (the CLI adding a user) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  const applied = migrate(db);
  cacheStatements(db);
  return { db, created: applied.includes(1) };
}

/**
 * Every `db.prepare(sql)` of the same text returns one compiled statement: the stores prepare per
 * call, and compiling SQL on each request was a tenth of a busy server's event loop. A statement
 * comes back in its default mode (a caller's `.pluck()` or `.raw()` does not stick to the next).
 */
function cacheStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      cache.set(sql, statement);
    } else if (statement.reader) {
      statement.pluck(false).expand(false).raw(false);
    }
    return statement;
  }) as typeof db.prepare;
}
