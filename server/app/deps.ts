import type { RecipeDescriptor } from '../../recipes/registry.js';
import type { SignInLimiter } from '../auth/sign-in-limiter.js';
import type { WorkerInput, WorkerRunOptions, WorkerRunOutput } from '../runner/pool.js';
import type { SqlLimits } from '../sql/run-sql.js';
import type { SqlEngines } from '../sql/sql-engines.js';
import type { Storage } from '../storage/storage.js';

/** Runs a recipe by id (normally in the worker pool: runRecipeInWorker). */
export type RunRecipe = (id: string, inputs: Record<string, WorkerInput>, params: unknown, options: WorkerRunOptions) => Promise<WorkerRunOutput>;

/** What the app is built from; tests swap in their own storage, runner and recipe list. */
export interface AppDeps {
  storage: Storage;
  runRecipe: RunRecipe;
  describeRecipes: () => RecipeDescriptor[];
  /** The built client (dist/client); it may not exist yet, the API works regardless. */
  clientDir: string;
  /** Largest uploaded file in bytes (and JSON body with inline rows); 413 above it. */
  uploadLimit: number;
  /** Largest notebook save or create body in bytes (default DEFAULT_NOTEBOOK_LIMIT, 5 MB); 413 above it. */
  notebookLimit?: number;
  /** Socket addresses of reverse proxies whose X-Forwarded-For names the client (for the sign-in limiter). */
  trustedProxies?: string[];
  /** Failed sign-ins per client address; shared by the token and cookie paths. */
  signInLimiter: SignInLimiter;
  /** Opens engines for SQL cells and sources (default: the embedded DuckDB, ClickHouse, Postgres). */
  sqlEngines?: SqlEngines;
  /** Per-request caps of `POST /api/sql`: rows, time, bytes (default DEFAULT_SQL_LIMITS). */
  sqlLimits?: SqlLimits;
}

/** Largest notebook body by default: notebooks are text; data belongs in datasets. */
export const DEFAULT_NOTEBOOK_LIMIT = 5 * 2 ** 20;

/** Room for the multipart envelope (boundaries, headers, the name field) around an upload of exactly the limit. */
export const ENVELOPE_BYTES = 64 * 1024;

/** The deps with the SQL defaults filled in, as the source and SQL routes get them. */
export type SqlDeps = AppDeps & Required<Pick<AppDeps, 'sqlEngines' | 'sqlLimits'>>;
