import type { RequestHandler } from 'express';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { authTime, type AppDeps } from '../deps';
import { loadSessionActor } from './resolve-actor';
import { sessionIsLive } from './sessions';
import { verifyToken } from './tokens';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by `authenticate` on every non-public route. */
      actor?: Actor;
    }
  }
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9\-_.]+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** Reads: the methods that may be answered with a session and grants loaded up to AUTH_CACHE_MS ago. */
const READS = new Set(['GET', 'HEAD']);

/**
 * Verifies the bearer token and its login session, and puts the resolved
 * Actor on `req.actor`. The session check makes logout and deactivation
 * effective at the next request, not at the token's `exp` — for a read,
 * within AUTH_CACHE_MS (`deps.authCache`, see auth-cache.ts).
 */
export function authenticate(deps: AppDeps): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      res.set('WWW-Authenticate', 'Bearer');
      throw new AppError('UNAUTHENTICATED', '请先登录(POST /api/auth/login),并以 "Authorization: Bearer <token>" 发送令牌。');
    }
    const now = authTime(deps);
    const cache = deps.authCache;
    const { personId, sessionId } = await verifyToken(token, { secret: deps.config.auth.jwtSecret, maxTtlSeconds: deps.config.auth.tokenTtlSeconds, now, cache });
    // One query for session, person and grants (the request's first round trip, and for a list its only other one),
    // unless a read finds them loaded within AUTH_CACHE_MS; a write always loads them.
    const read = READS.has(req.method);
    const cached = read ? cache?.session(sessionId) : undefined;
    const epoch = cache?.epoch() ?? 0;
    const loaded = cached ?? (await loadSessionActor({ prisma: deps.prisma, sessionId }));
    const ours = loaded !== null && loaded.session.personId === personId;
    if (ours && !loaded.actor) throw new AppError('UNAUTHENTICATED', '该账号已不存在或已停用。');
    if (!ours || !loaded.actor || !sessionIsLive(loaded.session, now)) {
      throw new AppError('UNAUTHENTICATED', '登录会话已结束(已退出、过期或被撤销),请重新登录。');
    }
    if (!cached) cache?.rememberSession(sessionId, loaded, epoch);
    const { actor } = loaded;
    req.actor = actor;
    next();
  };
}
