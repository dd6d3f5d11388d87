import { defineConfig } from 'vite';
import { precompress } from './server/app/precompress.js';

// The workbench client: built to dist/client and served by the Hono server.
// Workers are ES modules so the sandbox and Monaco's workers can share code-split chunks; the
// sandbox keeps "sandbox" in its file name, which the server's CSP (connect-src 'none') matches.
// Every text file is also written as .br and .gz, which the server sends to browsers that accept them.
export default defineConfig({
  root: 'client',
  plugins: [precompress()],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:4100' } },
});
