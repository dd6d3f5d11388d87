// Which database servers the engine tests can start here. A test that needs one skips, loudly,
// only when the server is not installed (`.ci/run` installs both); a server that is installed
// but fails to start fails the test.
import { clickhouseBinary } from './clickhouse-cluster.js';
import { postgresBinDir } from './postgres-server.js';

export const clickhouseInstalled = clickhouseBinary() !== null;
export const postgresInstalled = postgresBinDir() !== null;

function warn(what: string, install: string) {
  const line = '!'.repeat(78);
  console.warn(`\n${line}\n!! ${what} is not installed: its engine tests are SKIPPED.\n!! Install it (${install}) or run .ci/run, which does.\n${line}\n`);
}

if (!clickhouseInstalled) warn('ClickHouse', 'apt-get install clickhouse-server');
if (!postgresInstalled) warn('Postgres', 'apt-get install postgresql');
