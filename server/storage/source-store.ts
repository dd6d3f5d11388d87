import type { Database } from 'better-sqlite3';
import { parseSourceUrl, redactUrl, type SourceUrl } from '../engine/source-url.js';
import { StorageInputError } from './errors.js';

export type SourceKind = SourceUrl['kind'];

/** A stored source: a named connection an admin added. `url` holds the password: never send it to a client. */
export interface SourceRecord {
  name: string;
  kind: SourceKind;
  url: string;
  added_by: string | null;
  created_at: string;
}

/**
 * The team's sources (ClickHouse, Postgres) in SQLite. The URL, password included, is stored as
 * given because liftbook must connect with it; the API shows members only names and kinds and
 * admins the URL with its password hidden (see `redactUrl`).
 *
 * @example
 * const sources = new SourceStore(db);
 * sources.add({ name: 'wh', url: 'clickhouse://reader:pw@ch:8123/shop', addedBy: 'ana' });
 * sources.get('wh')?.kind; // → 'clickhouse'
 */
export class SourceStore {
  constructor(private readonly db: Database) {}

  list(): SourceRecord[] {
    return this.db.prepare('SELECT name, kind, url, added_by, created_at FROM sources ORDER BY name').all() as SourceRecord[];
  }

  get(name: string): SourceRecord | undefined {
    return this.db.prepare('SELECT name, kind, url, added_by, created_at FROM sources WHERE name = ?').get(name) as SourceRecord | undefined;
  }

  /** The kind of source a name and URL make; a bad name or URL is a StorageInputError (400) naming the fix. */
  check(name: string, url: string): SourceKind {
    try {
      return parseSourceUrl(name, url).kind;
    } catch (error) {
      throw new StorageInputError((error as Error).message);
    }
  }

  /** Stores a source; a taken name is a 409 unless `replace`. A bad name or URL is a 400 naming the fix. */
  add(input: { name: string; url: string; addedBy?: string | null; replace?: boolean }): SourceRecord {
    const kind = this.check(input.name, input.url);
    const record: SourceRecord = { name: input.name, kind, url: input.url, added_by: input.addedBy ?? null, created_at: new Date().toISOString() };
    // Check and write in one transaction, so two admins adding the same name cannot both succeed.
    return this.db.transaction(() => {
      const taken = this.get(input.name);
      if (taken && !input.replace) {
        throw new StorageInputError(`A source named "${input.name}" already exists (${taken.kind}, ${redactUrl(taken.url)}). Remove it first or choose another name.`, 409);
      }
      this.db.prepare('INSERT OR REPLACE INTO sources (name, kind, url, added_by, created_at) VALUES (?, ?, ?, ?, ?)').run(record.name, record.kind, record.url, record.added_by, record.created_at);
      return record;
    })();
  }

  /** Deletes a source; false when there was none. */
  remove(name: string): boolean {
    return this.db.prepare('DELETE FROM sources WHERE name = ?').run(name).changes > 0;
  }
}
