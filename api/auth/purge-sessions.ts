import type { PrismaClient } from '../../prisma/generated/client';

export interface PurgeSessionsOptions {
  prisma: PrismaClient;
  /** Sessions that ended (expired or revoked) before this instant are deleted with their refresh tokens. */
  endedBefore: Date;
}

/**
 * Housekeeping for AuthSession/RefreshToken, which grow by one session per
 * login and one token per refresh. Ended sessions are useless to keep: the
 * audit log holds the security events (reuse, deactivation).
 */
export async function purgeSessions({ prisma, endedBefore }: PurgeSessionsOptions): Promise<number> {
  const { count } = await prisma.authSession.deleteMany({
    where: { OR: [{ expiresAt: { lt: endedBefore } }, { revokedAt: { lt: endedBefore } }] },
  });
  return count;
}
