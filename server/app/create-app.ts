import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiRoutes } from './api-route.js';
import type { AppDeps } from './deps.js';
import { errorResponse } from './error-response.js';
import { datasetRoutes } from './routes/datasets.js';
import { notebookRoutes } from './routes/notebooks.js';
import { openApiRoute } from './routes/openapi.js';
import { recipeRoutes } from './routes/recipes.js';
import { securityHeaders } from './security-headers.js';
import { serveClient } from './static-client.js';

/**
 * The whole liftbook HTTP app: JSON API under /api (documented at /api/openapi.json), the built
 * client everywhere else, security headers on everything. Errors are JSON `{error}` with a
 * status; stack traces stay in the server log.
 *
 * @example
 * const { app } = createApp({ storage, runRecipe: runRecipeInWorker, describeRecipes, clientDir, uploadLimit: 100 * 2 ** 20 });
 * const res = await app.request('/api/recipes');
 */
export function createApp(deps: AppDeps): { app: Hono; api: ApiRoutes } {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.uploadLimit,
      onError: (c) => c.json({ error: `The request body is over the ${formatBytes(deps.uploadLimit)} limit. Send a smaller file, or raise the server's limit (LIFTBOOK_UPLOAD_LIMIT, in MB).` }, 413),
    }),
  );
  const api = new ApiRoutes(app);
  recipeRoutes(api, deps);
  notebookRoutes(api, deps);
  datasetRoutes(api, deps);
  openApiRoute(api);
  app.all('/api/*', (c) => c.json({ error: `There is no API route ${c.req.method} ${c.req.path}. The API is described at /api/openapi.json.` }, 404));
  serveClient(app, deps.clientDir);
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message || 'Bad request' }, error.status as ContentfulStatusCode);
    const { status, body } = errorResponse(error);
    return c.json(body, status as ContentfulStatusCode);
  });
  return { app, api };
}

function formatBytes(bytes: number): string {
  return bytes >= 2 ** 20 ? `${+(bytes / 2 ** 20).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}
