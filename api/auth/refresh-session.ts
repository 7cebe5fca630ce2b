import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import { revokeSessions } from './revoke-sessions';
import { hashRefreshToken, issueSessionTokens, sessionIsLive, type SessionSettings, type SessionTokens } from './sessions';

export interface RefreshSessionOptions {
  prisma: PrismaClient;
  refreshToken: string;
  settings: SessionSettings;
  requestId?: string;
  now?: Date;
}

const refused = () => new AppError('UNAUTHENTICATED', '刷新令牌无效、已过期或已被撤销,请重新登录。');

/**
 * Exchanges a refresh token for a new access token and a new refresh token
 * (rotation). A token that was already exchanged is evidence that someone
 * else holds a copy: the whole session is ended, for the thief and the
 * rightful holder alike, and the event is audited. Every refusal reads the
 * same, so the answer does not tell a thief which case they hit.
 */
export async function refreshSession({ prisma, refreshToken, settings, requestId, now = new Date() }: RefreshSessionOptions): Promise<SessionTokens> {
  const row = await prisma.refreshToken.findUnique({
    where: { tokenHash: hashRefreshToken(refreshToken) },
    select: {
      id: true,
      expiresAt: true,
      rotatedAt: true,
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
  if (row.rotatedAt !== null) throw await reuse();
  if (!sessionIsLive(session, now) || row.expiresAt.getTime() <= now.getTime() || !session.person.active) throw refused();

  // Only one exchange of a token can win; a loser is treated as a replay.
  // (No interactive transaction: the embedded PGlite serves one connection,
  // and reuse() writes through the client.)
  const { count } = await prisma.refreshToken.updateMany({ where: { id: row.id, rotatedAt: null }, data: { rotatedAt: now } });
  if (count === 0) throw await reuse();
  return issueSessionTokens({ db: prisma, personId: session.personId, session, settings, now });
}
