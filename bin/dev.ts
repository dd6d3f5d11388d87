// `npm run dev`: the API server plus Vite's dev server (hot reload) in one process. Vite serves the
// client from client/ and proxies /api to the API server, so the sign-in link is printed with
// Vite's address: open it and edits to client/src show without a build.
import { createServer } from 'vite';
import { DEFAULT_PORT, startServer } from '../server/app/start.js';

const apiPort = Number(process.env.PORT ?? DEFAULT_PORT);
const api = await startServer({ port: apiPort, log: () => {} });
const vite = await createServer({
  configFile: new URL('../vite.config.ts', import.meta.url).pathname,
  server: { proxy: { '/api': `http://127.0.0.1:${apiPort}` } },
});
await vite.listen();
const devUrl = vite.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? 'http://localhost:5173';
console.log(`liftbook dev: client at ${devUrl} (hot reload), API at ${api.url} (data in ${api.dataDir})`);
if (api.signInUrl) console.log(`liftbook dev: sign in: ${api.signInUrl.replace(api.url, devUrl)}`);

const stop = async () => {
  await vite.close();
  await api.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
