import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../server/cli/cli.js';
import { openStorage } from '../../server/storage/storage.js';
import type { CliResult } from './spawn-cli.js';

let data: string;
beforeAll(async () => {
  data = await mkdtemp(path.join(tmpdir(), 'liftbook-source-'));
});
afterAll(async () => {
  await rm(data, { recursive: true, force: true });
});

/** Runs main() here, capturing what it writes. */
async function cli(args: string[]): Promise<CliResult> {
  const written = { stdout: '', stderr: '' };
  const spies = (['stdout', 'stderr'] as const).map((stream) =>
    vi.spyOn(process[stream], 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written[stream] += String(chunk);
      (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
      return true;
    }) as never),
  );
  try {
    return { code: await main(args), ...written };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe('liftbook source', () => {
  it('add stores a source (URL from the environment too), list shows it with the password hidden, remove removes it', async () => {
    const added = await cli(['source', 'add', 'wh', 'clickhouse://reader:Hidden-pw1@ch.internal:8123/shop', '--data', data]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toBe('Added source wh (clickhouse, clickhouse://reader:***@ch.internal:8123/shop). SQL cells query it with ```sql id=… source=wh.\n');
    process.env.LIFTBOOK_SOURCE_PG = 'postgres://reader:Env-pw2@db.internal:5432/shop';
    try {
      expect((await cli(['source', 'add', 'pg', '--data', data])).code).toBe(0);
    } finally {
      delete process.env.LIFTBOOK_SOURCE_PG;
    }
    const listed = await cli(['source', 'list', '--json', '--data', data]);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ name: 'pg', kind: 'postgres', url: 'postgres://reader:***@db.internal:5432/shop', added_by: 'cli' }),
      expect.objectContaining({ name: 'wh', kind: 'clickhouse', url: 'clickhouse://reader:***@ch.internal:8123/shop' }),
    ]);
    const text = await cli(['source', 'list', '--data', data]);
    expect(text.stdout).not.toMatch(/Hidden-pw1|Env-pw2/);
    const storage = openStorage(data);
    try {
      expect(storage.sources.get('pg')?.url).toBe('postgres://reader:Env-pw2@db.internal:5432/shop');
      expect(storage.audit.list().map((a) => [a.action, a.detail])).toEqual([
        ['source-add', { source: 'pg', kind: 'postgres' }],
        ['source-add', { source: 'wh', kind: 'clickhouse' }],
      ]);
    } finally {
      storage.close();
    }
    expect((await cli(['source', 'remove', 'wh', '--data', data])).code).toBe(0);
    const gone = await cli(['source', 'remove', 'wh', '--data', data]);
    expect(gone).toMatchObject({ code: 1, stdout: '' });
    expect(gone.stderr).toMatch(/There is no source "wh". List them with "liftbook source list --data /);
  });

  it('refuses a bad name, a bad URL, a taken name and a missing URL, printing nothing on stdout', async () => {
    const taken = await cli(['source', 'add', 'pg', 'postgres://x@h/db', '--data', data]);
    expect(taken).toMatchObject({ code: 1, stdout: '' });
    expect(taken.stderr).toMatch(/A source named "pg" already exists .*Remove it first/);
    expect(taken.stderr).not.toContain('Env-pw2');
    expect((await cli(['source', 'add', 'local', 'postgres://h/db', '--data', data])).stderr).toMatch(/"local" is the embedded engine/);
    expect((await cli(['source', 'add', 'my', 'mysql://root:pw@h/db', '--data', data])).stderr).toMatch(/not a supported source/);
    const missing = await cli(['source', 'add', 'nourl', '--data', data]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/set LIFTBOOK_SOURCE_NOURL=URL/);
  });

  it('test reports a source that cannot be reached without its password, and exits 1', async () => {
    expect((await cli(['source', 'add', 'down', 'postgres://reader:Down-pw3@127.0.0.1:1/shop', '--data', data])).code).toBe(0);
    const tested = await cli(['source', 'test', 'down', '--data', data]);
    expect(tested).toMatchObject({ code: 1, stdout: '' });
    expect(tested.stderr).toMatch(/Source "down" .*cannot be reached at 127\.0\.0\.1:1/);
    expect(tested.stderr).not.toContain('Down-pw3');
    const files = (await readdir(data)).filter((f) => f.startsWith('liftbook.db'));
    // The password is in the database (liftbook must connect with it): the README says to guard the data directory.
    expect(Buffer.concat(await Promise.all(files.map((f) => readFile(path.join(data, f))))).includes('Down-pw3')).toBe(true);
  });
});
