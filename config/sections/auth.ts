import { z } from 'zod';
import { defineSection, envVar } from '../define';
import { optionalString, positiveInt } from './common';

export const authSection = defineSection({
  /** Unset outside production: a fixed development secret is used and a warning printed (see load.ts). */
  jwtSecret: envVar({
    env: 'JWT_SECRET',
    secret: true,
    schema: optionalString().pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    doc: 'HS256 secret signing access tokens (≥ 32 characters). Required when NODE_ENV=production.',
    example: 'change-me-to-a-long-random-string-of-32+-chars',
  }),
  tokenTtlSeconds: envVar({
    env: 'TOKEN_TTL_SECONDS',
    schema: positiveInt(900),
    doc: 'Lifetime of an access token in seconds; log in again after it.',
    example: '900',
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
