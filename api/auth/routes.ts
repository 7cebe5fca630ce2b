import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { authTime, type AppDeps } from '../deps';
import { defineRoute, reply, type RouteModule } from '../http/define-route';
import { zId } from '../http/text';
import { bearerToken } from './authenticate';
import { logIn } from './log-in';
import { logOut } from './log-out';
import { LoginRateLimiter } from './login-rate-limit';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { refreshSession } from './refresh-session';
import type { SessionTokens } from './sessions';
import { verifyToken } from './tokens';
import { zLine } from '../http/text';

const ZRefreshTokenIn = z
  .enum(['body', 'cookie'])
  .default('body')
  .meta({
    description:
      'Where the refresh token is delivered: `body` (API clients; keep it out of logs) or `cookie` (the web console: an HttpOnly, SameSite=Strict cookie on /api/auth, never readable by script, and then absent from the body).',
  });

export const ZLoginRequest = z
  .object({
    username: zLine(100),
    password: z.string().min(1).max(200),
    refreshTokenIn: ZRefreshTokenIn.optional(),
  })
  .meta({ id: 'LoginRequest' });

const ZPerson = z.object({ id: z.string(), username: z.string(), displayName: z.string() });

const sessionFields = {
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().meta({ description: 'Seconds until the access token expires (TOKEN_TTL_SECONDS); renew before with POST /api/auth/refresh.' }),
  expiresAt: z.iso.datetime(),
  refreshToken: z.string().optional().meta({ description: 'Opaque, single use: each refresh returns a new one and the old one is dead; presenting a used one again ends the session. Absent when delivered as the cookie.' }),
  refreshExpiresAt: z.iso.datetime().meta({ description: 'When the refresh token expires unused (REFRESH_TOKEN_TTL_SECONDS, never past the session end).' }),
  sessionExpiresAt: z.iso.datetime().meta({ description: 'When the login session ends however often it is refreshed (SESSION_MAX_SECONDS).' }),
};

export const ZLoginResponse = z.object({ ...sessionFields, person: ZPerson }).meta({ id: 'LoginResponse' });
export const ZRefreshResponse = z.object(sessionFields).meta({ id: 'RefreshResponse' });

export const ZRefreshRequest = z
  .object({
    refreshToken: zId(200).optional().meta({ description: 'The current refresh token; omit when it travels as the cookie.' }),
  })
  .meta({ id: 'RefreshRequest' });

export const ZLogoutRequest = z
  .object({
    refreshToken: zId(200).optional().meta({ description: 'The session\'s refresh token; or send the cookie, or only the bearer token.' }),
  })
  .meta({ id: 'LogoutRequest' });

// One limiter per app instance (tests build several apps in one process).
const limiters = new WeakMap<AppDeps, LoginRateLimiter>();
function limiterFor(deps: AppDeps): LoginRateLimiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = new LoginRateLimiter({
      maxFailures: deps.config.auth.loginMaxFailures,
      windowMs: deps.config.auth.loginWindowSeconds * 1000,
      now: (deps.authNow ?? deps.now) ? () => authTime(deps).getTime() : undefined,
    });
    limiters.set(deps, limiter);
  }
  return limiter;
}

function sessionBody(tokens: SessionTokens, inBody: boolean) {
  return {
    accessToken: tokens.accessToken,
    tokenType: 'Bearer' as const,
    expiresIn: tokens.expiresIn,
    expiresAt: tokens.expiresAt.toISOString(),
    ...(inBody ? { refreshToken: tokens.refreshToken } : {}),
    refreshExpiresAt: tokens.refreshExpiresAt.toISOString(),
    sessionExpiresAt: tokens.sessionExpiresAt.toISOString(),
  };
}

export const authRoutes: RouteModule = {
  name: 'auth',
  tag: 'auth',
  description:
    'Logging in and out. A login opens a session: a short-lived access token (bearer) plus a single-use refresh token that POST /api/auth/refresh exchanges for new ones, so a person working all day is not logged out. The refresh token is delivered either in the body or as an HttpOnly cookie, never both.',
  routes: [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary: 'Log in with username and password; returns a short-lived access token and a refresh token',
      roles: 'public',
      request: { body: ZLoginRequest },
      response: { schema: ZLoginResponse, description: 'The access token and the refresh token (body or cookie).' },
      errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
      async handler({ body, deps, req, res }) {
        try {
          const now = authTime(deps);
          const result = await logIn({
            prisma: deps.prisma,
            limiter: limiterFor(deps),
            username: body.username,
            password: body.password,
            clientIp: req.ip ?? 'unknown',
            settings: deps.config.auth,
            now,
          });
          const inCookie = body.refreshTokenIn === 'cookie';
          if (inCookie) setRefreshCookie(req, res, result.refreshToken, result.refreshExpiresAt, now);
          return reply(200, { ...sessionBody(result, !inCookie), person: result.person });
        } catch (err) {
          const retryAfter = (err as { details?: { retryAfter?: number } }).details?.retryAfter;
          if (retryAfter) res.set('Retry-After', String(retryAfter));
          throw err;
        }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/refresh',
      changesAccess: true,
      summary: 'Exchange the refresh token for a new access token and a new refresh token',
      description:
        'The refresh token comes in the body or as the cookie and goes back the same way. Each is single use: the old one is dead after this call, and presenting it again ends the whole session (it was copied) — except within REFRESH_REUSE_GRACE_SECONDS while the token it was exchanged for is still unused: then the answer was lost (a reloaded tab, a dropped connection) and the exchange is made again through that successor. Two console tabs must not refresh with the same token at once.',
      roles: 'public',
      request: { body: ZRefreshRequest },
      response: { schema: ZRefreshResponse },
      errors: ['UNAUTHENTICATED'],
      async handler({ body, deps, req, res, requestId }) {
        const now = authTime(deps);
        const fromCookie = body.refreshToken === undefined ? readRefreshCookie(req) : undefined;
        const presented = body.refreshToken ?? fromCookie;
        try {
          if (!presented) throw new AppError('UNAUTHENTICATED', '请在请求体或 Cookie 中提供刷新令牌。');
          const tokens = await refreshSession({ prisma: deps.prisma, refreshToken: presented, settings: deps.config.auth, requestId, now });
          if (fromCookie) setRefreshCookie(req, res, tokens.refreshToken, tokens.refreshExpiresAt, now);
          return reply(200, sessionBody(tokens, !fromCookie));
        } catch (err) {
          if (fromCookie) clearRefreshCookie(req, res);
          throw err;
        }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      changesAccess: true,
      summary: 'End the login session: its refresh token is refused from now on, its access tokens at their next request',
      description: 'Identifies the session by the refresh token (body or cookie) or, failing that, by a valid bearer token. Always 204, also when the session had already ended.',
      roles: 'public',
      request: { body: ZLogoutRequest },
      response: { status: 204, schema: z.null(), description: 'Logged out.' },
      async handler({ body, deps, req, res }) {
        const now = authTime(deps);
        const refreshToken = body.refreshToken ?? readRefreshCookie(req);
        let sessionId: string | undefined;
        const bearer = bearerToken(req.headers.authorization);
        if (!refreshToken && bearer) {
          sessionId = await verifyToken(bearer, { secret: deps.config.auth.jwtSecret, maxTtlSeconds: deps.config.auth.tokenTtlSeconds, now }).then(
            (t) => t.sessionId,
            () => undefined,
          );
        }
        await logOut({ prisma: deps.prisma, refreshToken, sessionId, now });
        clearRefreshCookie(req, res);
        return reply(204, null);
      },
    }),
  ],
};
