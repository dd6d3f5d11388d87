import { defineConfig } from 'vite';

// The workbench client: built to dist/client and served by the Hono server.
export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  server: { proxy: { '/api': 'http://127.0.0.1:4100' } },
});
