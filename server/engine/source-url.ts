import { RecipeInputError } from '../../recipes/errors.js';

/** A parsed source URL. `shown` is the URL minus its password: the only form that may be printed. */
export interface SourceUrl {
  kind: 'clickhouse' | 'postgres';
  /** The URL as given (password included): for the driver only, never for a message. */
  url: string;
  shown: string;
  user: string;
  password: string;
  host: string;
  port: number;
  database: string;
  /** TLS: `clickhouses://` (HTTPS) or Postgres `sslmode` in the URL. */
  secure: boolean;
}

const SCHEMES: Record<string, { kind: SourceUrl['kind']; port: number; secure: boolean }> = {
  'clickhouse:': { kind: 'clickhouse', port: 8123, secure: false },
  'clickhouses:': { kind: 'clickhouse', port: 8443, secure: true },
  'postgres:': { kind: 'postgres', port: 5432, secure: false },
  'postgresql:': { kind: 'postgres', port: 5432, secure: false },
};

// `user:secret@` anywhere, for text the URL parser reads differently from what its writer meant.
const USER_PASSWORD = /([^:@/\s]*):([^@\s/]*)@/g;

/** The URL with any password replaced by `***`; text that is not a URL is cut to its scheme. */
export function redactUrl(url: string): string {
  let shown: string;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    for (const key of [...u.searchParams.keys()]) if (/pass|secret|token|key/i.test(key)) u.searchParams.set(key, '***');
    shown = u.toString();
  } catch {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0];
    shown = scheme ? `${scheme}//…` : '(not a URL)';
  }
  return shown.replace(USER_PASSWORD, '$1:***@');
}

/**
 * Reads `clickhouse://user:pass@host:port/db` (HTTP interface, port 8123 by default;
 * `clickhouses://` for HTTPS on 8443) or `postgres://…` / `postgresql://…` (port 5432).
 *
 * @example
 * parseSourceUrl('wh', 'clickhouse://reader:pw@warehouse:8123/shop').shown; // → 'clickhouse://reader:***@warehouse:8123/shop'
 */
export function parseSourceUrl(name: string, url: string): SourceUrl {
  if (name === 'local') {
    throw new RecipeInputError('The source name "local" is the embedded engine and always there; give your source another name (e.g. --source wh=clickhouse://…).');
  }
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
    throw new RecipeInputError(`The source name "${name}" is not usable; use letters, digits, "_" or "-", starting with a letter (e.g. wh).`);
  }
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RecipeInputError(`Source "${name}": ${redactUrl(url)} is not a URL; write clickhouse://user:password@host:8123/database or postgres://user:password@host:5432/database.`);
  }
  const scheme = SCHEMES[u.protocol];
  if (!scheme) {
    throw new RecipeInputError(`Source "${name}": ${redactUrl(url)} is not a supported source; liftbook connects to clickhouse://… (HTTP interface) and postgres://… URLs.`);
  }
  if (!u.hostname) throw new RecipeInputError(`Source "${name}": ${redactUrl(url)} names no host; write ${scheme.kind}://user:password@HOST:PORT/database.`);
  const port = u.port ? Number(u.port) : scheme.port;
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || (scheme.kind === 'clickhouse' ? 'default' : '');
  const sslmode = u.searchParams.get('sslmode');
  return {
    kind: scheme.kind,
    url,
    shown: redactUrl(url),
    user: decodeURIComponent(u.username) || (scheme.kind === 'clickhouse' ? 'default' : ''),
    password: decodeURIComponent(u.password),
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    database,
    secure: scheme.secure || (sslmode !== null && sslmode !== 'disable'),
  };
}
