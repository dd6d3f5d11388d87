import { resultToJSON } from '../../../recipes/result-json.js';
import type { ApiRoutes } from '../api-route.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../http-error.js';
import { runInputs } from '../run-inputs.js';
import { ErrorBody, RecipeDescriptor, RecipeId, RecipeResultJson, RunRequest } from '../schemas.js';
import { sseRun } from '../sse-run.js';
import { z } from 'zod';

/**
 * GET /api/recipes and POST /api/recipes/:id/run (JSON, or SSE progress with `Accept: text/event-stream`).
 *
 * @example
 * recipeRoutes(api, deps);
 */
export function recipeRoutes(api: ApiRoutes, deps: AppDeps): void {
  api.add({
    method: 'get',
    path: '/api/recipes',
    tag: 'recipes',
    summary: 'Every recipe: id, title, description, inputs with column roles, parameter JSON Schema',
    responses: { 200: { description: 'The recipes', schema: z.array(RecipeDescriptor) } },
    handler: (c) => c.json(deps.describeRecipes()),
  });

  api.add({
    method: 'post',
    path: '/api/recipes/:id/run',
    tag: 'recipes',
    summary: 'Run a recipe on inline rows or named datasets',
    params: RecipeId,
    body: RunRequest,
    headers: { Accept: 'text/event-stream to stream `progress` events, then a `result` (or `error`) event; closing the stream cancels the run' },
    responses: {
      200: {
        description: 'The RecipeResult as JSON (or the SSE stream)',
        schema: RecipeResultJson,
        alternatives: { 'text/event-stream': 'events: progress {fraction, label}; result (the JSON body); error {error, status}' },
      },
      400: { description: 'Bad parameters, inputs or columns (the message names them)', schema: ErrorBody },
      404: { description: 'No such recipe', schema: ErrorBody },
      413: { description: 'Request body over the size limit', schema: ErrorBody },
    },
    handler: async (c, { params, body }) => {
      const id = params.id;
      const recipes = deps.describeRecipes();
      const recipe = recipes.find((r) => r.id === id);
      if (!recipe) throw new HttpError(404, `There is no recipe "${id}". Known recipes: ${recipes.map((r) => r.id).join(', ')}.`);
      const inputs = await runInputs(deps.storage, body.inputs, { byFile: recipe.pushdown });
      const run = async (progress: (f: number, l?: string) => void, signal: AbortSignal) => {
        const out = await deps.runRecipe(id, inputs, body.params, { progress, signal, user: c.get('user').name });
        return resultToJSON(id, out.params, out.result, out.engine);
      };
      if ((c.req.header('accept') ?? '').includes('text/event-stream')) return sseRun(c, run);
      return c.json(await run(() => {}, c.req.raw.signal));
    },
  });
}
