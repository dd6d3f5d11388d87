import Database from 'better-sqlite3';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseNotebook } from '../../notebook/format.js';
import { StorageInputError, VersionConflictError } from './errors.js';
import { blankNotebook } from './examples.js';
import { migrate, migrations, type Migration } from './migrations.js';
import { NotebookStore } from './notebook-store.js';
import { openStorage, type Storage } from './storage.js';

const dirs: string[] = [];
const opened: Storage[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'liftbook-storage-'));
  dirs.push(dir);
  return dir;
}
function open(dataDir: string, examplesDir?: string): Storage {
  const storage = openStorage(dataDir, { examplesDir });
  opened.push(storage);
  return storage;
}

describe('migrations', () => {
  it('creates the schema once, in WAL mode with full fsync, and records the version', () => {
    const data = path.join(tempDir(), 'nested', 'data');
    const storage = open(data, tempDir());
    expect(storage.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(storage.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(storage.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    const tables = storage.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['audit', 'datasets', 'notebooks', 'revisions', 'sessions', 'shares', 'tokens', 'users']));
    expect(readdirSync(data)).toEqual(expect.arrayContaining(['liftbook.db', 'datasets']));
    expect(migrate(storage.db)).toEqual([]);
  });

  it('applies only the steps a database has not seen, and refuses a newer database', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, description: 'a', up: (d) => d.exec('CREATE TABLE a (x)') },
      { version: 2, description: 'b', up: (d) => d.exec('CREATE TABLE b (x)') },
    ];
    expect(migrate(db, steps.slice(0, 1))).toEqual([1]);
    expect(migrate(db, steps)).toEqual([2]);
    expect(() => migrate(db, steps.slice(0, 1))).toThrow(/schema version 2, newer than this liftbook knows \(1\)/);
  });

  it('upgrades a database from before users: its unowned notebooks become readable by the whole team', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO notebooks (id, title, source, created_at, updated_at) VALUES ('old', 'Old', '# Old', 'then', 'then')").run();
    db.prepare("INSERT INTO revisions (notebook_id, version, title, source, created_at) VALUES ('old', 1, 'Old', '# Old', 'then')").run();
    expect(migrate(db)).toEqual(migrations.slice(1).map((m) => m.version));
    expect(db.prepare('SELECT notebook_id, user_name, role FROM shares').all()).toEqual([{ notebook_id: 'old', user_name: '*', role: 'viewer' }]);
    // The text is kept once, in the revision (the notebook row had a second copy).
    expect(new NotebookStore(db).get('old')?.source).toBe('# Old');
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('notebooks') WHERE name = 'source'").pluck().get()).toBe(0);
  });

  it('rolls a failed step back whole', () => {
    const db = new Database(':memory:');
    const bad: Migration = { version: 1, description: 'bad', up: (d) => d.exec('CREATE TABLE ok (x); CREATE TABLE broken (') };
    expect(() => migrate(db, [bad])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'ok'").pluck().get()).toBe(0);
  });
});

describe('seeding', () => {
  it('stores the example notebooks on the first start only', () => {
    const examples = tempDir();
    writeFileSync(path.join(examples, 'did-it-work.md'), '---\ntitle: Did it work?\n---\n# Intro\n');
    writeFileSync(path.join(examples, 'README.md'), '# not a notebook\n');
    const data = tempDir();
    const first = open(data, examples);
    expect(first.seeded).toEqual(['did-it-work']);
    expect(first.notebooks.get('did-it-work')).toMatchObject({ title: 'Did it work?', version: 1 });
    // The History names who wrote the first version: liftbook, not "unknown".
    expect(first.notebooks.history('did-it-work')[0]!.author).toBe('liftbook (example)');
    first.notebooks.remove('did-it-work');
    first.close();
    opened.length = 0;
    const second = open(data, examples);
    expect(second.seeded).toEqual([]);
    expect(second.notebooks.list()).toEqual([]);
  });

  it('seeds the repository examples by default', () => {
    const storage = openStorage(tempDir());
    opened.push(storage);
    expect(storage.notebooks.list().map((n) => n.id).sort()).toEqual([...storage.seeded].sort());
  });
});

