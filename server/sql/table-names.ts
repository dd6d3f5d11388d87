/**
 * Which tables a query may name, so an engine is given only those: the embedded DuckDB of a
 * request gets views of just the datasets its SQL mentions (a query over `shop/units` should not
 * wait for every uploaded file to be read).
 */
import { sqlTokens } from './sql-tokens.js';

/**
 * The names a query could use as tables: its quoted names (`"shop/units"`, `"orders.csv"`) as
 * written and its bare words lower-cased. A superset — `SELECT orders FROM x` lists `orders` too.
 *
 * @example
 * namesIn('SELECT * FROM "shop/units" JOIN Orders USING (id)'); // → Set { 'select', 'shop/units', 'join', 'orders', 'using', 'id' }
 */
export function namesIn(sql: string): Set<string> {
  const names = new Set<string>();
  for (const token of sqlTokens(sql)) {
    if (token.kind === 'word') names.add(token.lower);
    else if (token.kind === 'name') names.add(token.text.slice(1, -1).split(token.text[0].repeat(2)).join(token.text[0]));
  }
  return names;
}

/**
 * The candidates a query mentions: a quoted name matches exactly, a bare word matches
 * regardless of case (as SQL folds unquoted names).
 *
 * @example
 * mentionedTables('SELECT * FROM "shop/units"', ['shop/units', 'shop/orders', 'orders']); // → ['shop/units']
 */
export function mentionedTables(sql: string, candidates: Iterable<string>): string[] {
  const names = namesIn(sql);
  return [...candidates].filter((name) => names.has(name) || names.has(name.toLowerCase()));
}
