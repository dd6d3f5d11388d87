import type { Dialect } from './dialect.js';

/**
 * Relations that several queries of a plan read, or one query reads twice (retention's distinct
 * customer × period pairs), computed once where the engine allows: as a table the embedded DuckDB
 * builds before the queries, as a materialized CTE on Postgres, and repeated inline on ClickHouse
 * 18.16 (which has no table expressions in WITH).
 */
export interface SharedRelations {
  /** What to put after FROM (then an alias) to read the shared relation `name`. */
  from(name: string): string;
  /** A query of the plan, with the CTEs of the shared relations it reads where the dialect needs them. */
  query(text: string): string;
  /** For the plan's `shared`: the tables the engine builds before the queries. */
  tables: Record<string, string> | undefined;
}

/**
 * Shares `relations` (name → SELECT) the way the dialect can. Names must not collide with the
 * inputs' names (use the plan's alias prefix).
 *
 * @example
 * const shared = sharedRelations(sql, { lb_pairs: `SELECT DISTINCT c, b FROM ${events.from}` });
 * const cells = shared.query(`SELECT count(*) FROM ${shared.from('lb_pairs')} AS x JOIN ${shared.from('lb_pairs')} AS y USING (c)`);
 * return { queries: { cells }, shared: shared.tables, consumes: ['events'] };
 */
export function sharedRelations(sql: Dialect, relations: Record<string, string>): SharedRelations {
  const names = Object.keys(relations);
  if (sql.sharing === 'inline') return { from: (name) => `(${relations[name]!})`, query: (text) => text, tables: undefined };
  if (sql.sharing === 'table') return { from: (name) => sql.ident(name), query: (text) => text, tables: { ...relations } };
  return {
    from: (name) => sql.ident(name),
    query: (text) => {
      const used = names.filter((name) => text.includes(sql.ident(name)));
      return used.length ? `WITH ${used.map((name) => `${sql.ident(name)} AS MATERIALIZED (${relations[name]!})`).join(', ')} ${text}` : text;
    },
    tables: undefined,
  };
}
