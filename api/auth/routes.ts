import { z } from 'zod';
import type { AppDeps } from '../deps';
import { defineRoute, reply, type RouteModule } from '../http/define-route';
import { logIn } from './log-in';
import { LoginRateLimiter } from './login-rate-limit';
import { zLine } from '../http/text';

export const ZLoginRequest = z
  .object({
    username: zLine(100),
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'LoginRequest' });

export const ZLoginResponse = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().meta({ description: 'Seconds until the token expires.' }),
    expiresAt: z.iso.datetime(),
    person: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
  })
  .meta({ id: 'LoginResponse' });

// One limiter per app instance (tests build several apps in one process).
const limiters = new WeakMap<AppDeps, LoginRateLimiter>();
function limiterFor(deps: AppDeps): LoginRateLimiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = new LoginRateLimiter({
      maxFailures: deps.config.auth.loginMaxFailures,
      windowMs: deps.config.auth.loginWindowSeconds * 1000,
      now: deps.now ? () => deps.now!().getTime() : undefined,
    });
    limiters.set(deps, limiter);
  }
  return limiter;
}

export const authRoutes: RouteModule = {
  name: 'auth',
  tag: 'auth',
  description: 'Logging in.',
  routes: [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary: 'Log in with username and password; returns a short-lived bearer token',
      roles: 'public',
      request: { body: ZLoginRequest },
      response: { schema: ZLoginResponse, description: 'The access token.' },
      errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
      async handler({ body, deps, req, res }) {
        try {
          const result = await logIn({
            prisma: deps.prisma,
            limiter: limiterFor(deps),
            username: body.username,
            password: body.password,
            clientIp: req.ip ?? 'unknown',
            jwtSecret: deps.config.auth.jwtSecret,
            tokenTtlSeconds: deps.config.auth.tokenTtlSeconds,
            now: deps.now?.(),
          });
          res.set('Cache-Control', 'no-store');
          return reply(200, { ...result, tokenType: 'Bearer' as const, expiresAt: result.expiresAt.toISOString() });
        } catch (err) {
          const retryAfter = (err as { details?: { retryAfter?: number } }).details?.retryAfter;
          if (retryAfter) res.set('Retry-After', String(retryAfter));
          throw err;
        }
      },
    }),
  ],
};
