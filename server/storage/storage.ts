import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { AuditLog } from './audit-log.js';
import { DatasetStore } from './dataset-store.js';
import { EXAMPLE_AUTHOR, EXAMPLES_DIR, listExamples } from './examples.js';
import { NotebookStore } from './notebook-store.js';
import { openDatabase } from './open-database.js';
import { SessionStore } from './session-store.js';
import { SourceStore } from './source-store.js';
import { ShareStore, TEAM } from './share-store.js';
import { UserStore } from './user-store.js';

/** Everything the server keeps: one SQLite file plus dataset files, under one data directory. */
export interface Storage {
  dataDir: string;
  db: Database;
  notebooks: NotebookStore;
  datasets: DatasetStore;
  users: UserStore;
  sessions: SessionStore;
  shares: ShareStore;
  /** Named ClickHouse/Postgres connections (SQL cells, recipe inputs). */
  sources: SourceStore;
  audit: AuditLog;
  /** Where the example notebooks (seeds and templates) come from. */
  examplesDir: string;
  /** Ids of the example notebooks seeded by this open (only on the first start). */
  seeded: string[];
  close(): void;
}

/**
 * Opens the data directory (default `./.liftbook`), creating the database on first use and then
 * seeding the example notebooks, so a new server opens with something to run.
 *
 * @example
 * const storage = openStorage('./.liftbook');
 * storage.notebooks.list();
 * storage.close();
 */
export function openStorage(dataDir = '.liftbook', options: { examplesDir?: string } = {}): Storage {
  const dir = path.resolve(dataDir);
  const { db, created } = openDatabase(dir);
  const notebooks = new NotebookStore(db);
  const shares = new ShareStore(db);
  const seeded: string[] = [];
  const examplesDir = options.examplesDir ?? EXAMPLES_DIR;
  if (created) {
    for (const example of listExamples(examplesDir)) {
      if (notebooks.exists(example.id)) continue;
      // Nobody owns the examples (admins manage them); the whole team may read and run them.
      notebooks.create({ id: example.id, source: example.source, author: EXAMPLE_AUTHOR });
      shares.set(example.id, TEAM, 'viewer');
      seeded.push(example.id);
    }
  }
  return {
    dataDir: dir,
    db,
    notebooks,
    datasets: new DatasetStore(db, dir),
    users: new UserStore(db),
    sessions: new SessionStore(db),
    shares,
    sources: new SourceStore(db),
    audit: new AuditLog(db),
    examplesDir,
    seeded,
    close: () => db.close(),
  };
}
