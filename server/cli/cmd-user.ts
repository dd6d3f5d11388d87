import { RecipeInputError } from '../../recipes/errors.js';
import { NotFoundError, StorageInputError } from '../storage/errors.js';
import { openStorage, type Storage } from '../storage/storage.js';
import type { UserRole } from '../storage/user-store.js';
import { parseCommand, UsageError } from './args.js';
import { emit } from './output.js';
import { USAGE } from './usage.js';
import { newTokenText, tokensText, usersText } from './user-text.js';

// The audit log's actor for what the CLI does: it has no signed-in user (whoever can write the
// data directory is in charge), and the log should still say the change did not come through the API.
const ACTOR = 'cli';
const DEFAULT_DATA = '.liftbook';
const COMMON = { data: { type: 'string' }, json: { type: 'boolean' } } as const;

type Subcommand = (args: string[]) => Promise<number>;
const SUBCOMMANDS: Record<string, Subcommand> = { add, list, token, tokens, revoke, disable, enable };

/**
 * `liftbook user add|list|token|tokens|revoke|disable|enable …`: manages the users and API tokens of a data
 * directory, also while `liftbook serve` runs on it (SQLite in WAL mode takes both).
 *
 * @example
 * await userCommand(['add', 'ana', '--role', 'member', '--data', './.liftbook', '--json']);
 */
export async function userCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === 'help') return help();
  if (sub === undefined || sub.startsWith('-')) throw new UsageError('which subcommand? add, list, token, tokens, revoke, disable or enable (it comes before the options)', 'user');
  const run = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!run) throw new UsageError(`unknown subcommand "${sub}": use add, list, token, tokens, revoke, disable or enable`, 'user');
  return run(rest);
}

async function add(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('user', args, { ...COMMON, role: { type: 'string', default: 'member' } }, 1);
  if (values.help) return help();
  const name = required(positionals[0], 'add', 'the new user\'s name, e.g. "liftbook user add ana"');
  const result = withStorage(values.data, (storage) =>
    // One transaction: a user is never added without its audit entry.
    storage.db.transaction(() => {
      const added = storage.users.add(name, values.role as UserRole);
      storage.audit.record(ACTOR, 'user-add', null, { user: added.user.name, role: added.user.role });
      return added;
    })(),
  );
  const { user } = result;
  return print(values.json, result, newTokenText(`Added ${user.name} (${user.role}). Their API token`, result.token));
}

async function list(args: string[]): Promise<number> {
  const { values } = parseCommand('user', args, COMMON);
  if (values.help) return help();
  const users = withStorage(values.data, (storage) => storage.users.list());
  const empty = `(no users in ${dataDirOf(values.data)} yet: add one with "liftbook user add <name>${dataFlag(values.data)}")`;
  return print(values.json, users, users.length ? usersText(users) : empty);
}

async function token(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('user', args, { ...COMMON, label: { type: 'string' } }, 1);
  if (values.help) return help();
  const name = required(positionals[0], 'token', 'whose token? e.g. "liftbook user token ana"');
  const { token: secret, record } = withStorage(values.data, (storage) =>
    storage.db.transaction(() => {
      const issued = storage.users.issueToken(name, { label: values.label });
      storage.audit.record(ACTOR, 'token-create', null, { user: name, token_id: issued.record.id, label: issued.record.label });
      return issued;
    })(),
  );
  const text = newTokenText(`New token ${record.id} ("${record.label}") for ${name}`, secret) + `\nRevoke it with "liftbook user revoke ${record.id}${dataFlag(values.data)}".`;
  return print(values.json, { ...record, token: secret }, text);
}

async function tokens(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('user', args, COMMON, 1);
  if (values.help) return help();
  const name = positionals[0];
  const found = withStorage(values.data, (storage) => {
    // An unknown name would otherwise list nothing, which reads as "has no tokens".
    if (name !== undefined && !storage.users.get(name)) {
      throw new NotFoundError(`There is no user "${name}". List the users with "liftbook user list${dataFlag(values.data)}".`);
    }
    return storage.users.tokens(name);
  });
  const empty = name === undefined ? '(no tokens)' : `(${name} has no tokens: give one with "liftbook user token ${name}${dataFlag(values.data)}")`;
  return print(values.json, found, found.length ? tokensText(found) : empty);
}

