// One call declares a route: its OpenAPI operation and its Express handler are
// built from the same spec, so the document cannot drift from what is
// validated. Every route states who may call it (`roles`).
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError, type ErrorCode } from '../../domain/errors';
import type { RoleName } from '../../domain/roles';
import { authenticate } from '../auth/authenticate';
import { assertAccess, requireRole, type RouteAccess } from '../auth/guard';
import type { AppDeps } from '../deps';
import { runIdempotent, type IdempotencyMode } from './idempotency';
import { parseRequest } from './validate';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type ObjectSchema = z.ZodObject | z.ZodPipe<z.ZodObject, z.ZodType>;

export interface RouteResponse<R extends z.ZodType = z.ZodType> {
  /** Default 200. */
  status?: number;
  description?: string;
  schema: R;
  /** Default application/json; a non-JSON route writes `ctx.res` itself and returns undefined. */
  contentType?: string;
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The caller; reading it on a `public` route throws UNAUTHENTICATED. */
  actor: Actor;
  deps: AppDeps;
  requestId: string;
  req: Request;
  res: Response;
  /**
   * Scope check for the unit the request acts on: throws FORBIDDEN_ROLE /
   * FORBIDDEN_SCOPE unless the caller holds one of `roles` (default: the
   * route's roles) on that unit or an ancestor.
   */
  authorize(unitPath: string, roles?: readonly RoleName[]): void;
}

const REPLY = Symbol('reply');

export interface HttpReply<T = unknown> {
  [REPLY]: true;
  status: number;
  body: T;
  headers?: Record<string, string>;
}

/** Return this from a handler to choose the status or headers (e.g. 202 + Location). */
export function reply<T>(status: number, body: T, headers?: Record<string, string>): HttpReply<T> {
  return { [REPLY]: true, status, body, headers };
}

function isReply(value: unknown): value is HttpReply {
  return typeof value === 'object' && value !== null && REPLY in value;
}

export interface RouteSpec<
  P extends ObjectSchema | undefined,
  Q extends ObjectSchema | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType,
> {
  method: HttpMethod;
  /** Express syntax, e.g. "/api/tasks/:id/claim"; the document shows "/api/tasks/{id}/claim". */
  path: string;
  summary: string;
  description?: string;
  /** OpenAPI tags; the route module's tag is used when absent. */
  tags?: string[];
  /** 'public' (no token), 'authenticated' (any logged-in person), or the roles of which the caller must hold one somewhere. */
  roles: RouteAccess;
  request?: { params?: P; query?: Q; body?: B };
  response: RouteResponse<R>;
  /** Error codes this route can answer with, listed in the document (auth and validation codes are added automatically). */
  errors?: ErrorCode[];
  /** Idempotency-Key handling; default 'optional' for authenticated POSTs, 'off' otherwise. */
  idempotency?: IdempotencyMode;
  /**
   * The route changes what `authenticate` loads (a grant, a person's
   * activity, a login session): once it has run, this process forgets the
   * sessions it remembers for reads (auth/auth-cache.ts). Default false.
   */
  changesAccess?: boolean;
  handler: (
    ctx: RouteContext<Out<P>, Out<Q>, Out<B>>,
  ) => Promise<z.input<R> | HttpReply<z.input<R>> | undefined> | z.input<R> | HttpReply<z.input<R>> | undefined;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A declared route: data for the OpenAPI registry plus a way to build its Express handlers. */
export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  openapiPath: string;
  summary: string;
  description?: string;
  tags?: string[];
  roles: RouteAccess;
  request?: { params?: ObjectSchema; query?: ObjectSchema; body?: z.ZodType };
  response: RouteResponse;
  errors: ErrorCode[];
  idempotency: IdempotencyMode;
  changesAccess: boolean;
  build(deps: AppDeps): RequestHandler[];
}

/** A group of routes, one per area, listed in api/routes.ts. */
export interface RouteModule {
  name: string;
  /** OpenAPI tag for routes that name none. */
  tag: string;
  description?: string;
  routes: RouteDefinition[];
}

export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

function automaticErrors(spec: { roles: RouteAccess; request?: object; idempotency: IdempotencyMode }): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (spec.request && Object.keys(spec.request).length > 0) codes.push('VALIDATION_FAILED');
  if (spec.roles !== 'public') codes.push('UNAUTHENTICATED', 'TOKEN_EXPIRED');
  if (Array.isArray(spec.roles)) codes.push('FORBIDDEN_ROLE');
  if (spec.idempotency !== 'off') codes.push('IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_PROGRESS');
  return codes;
}

export function defineRoute<
  P extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(spec: RouteSpec<P, Q, B, R>): RouteDefinition {
  const idempotency: IdempotencyMode = spec.idempotency ?? (spec.method === 'post' && spec.roles !== 'public' ? 'optional' : 'off');
  if (idempotency !== 'off' && spec.roles === 'public') {
    throw new Error(`${spec.method.toUpperCase()} ${spec.path}: idempotency needs an authenticated route (keys are per person).`);
  }
  const routeRoles: readonly RoleName[] | null = Array.isArray(spec.roles) ? (spec.roles as readonly RoleName[]) : null;
  const errors = [...new Set([...automaticErrors({ ...spec, idempotency }), ...(spec.errors ?? [])])];

  return {
    method: spec.method,
    path: spec.path,
    openapiPath: toOpenApiPath(spec.path),
    summary: spec.summary,
    description: spec.description,
    tags: spec.tags,
    roles: spec.roles,
    request: spec.request as RouteDefinition['request'],
    response: spec.response,
    errors,
    idempotency,
    changesAccess: spec.changesAccess ?? false,
    build(deps) {
      const handlers: RequestHandler[] = [];
      if (spec.roles !== 'public') handlers.push(authenticate(deps), requireRole(spec.roles));
      handlers.push(async (req, res) => {
        const parsed = parseRequest(spec.request ?? {}, { params: req.params, query: req.query, body: req.body });
        const actor = req.actor;
        // Forgotten whatever the outcome: a refused refresh may have ended a session before refusing.
        const handle = spec.changesAccess
          ? async () => {
              try {
                return await spec.handler(ctx);
              } finally {
                deps.authCache?.forgetSessions();
              }
            }
          : () => spec.handler(ctx);
        const ctx: RouteContext<Out<P>, Out<Q>, Out<B>> = {
          params: parsed.params as Out<P>,
          query: parsed.query as Out<Q>,
          body: parsed.body as Out<B>,
          get actor(): Actor {
            if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录。');
            return actor;
          },
          deps,
          requestId: String(req.id),
          req,
          res,
          authorize(unitPath, roles) {
            const needed = roles ?? routeRoles;
            if (!needed) throw new Error(`${spec.path}: authorize() needs roles on a route without a role list.`);
            if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录。');
            assertAccess(actor, needed, unitPath);
          },
        };

        const execute = async (): Promise<{ status: number; body: unknown; headers?: Record<string, string> } | null> => {
          const result = await handle();
          if (result === undefined && res.headersSent) return null;
          if (isReply(result)) return { status: result.status, body: result.body, headers: result.headers };
          return { status: spec.response.status ?? 200, body: result ?? null };
        };

        const outcome =
          idempotency === 'off' || !actor
            ? await execute()
            : await runIdempotent({ deps, req, actor, mode: idempotency, body: parsed.body, execute });
        if (!outcome || res.headersSent) return;
        if (outcome.headers) res.set(outcome.headers);
        if (outcome.status === 204) res.status(204).end();
        else res.status(outcome.status).json(outcome.body);
      });
      return handlers;
    },
  };
}
