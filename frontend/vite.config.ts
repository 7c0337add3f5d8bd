import { fileURLToPath, URL } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API runs on :8000 (`make run`); the dev server proxies /api to it so the SPA, its
// cookies and its requests share one origin, exactly as in production.
const API_TARGET = process.env.PRSS_API_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
    },
  },
  build: {
    // scripts/report-bundle.mjs reads dist/.vite/manifest.json to size the initial JS.
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
});
