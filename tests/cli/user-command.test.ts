import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/app/start.js';
import { hashSecret } from '../../server/auth/secret.js';
import { main } from '../../server/cli/cli.js';
import { openStorage, type Storage } from '../../server/storage/storage.js';
import type { TokenRecord, User } from '../../server/storage/user-store.js';
import { liftbook, SPAWN_TIMEOUT, type CliResult } from './spawn-cli.js';

// Spawning costs 1–2 s a run, so the flows that matter run the real binary and the rest of the
// error matrix calls the same main() in this process (the exit status is what main returns).
let data: string;
const secrets: string[] = [];
beforeAll(async () => {
  data = await mkdtemp(path.join(tmpdir(), 'liftbook-user-'));
});
afterAll(async () => {
  await rm(data, { recursive: true, force: true });
});

describe('liftbook user', () => {
  it('add prints a new token once; it signs in as the user, and the database keeps only its hash', async () => {
    const added = await liftbook(['user', 'add', 'ana', '--data', data]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^Added ana \(member\)\. Their API token \(shown once; liftbook keeps only its hash\):\nlb_\S+\nSign in at the workbench/);
    const token = /^lb_\S+$/m.exec(added.stdout)![0];
    secrets.push(token);
    expect(added.stdout.split(token)).toHaveLength(2);
    withStorage((storage) => {
      expect(storage.users.authenticate(token)?.user).toMatchObject({ name: 'ana', role: 'member' });
      expect(storage.db.prepare('SELECT hash FROM tokens').pluck().all()).toEqual([hashSecret(token)]);
      expect(storage.audit.list()[0]).toMatchObject({ actor: 'cli', action: 'user-add', notebook_id: null, detail: { user: 'ana', role: 'member' } });
    });
    const bytes = await databaseBytes(data);
    expect(bytes.includes(hashSecret(token))).toBe(true); // the search looks where the tokens are…
    expect(bytes.includes(token)).toBe(false); // …and the secret is not there
  }, SPAWN_TIMEOUT);

  it('add --json prints exactly {user: {name, role, created_at, disabled_at}, token}; --role admin adds an admin', async () => {
    const added = await liftbook(['user', 'add', 'ben', '--role', 'admin', '--json', '--data', data]);
    expect(added.code, added.stderr).toBe(0);
    const body = JSON.parse(added.stdout) as { user: User; token: string };
    expect(Object.keys(body)).toEqual(['user', 'token']);
    expect(Object.keys(body.user).sort()).toEqual(['created_at', 'disabled_at', 'name', 'role']);
    expect(body.user.disabled_at).toBeNull();
    expect(body.user).toMatchObject({ name: 'ben', role: 'admin' });
    expect(Date.parse(body.user.created_at)).not.toBeNaN();
    secrets.push(body.token);
    withStorage((storage) => expect(storage.users.authenticate(body.token)?.user.role).toBe('admin'));
  }, SPAWN_TIMEOUT);

  it('list shows each user with role and created time; --json gives them as an array', async () => {
    const listed = await liftbook(['user', 'list', '--data', data]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^name\s+role\s+created \(UTC\)\nana\s+member\s+\d{4}-\d\d-\d\d \d\d:\d\d\nben\s+admin\s+\d{4}-/);
    const json = await inProcess(['user', 'list', '--json', '--data', data]);
    expect((JSON.parse(json.stdout) as User[]).map((u) => [u.name, u.role])).toEqual([['ana', 'member'], ['ben', 'admin']]);
  }, SPAWN_TIMEOUT);

  it('token gives an existing user another token, printed once; tokens lists them and never a secret', async () => {
    const issued = await liftbook(['user', 'token', 'ana', '--label', 'ci', '--json', '--data', data]);
    expect(issued.code, issued.stderr).toBe(0);
    const made = JSON.parse(issued.stdout) as TokenRecord & { token: string };
    expect(made).toMatchObject({ user_name: 'ana', label: 'ci', prefix: made.token.slice(0, 10), revoked_at: null });
    secrets.push(made.token);
    withStorage((storage) => {
      expect(storage.users.authenticate(made.token)?.user.name).toBe('ana');
      expect(storage.audit.list()[0]).toMatchObject({ actor: 'cli', action: 'token-create', detail: { user: 'ana', token_id: made.id, label: 'ci' } });
    });

    const all = await liftbook(['user', 'tokens', '--json', '--data', data]);
    expect(all.code, all.stderr).toBe(0);
    const listed = JSON.parse(all.stdout) as TokenRecord[];
    expect(listed.map((t) => [t.id, t.user_name, t.label])).toEqual([[made.id, 'ana', 'ci'], [2, 'ben', 'first token'], [1, 'ana', 'first token']]);
    expect(Object.keys(listed[0]).sort()).toEqual(['created_at', 'expires_at', 'id', 'label', 'last_used_at', 'prefix', 'revoked_at', 'user_name']);
    const anas = await inProcess(['user', 'tokens', 'ana', '--data', data]);
    expect(anas.stdout).toMatch(/^id\s+user\s+label\s+prefix\s+created \(UTC\)\s+last used\s+expires\s+revoked\n/);
    expect(anas.stdout).toContain(`${made.prefix}…`);
    expect(anas.stdout.trim().split('\n')).toHaveLength(3);
    for (const secret of secrets) {
      expect(all.stdout).not.toContain(secret);
      expect(anas.stdout).not.toContain(secret);
    }
  }, SPAWN_TIMEOUT);

  it('disable stops every token and session of a user at once; enable lets the tokens in again; both audited', async () => {
    const session = withStorage((storage) => storage.sessions.start('ana', storage.users.authenticate(secrets[0])!.tokenId).id);
    const disabled = await liftbook(['user', 'disable', 'ana', '--json', '--data', data]);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(JSON.parse(disabled.stdout)).toMatchObject({ name: 'ana', disabled_at: expect.any(String) });
    withStorage((storage) => {
      expect(storage.users.authenticate(secrets[0])).toBeUndefined();
      expect(storage.sessions.user(session)).toBeUndefined();
      expect(storage.audit.list()[0]).toMatchObject({ actor: 'cli', action: 'user-disable', detail: { user: 'ana' } });
    });
    const enabled = await liftbook(['user', 'enable', 'ana', '--data', data]);
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(enabled.stdout).toMatch(/Enabled ana/);
    withStorage((storage) => expect(storage.users.authenticate(secrets[0])?.user.name).toBe('ana'));
    const unknown = await liftbook(['user', 'disable', 'nobody', '--data', data]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no user "nobody"/);
  }, SPAWN_TIMEOUT);

  it('revoke ends the token and the sessions it signed in; revoking it again is exit 1 naming the id', async () => {
    const [id, session] = withStorage((storage) => {
      const found = storage.users.authenticate(secrets[2])!;
      return [found.tokenId, storage.sessions.start('ana', found.tokenId).id] as const;
    });
    const revoked = await liftbook(['user', 'revoke', String(id), '--json', '--data', data]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ id, user_name: 'ana', revoked_at: expect.any(String) });
    withStorage((storage) => {
      expect(storage.users.authenticate(secrets[2])).toBeUndefined();
      expect(storage.sessions.user(session)).toBeUndefined();
      expect(storage.users.authenticate(secrets[0])?.user.name).toBe('ana'); // her other token still works
      expect(storage.audit.list()[0]).toMatchObject({ actor: 'cli', action: 'token-revoke', detail: { user: 'ana', token_id: id } });
    });

    const again = await liftbook(['user', 'revoke', String(id), '--data', data]);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toContain(`Token ${id} (ana, "ci") was already revoked`);
    expect(again.stderr).toContain(`liftbook user tokens --data ${data}`);
    const unknown = await inProcess(['user', 'revoke', '99', '--data', data]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/There is no token with id 99\. List the token ids with "liftbook user tokens/);
  }, SPAWN_TIMEOUT);

  it('a bad or taken name, an unknown role or an unknown user is exit 1: a message naming it, nothing on stdout', async () => {
    const [badName, ...rest] = await Promise.all([
      liftbook(['user', 'add', 'Ana Smith', '--data', data]),
      inProcessInTurn([
        ['user', 'add', 'ana', '--data', data],
        ['user', 'add', 'cy', '--role', 'owner', '--data', data],
        ['user', 'token', 'zed', '--data', data],
        ['user', 'tokens', 'zed', '--data', data],
      ]),
    ]).then(([spawned, inside]) => [spawned, ...inside]);
    const expected = [
      /"Ana Smith" is not a valid user name: use lowercase letters/,
      /A user named "ana" already exists\. Give them another token with "liftbook user token ana"/,
      /Role "owner" is not one of admin, member/,
      /There is no user "zed"\. Add them with "liftbook user add zed"/,
      /There is no user "zed"\. List the users with "liftbook user list/,
    ];
    [badName, ...rest].forEach((result, i) => {
      expect(result, String(expected[i])).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toMatch(expected[i]);
      expect(result.stderr).not.toMatch(/internal error|Usage:/);
    });
    withStorage((storage) => expect(storage.users.list().map((u) => u.name)).toEqual(['ana', 'ben']));
  }, SPAWN_TIMEOUT);

  it('usage errors (no name, no or unknown subcommand, unknown option, an id that is no number) are exit 2 with the usage', async () => {
    const [noName, ...rest] = await Promise.all([
      liftbook(['user', 'add', '--data', data]),
      inProcessInTurn([['user'], ['user', 'frob'], ['user', 'add', 'cy', '--colour', 'red'], ['user', 'revoke', 'lb_abc'], ['user', 'list', 'extra']]),
    ]).then(([spawned, inside]) => [spawned, ...inside]);
    expect(noName.stderr).toMatch(/user add needs the new user's name/);
    expect(rest[1].stderr).toMatch(/unknown subcommand "frob"/);
    expect(rest[3].stderr).toMatch(/revoke takes a token's id .*got "lb_abc"/);
    for (const result of [noName, ...rest]) {
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toContain('Usage: liftbook user add <name>');
    }
    const help = await inProcess(['user', '--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('liftbook user revoke <token-id>');
  }, SPAWN_TIMEOUT);
});

describe('liftbook user beside a running server', () => {
  it('adds a user to the data directory a server is using; the new token works against that server at once', async () => {
    const dir = path.join(data, 'served');
    const server = await startServer({ port: 0, dataDir: dir, workers: 1, log: () => {} });
    try {
      const added = await liftbook(['user', 'add', 'carl', '--json', '--data', dir]);
      expect(added.code, added.stderr).toBe(0);
      const { token } = JSON.parse(added.stdout) as { token: string };
      const response = await fetch(`${server.url}/api/session`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ user: { name: 'carl', role: 'member' } });
    } finally {
      await server.close();
    }
  }, SPAWN_TIMEOUT);
});

function withStorage<T>(work: (storage: Storage) => T): T {
  const storage = openStorage(data);
  try {
    return work(storage);
  } finally {
    storage.close();
  }
}

// Every file SQLite may keep rows in (the database, its WAL while one is open).
async function databaseBytes(dir: string): Promise<Buffer> {
  const files = (await readdir(dir)).filter((f) => f.startsWith('liftbook.db'));
  return Buffer.concat(await Promise.all(files.map((f) => readFile(path.join(dir, f)))));
}

/** Runs main() here, capturing what it writes; calls must not overlap (they share process.stdout). */
async function inProcess(args: string[]): Promise<CliResult> {
  const written = { stdout: '', stderr: '' };
  const capture = (stream: 'stdout' | 'stderr') =>
    vi.spyOn(process[stream], 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written[stream] += String(chunk);
      (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
      return true;
    }) as never);
  const spies = [capture('stdout'), capture('stderr')];
  try {
    return { code: await main(args), ...written };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

async function inProcessInTurn(runs: string[][]): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (const args of runs) results.push(await inProcess(args));
  return results;
}
