// One Postgres on loopback in a temporary directory, for the engine tests. Debian's binaries
// refuse to run as root, so as root the server runs as the `postgres` user.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findBinary } from './find-binary.js';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/** The user the engine tests connect as; its password must never show in an error. */
export const PG_USER = 'liftbook';
export const PG_PASSWORD = 'pg-Secret_pw+9';
export const PG_DATABASE = 'shop';
const ADMIN_PASSWORD = 'admin-pw';

export interface PostgresServer {
  port: number;
  /** `postgres://liftbook:…@127.0.0.1:<port>/shop`. */
  url: string;
  /** Runs statements as the superuser in the `shop` database. */
  exec(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  close(): Promise<void>;
}

/** The folder of initdb/pg_ctl, or null when Postgres is not installed (Debian: `postgresql`). */
export function postgresBinDir(): string | null {
  const versions = ['17', '16', '15', '14', '13'].map((v) => `/usr/lib/postgresql/${v}/bin`);
  const initdb = findBinary(['initdb'], versions);
  if (!initdb) return null;
  const dir = path.dirname(realpathSync(initdb));
  return existsSync(path.join(dir, 'pg_ctl')) ? dir : null;
}

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

async function postgresIds(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

/**
 * An initdb'd cluster kept in the temp folder and copied for each start: initdb takes seconds on
 * a busy machine, a copy a fraction of that. Made in a private folder and renamed into place, so
 * test files starting at once never see half a template.
 */
async function template(bin: string, ids: { uid: number; gid: number } | null, asOwner: (command: string, args: string[]) => Promise<unknown>): Promise<string> {
  const version = path.basename(path.dirname(bin));
  const ready = path.join(os.tmpdir(), `liftbook-pg-template-${version}-${process.getuid?.() ?? 0}`);
  if (existsSync(path.join(ready, 'PG_VERSION'))) return ready;
  const work = mkdtempSync(path.join(os.tmpdir(), 'liftbook-pg-init-'));
  const pwfile = path.join(work, 'pw');
  writeFileSync(pwfile, ADMIN_PASSWORD + '\n');
  if (ids) {
    chownSync(work, ids.uid, ids.gid);
    chownSync(pwfile, ids.uid, ids.gid);
  }
  const data = path.join(work, 'data');
  await asOwner(path.join(bin, 'initdb'), [
    '-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`,
    '-E', 'UTF8', '--locale=C', '--no-sync',
  ]);
  try {
    renameSync(data, ready);
  } catch {
    // Another test file made it first; theirs is as good as ours.
  }
  rmSync(work, { recursive: true, force: true });
  return ready;
}

/** Starts Postgres (a copy of a cached initdb + start) with the `liftbook` user and the `shop` database. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('Postgres is not installed (Debian: apt-get install postgresql).');
  const ids = await postgresIds();
  const asOwner = (command: string, args: string[]) =>
    ids ? run('su', ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map(quote).join(' ')]) : run(command, args);
  const cached = await template(bin, ids, asOwner);
  const root = mkdtempSync(path.join(os.tmpdir(), 'liftbook-pg-'));
  const data = path.join(root, 'data');
  if (ids) chownSync(root, ids.uid, ids.gid);
  const port = await freePort();
  const options = [
    `-p ${port}`, `-k ${root}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c full_page_writes=off',
    '-c synchronous_commit=off', '-c shared_buffers=32MB', '-c max_connections=40', '-c TimeZone=UTC',
  ].join(' ');
  let started = false;
  // A test process that dies without afterAll must not leave a server behind: SIGQUIT is
  // Postgres's immediate shutdown, sent to the postmaster named in postmaster.pid.
  const onExit = () => {
    try {
      const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGQUIT');
    } catch {
      // Not running.
    }
  };
  process.once('exit', onExit);
  const stop = async () => {
    process.removeListener('exit', onExit);
    if (started) await asOwner(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    started = false;
    rmSync(root, { recursive: true, force: true });
  };
  let admin: pg.Client | undefined;
  try {
    await asOwner('cp', ['-a', cached, data]);
    started = true;
    await asOwner(path.join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(root, 'server.log'), '-w', '-t', '30', 'start']);
    const connect = async (database: string) => {
      const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: ADMIN_PASSWORD, database });
      await client.connect();
      return client;
    };
    const setup = await connect('postgres');
    await setup.query(`CREATE ROLE ${PG_USER} LOGIN PASSWORD '${PG_PASSWORD}'`);
    await setup.query(`CREATE ROLE reader LOGIN PASSWORD '${PG_PASSWORD}'`);
    await setup.query(`CREATE DATABASE ${PG_DATABASE} OWNER ${PG_USER}`);
    await setup.end();
    admin = await connect(PG_DATABASE);
    await admin.query(`ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO reader`);
  } catch (error) {
    await stop();
    throw error;
  }
  const client = admin;
  return {
    port,
    url: `postgres://${PG_USER}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/${PG_DATABASE}`,
    exec: (sql, params) => client.query(sql, params as unknown[]),
    async close() {
      await client.end().catch(() => undefined);
      await stop();
    },
  };
}
