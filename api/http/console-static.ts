// Serves the web console (console/dist, built by `npm run build:console`) at
// `/`: hashed files under /assets/ cached for a year (immutable), index.html
// never cached, and every other GET that asks for HTML outside /api and
// /admin answered with index.html (the console's router takes over: history
// fallback). helmet's CSP of the app applies unchanged: the build loads
// nothing from other origins.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler, type Router } from 'express';

// From the source (api/http/) or from the compiled bundle (dist/api.js), which
// sit at different depths below the project root.
export const DEFAULT_CONSOLE_DIST_DIR = [new URL('../../console/dist', import.meta.url), new URL('../console/dist', import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(join(dir, '..', 'vite.config.ts'))) ?? fileURLToPath(new URL('../../console/dist', import.meta.url));

const YEAR_S = 365 * 24 * 3600;

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>社区治理工作台</title></head>
<body><h1>工作台尚未构建</h1><p>请在项目目录运行 <code>npm run build:console</code> 后刷新本页。接口文档见 <a href="/api/docs">/api/docs</a>。</p></body></html>`;

function isConsolePath(path: string): boolean {
  return !(path === '/api' || path.startsWith('/api/') || path === '/admin' || path.startsWith('/admin/'));
}

/** Express middleware serving the console build in `distDir` (default console/dist). */
export function serveConsole(distDir: string = DEFAULT_CONSOLE_DIST_DIR): Router {
  const router = express.Router();
  router.use(
    '/assets',
    express.static(join(distDir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: YEAR_S * 1000,
    }),
  );
  router.use(
    express.static(distDir, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=3600'),
    }),
  );
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isConsolePath(req.path) || req.path.startsWith('/assets/') || !req.accepts('html')) return next();
    const index = join(distDir, 'index.html');
    res.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(index)) {
      res.status(503).type('html').send(NOT_BUILT_PAGE);
      return;
    }
    res.sendFile(index);
  };
  router.use(fallback);
  return router;
}
