import { serve, type ServerType } from '@hono/node-server';
import path from 'node:path';
import { RecipeInputError } from '../../recipes/errors.js';
import { describeRecipes } from '../../recipes/registry.js';
import { RecipePool } from '../runner/pool.js';
import { closeTableReader } from '../runner/read-in-worker.js';
import { openStorage } from '../storage/storage.js';
import { ensureClientBuilt, REPO_ROOT } from './build-client.js';
import { createApp } from './create-app.js';

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
  /** Recipe worker threads; default max(1, cores − 1). */
  workers?: number;
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

export async function startServer(options: ServerOptions = {}): Promise<{ url: string; dataDir: string; close(): Promise<void> }> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.build) await ensureClientBuilt({ log });
  const storage = openDataDir(options.dataDir ?? '.liftbook');
  const pool = new RecipePool({ size: options.workers });
  pool.warm();
  const { app } = createApp({
    storage,
    runRecipe: (id, inputs, params, runOptions) => pool.run(id, inputs, params, runOptions),
    describeRecipes,
    clientDir: path.join(REPO_ROOT, 'dist', 'client'),
    uploadLimit: options.uploadLimit ?? uploadLimitFromEnv() ?? DEFAULT_UPLOAD_LIMIT,
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
  // A first-time user should land on something that runs: point at the example notebook.
  if (storage.notebooks.get(EXAMPLE_NOTEBOOK)) log(`liftbook: example notebook at ${url}/#/notebook/${EXAMPLE_NOTEBOOK}`);
  return {
    url,
    dataDir: storage.dataDir,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open SSE streams and keep-alive sockets would otherwise hold close() forever.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await pool.close();
      await closeTableReader();
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
