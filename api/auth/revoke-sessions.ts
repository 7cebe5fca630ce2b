import type { Prisma, PrismaClient } from '../../prisma/generated/client';
import type { RevokeReason } from './sessions';

export interface RevokeSessionsOptions {
  db: PrismaClient | Prisma.TransactionClient;
  /** Every live session of this person … */
  personId?: string;
  /** … or this one session. */
  sessionId?: string;
  reason: RevokeReason;
  now: Date;
}

/**
 * Ends live sessions: their refresh tokens stop working at once, and their
 * access tokens at their next request (authenticate checks the session).
 * Returns how many were ended.
 */
export async function revokeSessions({ db, personId, sessionId, reason, now }: RevokeSessionsOptions): Promise<number> {
  if (!personId && !sessionId) throw new Error('revokeSessions needs personId or sessionId');
  const { count } = await db.authSession.updateMany({
    where: { ...(personId ? { personId } : {}), ...(sessionId ? { id: sessionId } : {}), revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}
