import { AppError } from '../../domain/errors';
import type { AppConfig } from '../../config';
import type { PrismaClient } from '../../prisma/generated/client';
import { revokeSessions } from './revoke-sessions';
import { hashRefreshToken, issueSessionTokens, sessionIsLive, type SessionSettings, type SessionTokens } from './sessions';

export interface RefreshSessionOptions {
  prisma: PrismaClient;
  refreshToken: string;
  settings: SessionSettings & Pick<AppConfig['auth'], 'refreshReuseGraceSeconds'>;
  requestId?: string;
  now?: Date;
}

const refused = () => new AppError('UNAUTHENTICATED', '刷新令牌无效、已过期或已被撤销,请重新登录。');

const tokenFields = { id: true, expiresAt: true, rotatedAt: true } as const;

/**
 * Exchanges a refresh token for a new access token and a new refresh token
 * (rotation). A token that was already exchanged is evidence that someone
 * else holds a copy: the whole session is ended, for the thief and the
 * rightful holder alike, and the event is audited. Every refusal reads the
 * same, so the answer does not tell a thief which case they hit.
 *
 * One exception, as Auth0's reuse interval and Okta's grace period make it:
 * the answer to an exchange can be lost (the console tab reloads or closes
 * while its refresh is under way, a connection drops), and the client then
 * still holds the old token. If it comes back within
 * `refreshReuseGraceSeconds` and the token it was exchanged for has not been
 * used, it is exchanged through that one (which dies) instead of ending the
 * session. Once the successor was used, or after the grace, a second use is a
 * copy as before.
 */
export async function refreshSession(options: RefreshSessionOptions): Promise<SessionTokens> {
  return exchange(options, true);
}

async function exchange(options: RefreshSessionOptions, mayLookAgain: boolean): Promise<SessionTokens> {
  const { prisma, refreshToken, settings, requestId, now = new Date() } = options;
  const row = await prisma.refreshToken.findUnique({
    where: { tokenHash: hashRefreshToken(refreshToken) },
    select: {
      ...tokenFields,
      session: { select: { id: true, personId: true, expiresAt: true, revokedAt: true, person: { select: { active: true } } } },
    },
  });
  if (!row) throw refused();
  const { session } = row;

  const reuse = async () => {
    const ended = await revokeSessions({ db: prisma, sessionId: session.id, reason: 'refresh_reuse', now });
    if (ended > 0) {
      await prisma.auditLog.create({
        data: { actorId: null, action: 'revokeSession', subjectType: 'person', subjectId: session.personId, requestId, data: { sessionId: session.id, reason: 'refresh_reuse' } },
      });
    }
    return refused();
  };
  // The token to exchange: the one presented, or, for a lost answer, the one it was exchanged for.
  let target: { id: string; expiresAt: Date; rotatedAt: Date | null } = row;
  if (row.rotatedAt !== null) {
    const withinGrace = now.getTime() - row.rotatedAt.getTime() <= settings.refreshReuseGraceSeconds * 1000;
    const successor = withinGrace ? await prisma.refreshToken.findUnique({ where: { replacesId: row.id }, select: tokenFields }) : null;
    if (!successor || successor.rotatedAt !== null) throw await reuse();
    target = successor;
  }
  if (!sessionIsLive(session, now) || target.expiresAt.getTime() <= now.getTime() || !session.person.active) throw refused();

  // Only one exchange of a token can win, and its successor exists from the
  // moment it is marked (one transaction), so a request that finds the token
  // rotated also finds what it was exchanged for. Everything inside goes
  // through `tx`: the embedded PGlite serves one connection.
  const tokens = await prisma.$transaction(async (tx) => {
    const { count } = await tx.refreshToken.updateMany({ where: { id: target.id, rotatedAt: null }, data: { rotatedAt: now } });
    return count === 0 ? null : issueSessionTokens({ db: tx, personId: session.personId, session, settings, now, replacesId: target.id });
  });
  if (tokens) return tokens;
  // Lost the race for the presented token: to the same client's own earlier
  // request (whose answer is being lost right now) or to a copy. Looking
  // again tells which.
  if (mayLookAgain && target === row) return exchange(options, false);
  throw await reuse();
}
