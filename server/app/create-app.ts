import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { authenticate } from '../auth/authenticate.js';
import { defaultSqlEngines } from '../sql/default-engines.js';
import { DEFAULT_SQL_LIMITS } from '../sql/run-sql.js';
import { compressApi } from './compress-api.js';
import { ApiRoutes } from './api-route.js';
import { ENVELOPE_BYTES, type AppDeps } from './deps.js';
import { errorResponse } from './error-response.js';
import { formatBytes } from './format-bytes.js';
import { auditRoutes } from './routes/audit.js';
import { datasetRoutes } from './routes/datasets.js';
import { historyRoutes } from './routes/history.js';
import { notebookRoutes } from './routes/notebooks.js';
import { openApiRoute } from './routes/openapi.js';
import { recipeRoutes } from './routes/recipes.js';
import { sessionRoutes } from './routes/session.js';
import { sharingRoutes } from './routes/sharing.js';
import { sourceRoutes } from './routes/sources.js';
import { sqlRoutes } from './routes/sql.js';
import { trashRoutes } from './routes/trash.js';
import { userRoutes } from './routes/users.js';
import { securityHeaders } from './security-headers.js';
import { serveClient } from './static-client.js';

/**
 * The whole liftbook HTTP app: JSON API under /api (documented at /api/openapi.json; every route
 * but that and signing in needs a signed-in user), the built client everywhere else, security
 * headers on everything. Errors are JSON `{error}` with a status; stack traces stay in the server log.
 *
 * @example
 * const { app } = createApp({ storage, runRecipe: runRecipeInWorker, describeRecipes, clientDir, uploadLimit: 100 * 2 ** 20, signInLimiter: new SignInLimiter() });
 * const res = await app.request('/api/recipes');
 */
export function createApp(deps: AppDeps): { app: Hono; api: ApiRoutes } {
  const app = new Hono();
  app.use('*', securityHeaders());
  // Large JSON and Arrow answers go out gzipped to browsers that accept it (a dataset's rows
  // shrink ~4×); SSE streams are left alone so each event arrives when sent.
  app.use('/api/*', compressApi());
  const api = new ApiRoutes(app, deps.uploadLimit);
  // Before the body limit: a stranger's upload is refused without reading it.
  app.use('/api/*', authenticate(deps.storage, deps.signInLimiter, (method, path) => api.isPublic(method, path), deps.trustedProxies));
  // The limit is on the file (checked by the upload route); the request may carry the multipart envelope besides.
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.uploadLimit + ENVELOPE_BYTES,
      onError: (c) => c.json({ error: `The request body is over the ${formatBytes(deps.uploadLimit)} limit. Send a smaller file, or raise the server's limit (LIFTBOOK_UPLOAD_LIMIT, in MB).` }, 413),
    }),
  );
  sessionRoutes(api, deps);
  userRoutes(api, deps);
  recipeRoutes(api, deps);
  notebookRoutes(api, deps);
  sharingRoutes(api, deps);
  historyRoutes(api, deps);
  trashRoutes(api, deps);
  auditRoutes(api, deps);
  datasetRoutes(api, deps);
  const sqlDeps = { ...deps, sqlEngines: deps.sqlEngines ?? defaultSqlEngines, sqlLimits: deps.sqlLimits ?? DEFAULT_SQL_LIMITS };
  sourceRoutes(api, sqlDeps);
  sqlRoutes(api, sqlDeps);
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
