import { z } from 'zod';
import { defineSection, envVar } from '../define';
import { nonNegativeInt, optionalString, positiveInt } from './common';

export const authSection = defineSection({
  /** Unset outside production: generated into DATA_DIR/secrets/ on the first start (config/secrets.ts). */
  jwtSecret: envVar({
    env: 'JWT_SECRET',
    secret: true,
    schema: optionalString().pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    doc: 'HS256 secret signing access tokens (≥ 32 characters). Unset: generated on the first start into DATA_DIR/secrets/JWT_SECRET (mode 0600) and reused. Required when NODE_ENV=production.',
    example: 'change-me-to-a-long-random-string-of-32+-chars',
  }),
  tokenTtlSeconds: envVar({
    env: 'TOKEN_TTL_SECONDS',
    schema: positiveInt(900),
    doc: 'Lifetime of an access token in seconds, and the longest accepted: a token without exp, or whose exp lies further than this after its iat, is refused. Renew with POST /api/auth/refresh.',
    example: '900',
  }),
  refreshTokenTtlSeconds: envVar({
    env: 'REFRESH_TOKEN_TTL_SECONDS',
    schema: positiveInt(8 * 3600),
    doc: 'Idle limit of a login session in seconds: a refresh token unused this long expires (each refresh issues a new one with a fresh limit).',
    example: String(8 * 3600),
  }),
  refreshReuseGraceSeconds: envVar({
    env: 'REFRESH_REUSE_GRACE_SECONDS',
    schema: nonNegativeInt(30),
    doc: 'A refresh token presented again this many seconds after its exchange, while the token it was exchanged for is still unused, is taken as the same client whose answer was lost (a tab reloaded or a connection dropped mid-refresh) and exchanged again; later, or once its successor was used, it ends the session as a copy. 0: every second use ends the session.',
    example: '30',
  }),
  sessionMaxSeconds: envVar({
    env: 'SESSION_MAX_SECONDS',
    schema: positiveInt(12 * 3600),
    doc: 'Longest a login session lasts however often it is refreshed, in seconds; then log in again.',
    example: String(12 * 3600),
  }),
  cacheMs: envVar({
    env: 'AUTH_CACHE_MS',
    schema: nonNegativeInt(2000),
    doc: 'How long an API process answers reads (GET, HEAD) with a login session and grants it loaded, in ms; 0: never. Writes always load them, and the process that changes a grant, a person or a session forgets them at once; another API process may serve a read with the old grants this long (api/auth/auth-cache.ts).',
    example: '2000',
  }),
  loginMaxFailures: envVar({
    env: 'LOGIN_MAX_FAILURES',
    schema: positiveInt(10),
    doc: 'Failed logins allowed per username and client address within LOGIN_WINDOW_SECONDS before 429.',
    example: '10',
  }),
  loginWindowSeconds: envVar({
    env: 'LOGIN_WINDOW_SECONDS',
    schema: positiveInt(300),
    doc: 'Window of the failed-login limit, in seconds.',
    example: '300',
  }),
});
