import express, { type Express } from 'express';
import helmet from 'helmet';
import type { AppDeps } from './deps';
import { createAuthCache } from './auth/auth-cache';
import { configuredAttachmentStore } from './tasks/attachment-store';
import type { RouteModule } from './http/define-route';
import { serveConsole } from './http/console-static';
import { buildOpenApiDocument, type OpenApiDocument } from './http/openapi';
import { legacyActionPaths } from './http/legacy-actions';
import { errorMiddleware, notFoundMiddleware } from './http/problem';
import { REQUEST_ID_HEADER } from './http/request-id';
import { installRequestLog } from './http/request-log';
import { ROUTE_MODULES } from './routes';

export interface CreateAppOptions {
  /** Route modules to mount. Default: every module listed in api/routes.ts. */
  modules?: readonly RouteModule[];
  /** Version shown in the OpenAPI document and /api/health. Default "0.1.0". */
  version?: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      openapi?: OpenApiDocument;
      version?: string;
    }
  }
}

/** Builds the Express app over injected dependencies; the caller listens. */
export function createApp(appDeps: AppDeps, options: CreateAppOptions = {}): Express {
  const deps: AppDeps = {
    ...appDeps,
    // One per app, as one per process: see auth/auth-cache.ts for what it keeps and how long.
    authCache: appDeps.authCache ?? createAuthCache({ ttlMs: appDeps.config.auth.cacheMs }),
    // One attachment store for the app's life (its S3 client, or its folder), not one per request.
    attachmentStore: appDeps.attachmentStore ?? configuredAttachmentStore(appDeps.config),
  };
  const modules = options.modules ?? ROUTE_MODULES;
  const version = options.version ?? '0.1.0';
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.locals.version = version;
  app.locals.openapi = buildOpenApiDocument(modules, { version });
  if (deps.metrics) app.use(deps.metrics.middleware);

  installRequestLog(app, deps.logger);
  // helmet's defaults, and images from blob: URLs: an incident's photos are fetched with the person's token (an
  // <img src> cannot send it) and shown from object URLs (console/src/components/GridPhotos.tsx).
  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:'] } } }));
  // The API's answers are personal data of the caller's scope (names, phone
  // and ID numbers in a mediation case): a clerk's shared office PC must not
  // keep them in its browser cache, nor a proxy in its. Without a cache to
  // validate against, an ETag is a hash of every body for nothing.
  app.set('etag', false);
  app.use((req, res, next) => {
    res.set('Access-Control-Expose-Headers', `${REQUEST_ID_HEADER}, Idempotent-Replayed, Retry-After`);
    if (req.path.startsWith('/api/')) res.set('Cache-Control', 'no-store');
    next();
  });
  app.use(express.json({ limit: deps.config.server.bodyLimit, strict: true }));
  app.use(legacyActionPaths);

  for (const mod of modules) {
    for (const route of mod.routes) app[route.method](route.path, ...route.build(deps));
  }

  app.use(serveConsole()); // the web console at / (console/)
  app.use(notFoundMiddleware);
  app.use(errorMiddleware);
  return app;
}
