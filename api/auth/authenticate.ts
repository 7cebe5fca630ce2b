import type { RequestHandler } from 'express';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { AppDeps } from '../deps';
import { resolveActor } from './resolve-actor';
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

/** Verifies the bearer token and puts the resolved Actor on `req.actor`. */
export function authenticate(deps: AppDeps): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      res.set('WWW-Authenticate', 'Bearer');
      throw new AppError('UNAUTHENTICATED', '请先登录(POST /api/auth/login),并以 "Authorization: Bearer <token>" 发送令牌。');
    }
    const personId = await verifyToken(token, { secret: deps.config.auth.jwtSecret, now: deps.now?.() });
    const actor = await resolveActor({ prisma: deps.prisma, personId });
    if (!actor) throw new AppError('UNAUTHENTICATED', '该账号已不存在或已停用。');
    req.actor = actor;
    req.log?.setBindings?.({ personId: actor.personId });
    next();
  };
}
