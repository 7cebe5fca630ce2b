// The API's public surface: build the app, declare routes, check access.
export { createApp } from './app';
export type { CreateAppOptions } from './app';
export type { AppDeps, RedisPing } from './deps';
export { ROUTE_MODULES } from './routes';

export { defineRoute, reply, toOpenApiPath } from './http/define-route';
export type { RouteContext, RouteDefinition, RouteModule, RouteSpec, HttpReply, HttpMethod } from './http/define-route';
export { parsePart, parseRequest } from './http/validate';
export type { FieldError } from './http/validate';
export { errorMiddleware, problemFromError, toProblem, sendProblem, PROBLEM_CONTENT_TYPE } from './http/problem';
export type { Problem } from './http/problem';
export { handleClientErrors } from './http/client-error';
export { createHttpMetrics, type HttpMetrics } from './http/metrics';
export { buildOpenApiDocument, ZProblem } from './http/openapi';
export { IDEMPOTENCY_HEADER, purgeIdempotencyRecords } from './http/idempotency';
export { holdInstanceLease } from './http/instance-lease';
export type { IdempotencyMode } from './http/idempotency';

export { issueToken, verifyToken } from './auth/tokens';
export type { VerifiedToken } from './auth/tokens';
export { revokeSessions } from './auth/revoke-sessions';
export { purgeSessions } from './auth/purge-sessions';
export { REFRESH_COOKIE } from './auth/refresh-cookie';
export { resolveActor } from './auth/resolve-actor';
export { authenticate } from './auth/authenticate';
export { requireRole, assertAccess, scopePaths, canReadUnit, readScopeFilter } from './auth/guard';
export type { RouteAccess } from './auth/guard';
