import { openLocalEngine } from '../engine/local.js';
import { openSource } from '../engine/open-source.js';
import type { SqlEngines } from './sql-engines.js';

/**
 * The engines a server runs SQL on: a fresh embedded DuckDB per request holding only the tables
 * it is given and confined (no files, no network), and the ClickHouse/Postgres sources.
 *
 * @example
 * const engine = await defaultSqlEngines.local({ 'shop/units': units });
 */
export const defaultSqlEngines: SqlEngines = {
  local: (tables) => openLocalEngine({ tables, confine: true }),
  source: async (name, url) => openSource(name, url),
};
