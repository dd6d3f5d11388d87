import type { ColumnTable } from 'arquero';
import { RecipeInputError } from '../../recipes/errors.js';

/**
 * Where a recipe input comes from, as the runner receives it: rows already in memory, a file the
 * embedded DuckDB reads, a bundled dataset, or a table or query of a named source.
 */
export type InputRef =
  | { table: ColumnTable }
  | { file: string }
  | { dataset: string; options?: { seed?: number; customers?: number } }
  | { source: string; table: string }
  | { source: string; query: string };

/** A source input's relation text: a table name (dotted parts quoted apart) or a subquery. */
export function sourceFrom(ref: { table: string } | { query: string }, name: string, ident: (s: string) => string): string {
  if ('query' in ref) return `(${ref.query.trim().replace(/;\s*$/, '')}) AS ${ident(name)}`;
  return ref.table.split('.').map(ident).join('.');
}

const SOURCE_PREFIX = /^([A-Za-z_][A-Za-z0-9_-]*):(.*)$/s;
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;

/**
 * Reads the text after `--input name=`: `SOURCE:table`, `SOURCE:SELECT …` (text with whitespace
 * after the colon is a query), a file path, or a bundled dataset name. A path wins when such a file
 * exists, and so does a Windows drive path (`C:\data\units.csv`), so a source named like a drive
 * letter cannot hide a file. `NAME:` with an unknown source is an error listing the known ones.
 *
 * @example
 * parseInputText('wh:units', { wh: 'clickhouse://…' }, () => false); // → { source: 'wh', table: 'units' }
 * parseInputText("wh:SELECT * FROM units WHERE day >= '2025-01-01'", { wh: '…' }, () => false); // → { source: 'wh', query: … }
 */
export function parseInputText(text: string, sources: Record<string, string>, fileExists: (path: string) => boolean): { source: string; table: string } | { source: string; query: string } | { path: string } {
  const match = SOURCE_PREFIX.exec(text);
  if (!match || WINDOWS_DRIVE.test(text) || fileExists(text)) return { path: text };
  const [, source, rest] = match as unknown as [string, string, string];
  if (!(source in sources)) {
    const known = Object.keys(sources);
    throw new RecipeInputError(
      `"${text}" names the source "${source}", which is not defined. ` +
        (known.length ? `The sources are ${known.map((k) => `"${k}"`).join(', ')}. ` : 'No sources are defined. ') +
        `Define it with --source ${source}=URL or LIFTBOOK_SOURCE_${source.toUpperCase()}=URL (clickhouse://… or postgres://…); a file path with a colon must exist.`,
    );
  }
  const body = rest.trim();
  if (body === '') throw new RecipeInputError(`"${text}": give a table or a query after "${source}:", e.g. ${source}:units.`);
  return /\s/.test(body) ? { source, query: body } : { source, table: body };
}

/**
 * The sources a command can use: `LIFTBOOK_SOURCE_<NAME>=URL` variables, then `--source NAME=URL`
 * flags (which win). Names are lower-cased from the variables.
 *
 * @example
 * sourceUrls(['wh=clickhouse://reader:pw@warehouse:8123/shop'], process.env); // → { wh: 'clickhouse://…' }
 */
export function sourceUrls(flags: string[] | undefined, env: Record<string, string | undefined> = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const m = /^LIFTBOOK_SOURCE_([A-Za-z0-9_-]+)$/.exec(key);
    if (m && value) out[m[1]!.toLowerCase()] = value;
  }
  for (const flag of flags ?? []) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new RecipeInputError(`--source needs NAME=URL, got "${flag.replace(/\/\/[^@/]*@/, '//…@')}".`);
    out[flag.slice(0, eq)] = flag.slice(eq + 1);
  }
  return out;
}
