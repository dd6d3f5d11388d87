// The body of a recipe worker thread: runs one job at a time for the pool (see pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { runRecipe, setDefaultExecutor } from '../../recipes/define-recipe.js';
import { loadRecipe, recipeIds } from '../../recipes/catalog.js';
import { RecipeInputError } from '../../recipes/errors.js';
import type { Executor, Recipe } from '../../recipes/types.js';
import { inlineExecutor } from '../engine/inline-executor.js';
import type { InputRef } from '../engine/input-ref.js';
import { refExecutor } from '../engine/ref-executor.js';
import type { ColumnTable } from 'arquero';
import { serializeError } from './error-transfer.js';
import { trainOnThread } from './train-thread.js';
import type { FromWorker, ToWorker } from './messages.js';
import { packTables, unpackTables } from './table-transfer.js';

const port = parentPort!;
// Recipes with an aggregation phase run it in the embedded DuckDB, here in the worker, off the event loop.
setDefaultExecutor(inlineExecutor);
const registryUrl: string = workerData.registry;
const controllers = new Map<number, AbortController>();
// Loading the registry (tfjs and all) takes a while, so it starts as soon as the worker does; a
// lazy worker (the CLI's) loads only the recipe each job names.
const registry: Promise<Recipe[]> | undefined = workerData.lazy ? undefined : import(registryUrl).then((m: { recipes: Recipe[] }) => m.recipes);
registry?.catch(() => {}); // reported to each job instead

async function findRecipe(id: string): Promise<Recipe> {
  const recipe = registry ? (await registry).find((r) => r.id === id) : await loadRecipe(id);
  if (!recipe) throw new RecipeInputError(`There is no recipe "${id}". Known recipes: ${(registry ? (await registry).map((r) => r.id) : recipeIds).join(', ')}.`);
  return recipe;
}

// Progress is throttled here so a tight loop cannot flood the thread boundary and the SSE stream.
const PROGRESS_INTERVAL_MS = 50;

port.on('message', (message: ToWorker) => {
  if (message.type === 'abort') controllers.get(message.jobId)?.abort();
  else void run(message);
});

async function run(job: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const controller = new AbortController();
  controllers.set(job.jobId, controller);
  try {
    const recipe = await findRecipe(job.recipe);
    const tables = unpackTables(job.inputs);
    const byRef = Object.keys(job.refs).length > 0;
    const { params, result, engine } = await runRecipe<InputRef | ColumnTable>(recipe, {
      inputs: byRef ? { ...Object.fromEntries(Object.entries(tables).map(([k, table]) => [k, { table }])), ...job.refs } : tables,
      executor: byRef ? (refExecutor(job.sources) as Executor<InputRef | ColumnTable>) : undefined,
      params: job.params,
      progress: throttledProgress(job.jobId),
      signal: controller.signal,
      train: trainOnThread,
    });
    const { packed, transfer } = packTables(result.tables);
    post({ type: 'done', jobId: job.jobId, params, result: { ...result, tables: packed }, engine }, transfer);
  } catch (error) {
    post({ type: 'error', jobId: job.jobId, error: serializeError(error) });
  } finally {
    controllers.delete(job.jobId);
  }
}

function throttledProgress(jobId: number) {
  let last = 0;
  let lastLabel: string | undefined;
  return (fraction: number, label?: string) => {
    const now = Date.now();
    if (now - last < PROGRESS_INTERVAL_MS && label === lastLabel && fraction < 1) return;
    last = now;
    lastLabel = label;
    post({ type: 'progress', jobId, fraction, label });
  };
}

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}
