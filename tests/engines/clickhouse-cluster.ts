// Two ClickHouse servers on loopback as the two shards of one cluster, in a temporary directory,
// for the engine tests: each holds a MergeTree table with part of the rows and a `Distributed`
// table over both, the way a team's warehouse spreads a large table.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBinary } from './find-binary.js';
import { freePort, waitFor } from './free-port.js';

export const CLUSTER = 'liftbook_test';
/** The user the engine tests connect as; its password must never show in an error. */
export const CH_USER = 'liftbook';
export const CH_PASSWORD = 'ch-Secret_pw+7';

export interface Shard {
  http: number;
  tcp: number;
  /** Runs one statement as the admin (`default`) and returns the response text. */
  exec(sql: string, body?: string): Promise<string>;
}

export interface ClickHouseCluster {
  shards: [Shard, Shard];
  /** `clickhouse://liftbook:…@127.0.0.1:<http of shard 1>/default`. */
  url: string;
  close(): Promise<void>;
}

/** The server binary, or null when ClickHouse is not installed (Debian: `clickhouse-server`). */
export function clickhouseBinary(): { command: string; args: string[] } | null {
  const server = findBinary(['clickhouse-server'], ['/usr/sbin', '/usr/bin']);
  if (server) return { command: server, args: [] };
  const single = findBinary(['clickhouse'], ['/usr/bin']);
  return single ? { command: single, args: ['server'] } : null;
}

function configXml(dir: string, shard: { http: number; tcp: number; interserver: number }, all: { tcp: number }[]): string {
  const replicas = all.map((s) => `<shard><replica><host>127.0.0.1</host><port>${s.tcp}</port></replica></shard>`).join('');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${shard.http}</http_port>
  <tcp_port>${shard.tcp}</tcp_port>
  <interserver_http_port>${shard.interserver}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <remote_servers><${CLUSTER}>${replicas}</${CLUSTER}></remote_servers>
</yandex>
`;
}

// `default` (no password, loopback only) is the admin the loader and the shards use; `liftbook`
// is the password user the engine connects as; `reader` is read-only, as the README recommends.
function usersXml(): string {
  const local = '<networks><ip>127.0.0.1</ip><ip>::1</ip></networks>';
  const quota = '<quota>default</quota>';
  return `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default><max_memory_usage>1500000000</max_memory_usage><max_threads>2</max_threads></default>
    <readonly><readonly>1</readonly><max_threads>2</max_threads></readonly>
  </profiles>
  <users>
    <default><password></password>${local}<profile>default</profile>${quota}</default>
    <${CH_USER}><password>${CH_PASSWORD}</password>${local}<profile>default</profile>${quota}</${CH_USER}>
    <reader><password>${CH_PASSWORD}</password>${local}<profile>readonly</profile>${quota}</reader>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;
}

async function httpExec(port: number, sql: string, body?: string): Promise<string> {
  const url = new URL(`http://127.0.0.1:${port}/`);
  let payload = sql;
  if (body !== undefined) {
    url.searchParams.set('query', sql);
    payload = body;
  }
  const res = await fetch(url, { method: 'POST', body: payload });
  const text = await res.text();
  if (!res.ok) throw new Error(`ClickHouse on port ${port}: ${text.trim()}\n${sql.slice(0, 300)}`);
  return text;
}

/**
 * Starts the two shards (about half a second) and returns them; `close()` stops both and removes
 * their directory. Throws when ClickHouse is installed but does not start.
 */
export async function startClickHouseCluster(): Promise<ClickHouseCluster> {
  const binary = clickhouseBinary();
  if (!binary) throw new Error('ClickHouse is not installed (Debian: apt-get install clickhouse-server).');
  const root = mkdtempSync(path.join(os.tmpdir(), 'liftbook-ch-'));
  const ports = [];
  for (let i = 0; i < 2; i++) ports.push({ http: await freePort(), tcp: await freePort(), interserver: await freePort() });
  const children: ChildProcess[] = [];
  const stopAll = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  };
  process.once('exit', stopAll);
  try {
    for (const [i, p] of ports.entries()) {
      const dir = path.join(root, `shard${i + 1}`);
      for (const sub of ['data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(path.join(dir, sub), { recursive: true });
      writeFileSync(path.join(dir, 'config.xml'), configXml(dir, p, ports));
      writeFileSync(path.join(dir, 'users.xml'), usersXml());
      const child = spawn(binary.command, [...binary.args, `--config-file=${dir}/config.xml`], { cwd: dir, stdio: 'ignore' });
      children.push(child);
    }
    for (const [i, p] of ports.entries()) {
      await waitFor(async () => {
        if (children[i]!.exitCode !== null) throw new Error(`clickhouse-server exited with ${children[i]!.exitCode}; see ${root}/shard${i + 1}/server.err.log`);
        return httpExec(p.http, 'SELECT 1');
      }, 20_000, `ClickHouse shard ${i + 1}`);
    }
  } catch (error) {
    stopAll();
    throw error;
  }
  const shards = ports.map((p) => ({ http: p.http, tcp: p.tcp, exec: (sql: string, body?: string) => httpExec(p.http, sql, body) })) as [Shard, Shard];
  return {
    shards,
    url: `clickhouse://${CH_USER}:${encodeURIComponent(CH_PASSWORD)}@127.0.0.1:${ports[0]!.http}/default`,
    async close() {
      process.removeListener('exit', stopAll);
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null) return resolve();
              const hard = setTimeout(() => c.kill('SIGKILL'), 1000);
              c.once('exit', () => {
                clearTimeout(hard);
                resolve();
              });
              c.kill('SIGTERM');
            }),
        ),
      );
      rmSync(root, { recursive: true, force: true });
    },
  };
}