describe('NotebookStore', () => {
  it('creates, saves with revisions, and soft-deletes', () => {
    const { notebooks, db } = open(tempDir(), tempDir());
    const created = notebooks.create({ source: '---\ntitle: Q3 review\n---\n' });
    expect(created).toMatchObject({ id: expect.stringMatching(/^q3-review-[a-z0-9]{6}$/), title: 'Q3 review', version: 1, owner: null });
    const id = created.id;
    const twin = notebooks.create({ source: '---\ntitle: Q3 review\n---\n' }).id;
    expect(twin).toMatch(/^q3-review-[a-z0-9]{6}$/);
    expect(twin).not.toBe(id);
    const saved = notebooks.save(id, '---\ntitle: Q3 final\n---\n# Done\n', { author: 'ana' });
    expect(saved).toMatchObject({ version: 2, title: 'Q3 final', source: '---\ntitle: Q3 final\n---\n# Done\n' });
    expect(notebooks.revisions(id).map((r) => [r.version, r.title, r.author])).toEqual([
      [1, 'Q3 review', null],
      [2, 'Q3 final', 'ana'],
    ]);
    // Each version's text is stored once: in its revision.
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('notebooks') WHERE name = 'source'").pluck().get()).toBe(0);
    expect(notebooks.remove(id)).toBe(true);
    expect(notebooks.remove(id)).toBe(false);
    expect(notebooks.get(id)).toBeUndefined();
    expect(notebooks.list().map((n) => n.id)).toEqual([twin]);
    expect(db.prepare('SELECT deleted_at FROM notebooks WHERE id = ?').pluck().get(id)).toMatch(/^\d{4}-/);
  });

  it('lets exactly one of several saves on the same version win', () => {
    const { notebooks } = open(tempDir(), tempDir());
    const { id } = notebooks.create({ source: '# A\n' });
    const outcomes = Array.from({ length: 12 }, (_, i) => {
      try {
        return notebooks.save(id, `# edit ${i}\n`, { expectedVersion: 1 }).version;
      } catch (error) {
        expect(error).toBeInstanceOf(VersionConflictError);
        expect((error as VersionConflictError).current).toBe(2);
        return 'conflict';
      }
    });
    expect(outcomes.filter((o) => o === 2)).toHaveLength(1);
    expect(notebooks.get(id)).toMatchObject({ version: 2, source: '# edit 0\n' });
    expect(notebooks.revisions(id)).toHaveLength(2);
  });

  it('refuses bad and taken ids', () => {
    const { notebooks } = open(tempDir(), tempDir());
    expect(() => notebooks.create({ id: '../x', source: '' })).toThrow(StorageInputError);
    notebooks.create({ id: 'x', source: '' });
    expect(() => notebooks.create({ id: 'x', source: '' })).toThrow(/already exists/);
    expect(() => notebooks.save('nope', '')).toThrow(/no notebook "nope"/);
  });

  it('makes a blank notebook that parses with one empty cell', () => {
    const doc = parseNotebook(blankNotebook('My: notes'));
    expect(doc.diagnostics).toEqual([]);
    expect(doc.frontMatter?.title).toBe('My: notes');
    expect(doc.blocks.filter((b) => b.kind === 'cell').map((b) => b.id)).toEqual(['c1']);
  });

  it('keeps acknowledged saves across reopening', () => {
    const data = tempDir();
    const first = open(data, tempDir());
    const { id } = first.notebooks.create({ source: '# one\n' });
    first.notebooks.save(id, '# two\n');
    first.close();
    opened.length = 0;
    mkdirSync(path.join(data, 'datasets'), { recursive: true });
    expect(open(data, tempDir()).notebooks.get(id)).toMatchObject({ version: 2, source: '# two\n' });
  });
});

describe('sources', () => {
  it('keeps a source URL as given, refuses bad names and URLs, and a taken name unless replacing', () => {
    const storage = open(tempDir(), tempDir());
    const added = storage.sources.add({ name: 'wh', url: 'clickhouse://reader:pw@ch:8123/shop', addedBy: 'ana' });
    expect(added).toMatchObject({ name: 'wh', kind: 'clickhouse', url: 'clickhouse://reader:pw@ch:8123/shop', added_by: 'ana' });
    expect(() => storage.sources.add({ name: 'wh', url: 'postgres://r@db/shop' })).toThrow(/A source named "wh" already exists \(clickhouse, clickhouse:\/\/reader:\*\*\*@ch:8123\/shop\)/);
    expect(storage.sources.add({ name: 'wh', url: 'postgres://r@db/shop', replace: true }).kind).toBe('postgres');
    expect(() => storage.sources.add({ name: 'local', url: 'postgres://r@db/shop' })).toThrow(StorageInputError);
    expect(() => storage.sources.add({ name: 'x', url: 'ftp://db/shop' })).toThrow(/not a supported source/);
    expect(storage.sources.list().map((s) => s.name)).toEqual(['wh']);
    expect(storage.sources.remove('wh')).toBe(true);
    expect(storage.sources.remove('wh')).toBe(false);
  });
});
