import { RecipePool, type WorkerInput, type WorkerRunOptions, type WorkerRunOutput } from './pool.js';

let shared: RecipePool | undefined;

/**
 * The process-wide recipe pool (created on first use, size max(1, cores − 1)).
 *
 * @example
 * sharedPool().warm();
 */
export function sharedPool(): RecipePool {
  // The CLI runs one recipe: its workers load that recipe alone.
  return (shared ??= new RecipePool({ lazy: true }));
}

/**
 * Runs a registered recipe in the shared worker pool, so a long model fit never blocks the event
 * loop. Errors keep their class across the thread: RecipeInputError (→ API 400, CLI exit 1) and
 * RecipeCancelledError (the signal aborted).
 *
 * @example
 * const { params, result } = await runRecipeInWorker('lift', { units }, { variant: 'variant', metrics: ['converted'] }, {
 *   progress: (fraction, label) => console.error(fraction, label),
 *   signal: AbortSignal.timeout(60_000),
 * });
 */
export function runRecipeInWorker(
  id: string,
  inputs: Record<string, WorkerInput>,
  params: unknown,
  options: WorkerRunOptions = {},
): Promise<WorkerRunOutput> {
  return sharedPool().run(id, inputs, params, options);
}

/**
 * Terminates the shared pool's workers (at server shutdown); the next run starts a new pool.
 *
 * @example
 * await closeSharedPool();
 */
export async function closeSharedPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
