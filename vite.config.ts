import { defineConfig } from 'vite';

// The workbench client: built to dist/client and served by the Hono server.
// Workers are ES modules so the sandbox and Monaco's workers can share code-split chunks; the
// sandbox keeps "sandbox" in its file name, which the server's CSP (connect-src 'none') matches.
export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:4100' } },
});
