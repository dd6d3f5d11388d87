import type { ColumnTable } from 'arquero';
import type { RecipeDescriptor } from '../../recipes/registry.js';
import type { SignInLimiter } from '../auth/sign-in-limiter.js';
import type { WorkerRunOptions, WorkerRunOutput } from '../runner/pool.js';
import type { Storage } from '../storage/storage.js';

/** Runs a recipe by id (normally in the worker pool: runRecipeInWorker). */
export type RunRecipe = (id: string, inputs: Record<string, ColumnTable>, params: unknown, options: WorkerRunOptions) => Promise<WorkerRunOutput>;

/** What the app is built from; tests swap in their own storage, runner and recipe list. */
export interface AppDeps {
  storage: Storage;
  runRecipe: RunRecipe;
  describeRecipes: () => RecipeDescriptor[];
  /** The built client (dist/client); it may not exist yet, the API works regardless. */
  clientDir: string;
  /** Largest request body in bytes (uploads, inline rows); 413 above it. */
  uploadLimit: number;
  /** Failed sign-ins per client address; shared by the token and cookie paths. */
  signInLimiter: SignInLimiter;
}
