import { ClickHouseEngine } from './clickhouse.js';
import { PostgresEngine } from './postgres.js';
import { parseSourceUrl } from './source-url.js';
import type { Engine } from './types.js';

/**
 * The engine for a named source URL: `clickhouse://user:pass@host:8123/db` (HTTP interface) or
 * `postgres://user:pass@host:5432/db`. Connecting is lazy: a bad host or password shows on the
 * first query, as an error naming the source and its URL minus the password.
 *
 * @example
 * const wh = openSource('wh', process.env.LIFTBOOK_SOURCE_WH!);
 * const { table } = await wh.query('SELECT count() AS n FROM units');
 */
export function openSource(name: string, url: string): Engine {
  const parsed = parseSourceUrl(name, url);
  return parsed.kind === 'clickhouse' ? new ClickHouseEngine(name, parsed) : new PostgresEngine(name, parsed);
}