async function revoke(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('user', args, COMMON, 1);
  if (values.help) return help();
  const raw = required(positionals[0], 'revoke', 'which token? Give its id, from "liftbook user tokens"');
  if (!/^\d+$/.test(raw)) throw new UsageError(`revoke takes a token's id (the number in the "id" column of "liftbook user tokens"), got "${raw}"`, 'user');
  const id = Number(raw);
  const listIds = `List the token ids with "liftbook user tokens${dataFlag(values.data)}".`;
  const record = withStorage(values.data, (storage) =>
    storage.db.transaction(() => {
      const before = storage.users.token(id);
      if (!before) throw new NotFoundError(`There is no token with id ${id}. ${listIds}`);
      if (!storage.users.revokeToken(id)) throw new StorageInputError(`Token ${id} (${before.user_name}, "${before.label}") was already revoked at ${before.revoked_at}. ${listIds}`);
      storage.audit.record(ACTOR, 'token-revoke', null, { user: before.user_name, token_id: id, label: before.label });
      return storage.users.token(id)!;
    })(),
  );
  return print(values.json, record, `Revoked token ${id} ("${record.label}", ${record.prefix}…) of ${record.user_name}; the sessions signed in with it have ended.`);
}

async function disable(args: string[]): Promise<number> {
  return setDisabled(args, true);
}

async function enable(args: string[]): Promise<number> {
  return setDisabled(args, false);
}

// Disabling stops the user's tokens and ends their sessions at once, on a running server too.
async function setDisabled(args: string[], disabled: boolean): Promise<number> {
  const sub = disabled ? 'disable' : 'enable';
  const { values, positionals } = parseCommand('user', args, COMMON, 1);
  if (values.help) return help();
  const name = required(positionals[0], sub, `whom to ${sub}? e.g. "liftbook user ${sub} ana"`);
  const { user, changed } = withStorage(values.data, (storage) =>
    storage.db.transaction(() => {
      const changed = disabled ? storage.users.disable(name) : storage.users.enable(name);
      if (changed) storage.audit.record(ACTOR, disabled ? 'user-disable' : 'user-enable', null, { user: name });
      return { user: storage.users.get(name)!, changed };
    })(),
  );
  const text = !changed
    ? `${name} was already ${disabled ? 'disabled' : 'enabled'}.`
    : disabled
      ? `Disabled ${name}: their tokens stop working and their sessions have ended. Enable them again with "liftbook user enable ${name}${dataFlag(values.data)}".`
      : `Enabled ${name}: their tokens work again.`;
  return print(values.json, user, text);
}

function required(value: string | undefined, sub: string, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`user ${sub} needs ${what}`, 'user');
  return value;
}

// Opened per command and closed at once, so that a running server is kept waiting for the write lock only a moment.
export function withStorage<T>(dataDir: string | undefined, work: (storage: Storage) => T): T {
  const storage = openDataDir(dataDirOf(dataDir));
  try {
    return work(storage);
  } finally {
    storage.close();
  }
}

// As `serve` does: a data directory that cannot be created or written is the user's to fix.
function openDataDir(dataDir: string): Storage {
  try {
    return openStorage(dataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code || !/^(EACCES|EPERM|EROFS|ENOTDIR|EEXIST|SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_NOTADB)/.test(code)) throw error;
    throw new RecipeInputError(`Cannot use the data directory ${dataDir} (${(error as Error).message}). Choose another with --data.`);
  }
}

function dataDirOf(dataDir: string | undefined): string {
  return dataDir ?? DEFAULT_DATA;
}

// Hints name the same --data the user gave, so that pasting them acts on the same directory.
export function dataFlag(dataDir: string | undefined): string {
  if (dataDir === undefined) return '';
  return ` --data ${/^[\w./:@+-]+$/.test(dataDir) ? dataDir : `'${dataDir.replace(/'/g, `'\\''`)}'`}`;
}

export async function print(json: boolean | undefined, value: unknown, text: string): Promise<number> {
  await emit((json ? JSON.stringify(value, null, 2) : text) + '\n');
  return 0;
}

function help(): Promise<number> {
  return emit(USAGE.user + '\n').then(() => 0);
}
