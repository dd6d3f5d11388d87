import { serve, type ServerType } from '@hono/node-server';
import path from 'node:path';
import { RecipeInputError } from '../../recipes/errors.js';
import { describeRecipes } from '../../recipes/registry.js';
import { SignInLimiter } from '../auth/sign-in-limiter.js';
import { RecipePool } from '../runner/pool.js';
import { closeDiffThread } from '../runner/diff-in-worker.js';
import { closeTableReader } from '../runner/read-in-worker.js';
import { openStorage } from '../storage/storage.js';
import { ensureClientBuilt, REPO_ROOT } from './build-client.js';
import { sqlLimitsFromEnv } from '../sql/run-sql.js';
import { createApp } from './create-app.js';
import { DEFAULT_NOTEBOOK_LIMIT } from './deps.js';
import { revokeEarlierLinks, signInToken } from './sign-in-token.js';

export interface ServerOptions {
  /** Default 4100; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (this machine only); 0.0.0.0 to share on a network. */
  host?: string;
  /** Where the database and uploaded files live; default ./.liftbook. */
  dataDir?: string;
  /** Build the client first when dist/client is missing or stale. */
  build?: boolean;
  /** Largest upload in bytes; default LIFTBOOK_UPLOAD_LIMIT (MB) from the environment, else 100 MB. */
  uploadLimit?: number;
  /** Largest notebook body in bytes; default 5 MB. */
  notebookLimit?: number;
  /** Recipe worker threads; default max(2, cores − 1). */
  workers?: number;
  /** Addresses of reverse proxies whose X-Forwarded-For names the client (for the sign-in limiter). */
  trustedProxies?: string[];
  /** Print no sign-in link (a team server whose admins sign in with their own tokens). */
  signInLink?: boolean;
  /** Keep the tokens of links printed by earlier starts (by default they are revoked on start). */
  keepLinks?: boolean;
  /** Where start-up lines go; default stdout. */
  log?: (line: string) => void;
}

export const DEFAULT_PORT = 4100;
export const DEFAULT_UPLOAD_LIMIT = 100 * 2 ** 20;

/**
 * Starts the liftbook server: opens (or creates) the data directory, starts the recipe workers,
 * optionally builds the client, listens, and prints the URL.
 *
 * @example
 * const server = await startServer({ port: 4100, dataDir: './.liftbook', build: true });
 * // … later
 * await server.close();
 */
const EXAMPLE_NOTEBOOK = 'did-personalization-work';

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Opens the workbench signed in as the admin (the token is in the fragment, never sent in a request line); none with signInLink: false. */
  signInUrl?: string;
  /** The sign-in link's token (an admin's, valid for a week). */
  token?: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.build) await ensureClientBuilt({ log });
  // Read before anything opens, so a bad setting stops the start cleanly.
  const sqlLimits = sqlLimitsFromEnv(process.env);
  const storage = openDataDir(options.dataDir ?? '.liftbook');
  const pool = new RecipePool({ size: options.workers });
  pool.warm();
  const { app } = createApp({
    storage,
    runRecipe: (id, inputs, params, runOptions) => pool.run(id, inputs, params, runOptions),
    describeRecipes,
    clientDir: path.join(REPO_ROOT, 'dist', 'client'),
    uploadLimit: options.uploadLimit ?? uploadLimitFromEnv() ?? DEFAULT_UPLOAD_LIMIT,
    notebookLimit: options.notebookLimit ?? DEFAULT_NOTEBOOK_LIMIT,
    signInLimiter: new SignInLimiter(),
    trustedProxies: options.trustedProxies ?? [],
    sqlLimits,
  });
  const host = options.host ?? '127.0.0.1';
  let server: ServerType;
  try {
    server = await listen(app.fetch, options.port ?? DEFAULT_PORT, host);
  } catch (error) {
    await pool.close();
    storage.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log(`liftbook: workbench at ${url}  (data in ${storage.dataDir})`);
  const revoked = options.keepLinks ? 0 : revokeEarlierLinks(storage);
  if (revoked) log(`liftbook: revoked ${revoked} sign-in link token${revoked === 1 ? '' : 's'} printed by earlier starts (keep them with --keep-links)`);
  let token: string | undefined;
  let signInUrl: string | undefined;
  if (options.signInLink !== false) {
    const link = signInToken(storage);
    token = link.token;
    // A first-time user should land on something that runs: the link opens the example notebook.
    const next = storage.notebooks.get(EXAMPLE_NOTEBOOK) ? `&next=${encodeURIComponent(`/notebook/${EXAMPLE_NOTEBOOK}`)}` : '';
    signInUrl = `${url}/#/signin?token=${token}${next}`;
    if (link.created) log(`liftbook: created the admin user "${link.admin}" (add teammates with: liftbook user add <name> --data ${storage.dataDir})`);
    log(`liftbook: sign in as ${link.admin} (link valid for 7 days): ${signInUrl}`);
  } else if (!storage.users.list().some((u) => u.role === 'admin' && !u.disabled_at)) {
    log(`liftbook: no admin yet: add one with "liftbook user add <name> --role admin --data ${storage.dataDir}" and sign in with the token it prints`);
  }
  return {
    url,
    dataDir: storage.dataDir,
    signInUrl,
    token,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open SSE streams and keep-alive sockets would otherwise hold close() forever.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await pool.close();
      await closeTableReader();
      await closeDiffThread();
      storage.close();
    },
  };
}

// A data directory that cannot be created or written is the user's to fix (another --data).
function openDataDir(dataDir: string): ReturnType<typeof openStorage> {
  try {
    return openStorage(dataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code || !/^(EACCES|EPERM|EROFS|ENOTDIR|EEXIST|SQLITE_CANTOPEN|SQLITE_READONLY)/.test(code)) throw error;
    throw new RecipeInputError(`Cannot use the data directory ${dataDir} (${(error as Error).message}). Choose another with --data.`);
  }
}

function uploadLimitFromEnv(): number | undefined {
  const raw = process.env.LIFTBOOK_UPLOAD_LIMIT;
  if (raw === undefined || raw === '') return undefined;
  const mb = Number(raw);
  if (!(mb > 0)) throw new Error(`LIFTBOOK_UPLOAD_LIMIT must be a positive number of megabytes, got "${raw}".`);
  return Math.round(mb * 2 ** 20);
}

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname });
    keepConnectionsOpen(server);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? // A user-fixable setting, so the CLI reports it plainly and exits 1.
            new RecipeInputError(`Port ${port} on ${hostname} is already in use: stop the other server or choose another port (--port).`)
          : error,
      );
    });
  });
}

/**
 * Idle keep-alive connections stay open 65 s (Node's default is 5 s): a client or reverse proxy
 * that reuses a connection just as the server drops it sees its request fail, which on a busy
 * server (timers late) happens to ordinary requests. 65 s outlasts common proxies' idle timeouts.
 *
 * @example
 * keepConnectionsOpen(server);
 */
export function keepConnectionsOpen(server: ServerType): void {
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
}
