// Short-lived HS256 access tokens. The token names the person and the login
// session (`sid`) only; roles and the session are read from the database
// (for a read, at most AUTH_CACHE_MS ago: auth-cache.ts), so a revoked role, a
// logout or a deactivation takes effect at the next request rather than at `exp`.
import { createSecretKey, type KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../domain/errors';
import type { AuthCache, VerifiedToken } from './auth-cache';

const ISSUER = 'community-governance';
const AUDIENCE = 'community-governance-api';
/** Clock difference tolerated between processes for `iat`. */
const CLOCK_SKEW_SECONDS = 60;

export interface TokenOptions {
  secret: string;
  ttlSeconds: number;
  /** The login session (AuthSession.id) the token belongs to. */
  sessionId: string;
  now?: Date;
}

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
  expiresIn: number;
}

// What a verified token says lives with the cache that keeps it, so the two import one way.
export type { VerifiedToken } from './auth-cache';

// Importing the secret as a key on every request cost as much as the HMAC itself.
const keys = new Map<string, KeyObject>();
function key(secret: string): KeyObject {
  let k = keys.get(secret);
  if (!k) keys.set(secret, (k = createSecretKey(Buffer.from(secret, 'utf8'))));
  return k;
}

export async function issueToken(personId: string, options: TokenOptions): Promise<IssuedToken> {
  const now = options.now ?? new Date();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + options.ttlSeconds;
  const accessToken = await new SignJWT({ sid: options.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(personId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key(options.secret));
  return { accessToken, expiresAt: new Date(exp * 1000), expiresIn: options.ttlSeconds };
}

/**
 * Checks signature, issuer, audience and times. A token without `exp` (or
 * `iat`), or whose `exp` lies more than `maxTtlSeconds` after its `iat`, is
 * refused even when correctly signed: a leaked signing key must not mint
 * tokens that outlive a key rotation. Throws TOKEN_EXPIRED or UNAUTHENTICATED.
 * With `cache`, a token that passed once with this secret is not verified
 * again until its `exp`, which then fails it as before.
 */
export async function verifyToken(token: string, options: { secret: string; maxTtlSeconds: number; now?: Date; cache?: AuthCache }): Promise<VerifiedToken> {
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const known = options.cache?.token(token);
  // jose's rule: expired once exp <= now.
  if (known && known.secret === options.secret && known.exp > nowSeconds) return { personId: known.personId, sessionId: known.sessionId };
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key(options.secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: options.now,
      requiredClaims: ['exp', 'iat', 'sub'],
    }));
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new AppError('TOKEN_EXPIRED', '登录已过期,请刷新令牌(POST /api/auth/refresh)或重新登录。', { cause: err });
    throw new AppError('UNAUTHENTICATED', '登录令牌无效。', { cause: err });
  }
  const { exp, iat, sub, sid } = payload as { exp: number; iat: number; sub: unknown; sid?: unknown };
  if (exp - iat > options.maxTtlSeconds) throw new AppError('UNAUTHENTICATED', '令牌的有效期超过本系统签发的上限。');
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new AppError('UNAUTHENTICATED', '令牌的签发时间晚于当前时间。');
  if (typeof sub !== 'string' || sub === '') throw new AppError('UNAUTHENTICATED', '令牌中没有人员信息。');
  if (typeof sid !== 'string' || sid === '') throw new AppError('UNAUTHENTICATED', '令牌中没有登录会话。');
  options.cache?.rememberToken(token, { personId: sub, sessionId: sid, exp, secret: options.secret });
  return { personId: sub, sessionId: sid };
}
