import { z } from 'zod';
import { RecipeInputError, throwIfAborted } from './errors.js';
import type { EngineReport, Executor, Recipe, RecipeResult, Progress } from './types.js';
import type { ColumnTable } from 'arquero';
import { trainInThread, type Trainer } from './ml/train.js';

/**
 * Declares a recipe. The parameter schema is a zod object; it validates parameters, supplies
 * defaults and yields the JSON Schema that forms and `liftbook recipes --json` show.
 *
 * @example
 * const double = defineRecipe({
 *   id: 'double', title: 'Double', description: 'Doubles a number.', inputs: [],
 *   params: z.object({ x: z.number().default(1) }),
 *   async run({ params }) { return { metrics: { y: 2 * params.x }, tables: {}, charts: [], notes: [] }; },
 * });
 */
export function defineRecipe<S extends z.ZodType>(recipe: Recipe<S>): Recipe<S> {
  if (!/^[a-z][a-z0-9-]*$/.test(recipe.id)) throw new Error(`Recipe id "${recipe.id}" must be kebab-case.`);
  return recipe;
}

/**
 * Validates raw parameters against a recipe's schema and returns them resolved, defaults included.
 * Errors name the parameter and what it must be.
 *
 * @example
 * resolveParams(lift, { variant: 'arm' }); // → { variant: 'arm', control: undefined, alpha: 0.05, … }
 */
export function resolveParams<S extends z.ZodType>(recipe: Recipe<S>, raw: unknown): z.output<S> {
  const parsed = recipe.params.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(parameters)';
    if (issue.code === 'unrecognized_keys') {
      const known = recipe.params instanceof z.ZodObject ? Object.keys(recipe.params.shape).join(', ') : '';
      return `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')} for recipe ${recipe.id}; known parameters: ${known}`;
    }
    return `parameter "${where}": ${issue.message}`;
  });
  throw new RecipeInputError(`Invalid parameters for recipe ${recipe.id}: ${messages.join('; ')}.`);
}

/**
 * The JSON Schema of a recipe's parameters (draft 2020-12), for forms and OpenAPI.
 *
 * @example
 * paramsJsonSchema(lift).properties.alpha; // → { type: 'number', default: 0.05, … }
 */
export function paramsJsonSchema(recipe: Recipe): Record<string, unknown> {
  return z.toJSONSchema(recipe.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** What `liftbook recipes --json` and `GET /api/recipes` list for each recipe. */
export interface RecipeDescriptor {
  id: string;
  title: string;
  description: string;
  inputs: Recipe['inputs'];
  params: Record<string, unknown>;
  /** The recipe aggregates in SQL where its inputs live (its `aggregate` phase), not in memory. */
  pushdown: boolean;
}

/**
 * A recipe's descriptor: id, title, description, inputs, parameter JSON Schema and pushdown.
 *
 * @example
 * describeRecipe(lift).pushdown; // → true
 */
export function describeRecipe(r: Recipe): RecipeDescriptor {
  return { id: r.id, title: r.title, description: r.description, inputs: r.inputs, params: paramsJsonSchema(r), pushdown: Boolean(r.aggregate) };
}

/** Checks that the inputs match the recipe's declared inputs (one of each alternative group). */
export function checkInputs(recipe: Recipe, inputs: Record<string, unknown>): void {
  const declared = new Set(recipe.inputs.map((i) => i.name));
  for (const name of Object.keys(inputs)) {
    if (!declared.has(name)) {
      throw new RecipeInputError(
        `Recipe ${recipe.id} has no input named "${name}"; its inputs are ${[...declared].map((d) => `"${d}"`).join(', ')}.`,
      );
    }
  }
  const groups = new Map<string, string[]>();
  for (const input of recipe.inputs) {
    if (input.alternative) groups.set(input.alternative, [...(groups.get(input.alternative) ?? []), input.name]);
    else if (!input.optional && !(input.name in inputs)) {
      throw new RecipeInputError(`Recipe ${recipe.id} needs the input table "${input.name}" (${input.description}).`);
    }
  }
  for (const names of groups.values()) {
    const given = names.filter((n) => n in inputs);
    if (given.length === 0) {
      throw new RecipeInputError(`Recipe ${recipe.id} needs one of the input tables ${names.map((n) => `"${n}"`).join(' or ')}.`);
    }
  }
}

export interface RunOptions<I = ColumnTable> {
  inputs: Record<string, I>;
  params?: unknown;
  progress?: Progress;
  signal?: AbortSignal;
  /**
   * Gets the inputs ready for `run` (runs the recipe's `aggregate` plan). Default for tables: the
   * executor given to `setDefaultExecutor` (the server's embedded DuckDB) when the recipe has an
   * `aggregate` phase, else the tables as they are. Other inputs (files, sources) need one.
   */
  executor?: Executor<I>;
  /** Where models train (passed to `run` as `train`). Default: in the calling thread. */
  train?: Trainer;
}

let defaultExecutor: Executor | undefined;

/**
 * Sets the executor `runRecipe` uses for tables when none is given. The server, the recipe workers
 * and the test setup install the embedded DuckDB one; recipes/ itself never opens an engine.
 *
 * @example
 * setDefaultExecutor(inlineExecutor);
 */
export function setDefaultExecutor(executor: Executor | undefined): void {
  defaultExecutor = executor;
}

// While the executor works, the bar covers its share; `run` then fills the rest.
const EXECUTOR_SHARE = 0.6;

/**
 * Runs a recipe: validates inputs and parameters, has the executor run its aggregation phase (if
 * any) where the inputs live, then calls its pure `run`. Returns the resolved parameters with the
 * result, as the CLI and API both report them, and where the data was read (`engine`, null when
 * `run` got the tables as they were).
 *
 * @example
 * const { params, result } = await runRecipe(lift, { inputs: { units }, params: { variant: 'arm', metrics: ['converted'] } });
 */
export async function runRecipe<I = ColumnTable>(
  recipe: Recipe,
  options: RunOptions<I>,
): Promise<{ params: Record<string, unknown>; result: RecipeResult; engine: EngineReport | null }> {
  const signal = options.signal ?? new AbortController().signal;
  const progress = options.progress ?? (() => {});
  checkInputs(recipe, options.inputs);
  const params = resolveParams(recipe, options.params);
  throwIfAborted(signal);
  let inputs = options.inputs as Record<string, ColumnTable>;
  let engine: EngineReport | null = null;
  let runProgress = progress;
  const executor = options.executor ?? (recipe.aggregate ? (defaultExecutor as Executor<I> | undefined) : undefined);
  if (executor) {
    const ready = await executor({ recipe, params, inputs: options.inputs, signal, progress: (f, label) => progress(f * EXECUTOR_SHARE, label) });
    inputs = ready.inputs;
    engine = ready.engine;
    runProgress = (f, label) => progress(EXECUTOR_SHARE + f * (1 - EXECUTOR_SHARE), label);
  } else if (recipe.aggregate) {
    throw new Error(`Recipe ${recipe.id} aggregates with SQL and needs an engine: call setDefaultExecutor (the server's embedded DuckDB) or pass an executor.`);
  }
  throwIfAborted(signal);
  const result = await recipe.run({ inputs, params, progress: runProgress, signal, train: options.train ?? trainInThread });
  throwIfAborted(signal);
  return { params: params as Record<string, unknown>, result, engine };
}
