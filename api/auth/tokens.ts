// Short-lived HS256 access tokens. The token names the person only; roles are
// read from the database on every request, so a revoked role takes effect at
// once rather than when the token expires.
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../domain/errors';

const ISSUER = 'community-governance';
const AUDIENCE = 'community-governance-api';

export interface TokenOptions {
  secret: string;
  ttlSeconds: number;
  now?: Date;
}

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
  expiresIn: number;
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function issueToken(personId: string, options: TokenOptions): Promise<IssuedToken> {
  const now = options.now ?? new Date();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + options.ttlSeconds;
  const accessToken = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(personId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key(options.secret));
  return { accessToken, expiresAt: new Date(exp * 1000), expiresIn: options.ttlSeconds };
}

/** Returns the person id; throws TOKEN_EXPIRED or UNAUTHENTICATED. */
export async function verifyToken(token: string, options: { secret: string; now?: Date }): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, key(options.secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: options.now,
    });
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new AppError('UNAUTHENTICATED', '令牌中没有人员信息。');
    return payload.sub;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof joseErrors.JWTExpired) throw new AppError('TOKEN_EXPIRED', '登录已过期,请重新登录。', { cause: err });
    throw new AppError('UNAUTHENTICATED', '登录令牌无效。', { cause: err });
  }
}
