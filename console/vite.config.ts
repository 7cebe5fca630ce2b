// Vite config of the web console (工作台). `npm run build:console` builds into
// console/dist, which the API serves at `/` (api/http/console-static.ts);
// `npm run dev:console` serves it with hot reload and proxies /api to the API
// (CONSOLE_API_URL, default http://127.0.0.1:3000).
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
    // Nothing inlined as data: URLs beyond tiny files; fonts and icons ship as files of the build.
    assetsInlineLimit: 2048,
  },
  server: {
    port: Number(process.env.CONSOLE_DEV_PORT ?? 5173),
    proxy: {
      '/api': { target: process.env.CONSOLE_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: true },
      '/admin': { target: process.env.CONSOLE_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
});
