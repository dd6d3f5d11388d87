import { RecipeInputError } from '../../recipes/errors.js';
import { openSource } from '../engine/open-source.js';
import { redactUrl } from '../engine/source-url.js';
import { runSql } from '../sql/run-sql.js';
import { NotFoundError } from '../storage/errors.js';
import type { SourceRecord } from '../storage/source-store.js';
import { parseCommand, UsageError } from './args.js';
import { dataFlag, print, withStorage } from './cmd-user.js';
import { emit } from './output.js';
import { USAGE } from './usage.js';

// The audit log's actor for what the CLI does (as `liftbook user`).
const ACTOR = 'cli';
const COMMON = { data: { type: 'string' }, json: { type: 'boolean' } } as const;

type Subcommand = (args: string[]) => Promise<number>;
const SUBCOMMANDS: Record<string, Subcommand> = { add, list, remove, test };

/**
 * `liftbook source add|list|remove|test …`: the named ClickHouse/Postgres sources of a server's
 * data directory, which SQL cells in the workbench query. The URL (password included) is kept in
 * the data directory; nothing prints it but with the password hidden.
 *
 * @example
 * await sourceCommand(['add', 'wh', 'clickhouse://reader:pw@ch:8123/shop', '--data', './.liftbook']);
 */
export async function sourceCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === 'help') return help();
  if (sub === undefined || sub.startsWith('-')) throw new UsageError('which subcommand? add, list, remove or test (it comes before the options)', 'source');
  const run = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!run) throw new UsageError(`unknown subcommand "${sub}": use add, list, remove or test`, 'source');
  return run(rest);
}

const shown = (s: SourceRecord) => ({ name: s.name, kind: s.kind, url: redactUrl(s.url), added_by: s.added_by, created_at: s.created_at });

async function add(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('source', args, { ...COMMON, replace: { type: 'boolean' }, test: { type: 'boolean' } }, 2);
  if (values.help) return help();
  const name = positionals[0];
  if (!name) throw new UsageError('source add needs a name and a URL, e.g. "liftbook source add wh clickhouse://reader:pw@host:8123/shop"', 'source');
  // The URL may come from the environment, so that its password stays out of the shell history.
  const variable = `LIFTBOOK_SOURCE_${name.toUpperCase()}`;
  const url = positionals[1] ?? process.env[variable];
  if (!url) throw new UsageError(`source add ${name} needs the URL: give it after the name, or set ${variable}=URL and leave it out`, 'source');
  if (values.test) await check(name, url);
  const record = withStorage(values.data, (storage) =>
    storage.db.transaction(() => {
      const added = storage.sources.add({ name, url, addedBy: ACTOR, replace: values.replace });
      storage.audit.record(ACTOR, 'source-add', null, { source: added.name, kind: added.kind });
      return added;
    })(),
  );
  return print(values.json, shown(record), `Added source ${record.name} (${record.kind}, ${redactUrl(record.url)}). SQL cells query it with \`\`\`sql id=… source=${record.name}.`);
}

async function list(args: string[]): Promise<number> {
  const { values } = parseCommand('source', args, COMMON);
  if (values.help) return help();
  const sources = withStorage(values.data, (storage) => storage.sources.list());
  const lines = sources.map((s) => `${s.name.padEnd(16)} ${s.kind.padEnd(10)} ${redactUrl(s.url)}`);
  const empty = `(no sources yet: add one with "liftbook source add <name> <url>${dataFlag(values.data)}"; "local", the embedded engine, is always there)`;
  return print(values.json, sources.map(shown), sources.length ? lines.join('\n') : empty);
}

async function remove(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('source', args, COMMON, 1);
  if (values.help) return help();
  const name = positionals[0];
  if (!name) throw new UsageError('source remove needs the source\'s name, e.g. "liftbook source remove wh"', 'source');
  withStorage(values.data, (storage) =>
    storage.db.transaction(() => {
      if (!storage.sources.remove(name)) throw new NotFoundError(`There is no source "${name}". List them with "liftbook source list${dataFlag(values.data)}".`);
      storage.audit.record(ACTOR, 'source-remove', null, { source: name });
    })(),
  );
  return print(values.json, { removed: name }, `Removed source ${name}; notebooks that query it now fail with its name.`);
}

async function test(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('source', args, COMMON, 1);
  if (values.help) return help();
  const name = positionals[0];
  if (!name) throw new UsageError('source test needs the source\'s name, e.g. "liftbook source test wh"', 'source');
  const record = withStorage(values.data, (storage) => storage.sources.get(name));
  if (!record) throw new NotFoundError(`There is no source "${name}". List them with "liftbook source list${dataFlag(values.data)}".`);
  const ms = await check(record.name, record.url);
  return print(values.json, { name, kind: record.kind, ok: true, ms }, `Source ${name} (${record.kind}) answered in ${Math.round(ms)} ms.`);
}

/** Connects and runs SELECT 1; the engine's error (URL without its password) when that fails. */
async function check(name: string, url: string): Promise<number> {
  const engine = openSource(name, url);
  const start = performance.now();
  try {
    await runSql(engine, 'SELECT 1 AS ok', []);
    return performance.now() - start;
  } catch (error) {
    throw new RecipeInputError((error as Error).message);
  } finally {
    await engine.close().catch(() => {});
  }
}

function help(): Promise<number> {
  return emit(USAGE.source + '\n').then(() => 0);
}
