import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { AppDeps } from './deps';
import type { RouteModule } from './http/define-route';
import { buildOpenApiDocument, type OpenApiDocument } from './http/openapi';
import { legacyActionPaths } from './http/legacy-actions';
import { errorMiddleware, notFoundMiddleware } from './http/problem';
import { genRequestId, REQUEST_ID_HEADER } from './http/request-id';
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
export function createApp(deps: AppDeps, options: CreateAppOptions = {}): Express {
  const modules = options.modules ?? ROUTE_MODULES;
  const version = options.version ?? '0.1.0';
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.locals.version = version;
  app.locals.openapi = buildOpenApiDocument(modules, { version });

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: genRequestId,
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      // Tokens and passwords never reach the log.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    }),
  );
  app.use(helmet());
  app.use((_req, res, next) => {
    res.set('Access-Control-Expose-Headers', `${REQUEST_ID_HEADER}, Idempotent-Replayed, Retry-After`);
    next();
  });
  app.use(express.json({ limit: deps.config.server.bodyLimit, strict: true }));
  app.use(legacyActionPaths);

  for (const mod of modules) {
    for (const route of mod.routes) app[route.method](route.path, ...route.build(deps));
  }

  app.use(notFoundMiddleware);
  app.use(errorMiddleware);
  return app;
}
