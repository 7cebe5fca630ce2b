import type { PrismaClient } from '../../prisma/generated/client';
import { revokeSessions } from './revoke-sessions';
import { hashRefreshToken } from './sessions';

export interface LogOutOptions {
  prisma: PrismaClient;
  /** The session's refresh token (body or cookie) … */
  refreshToken?: string;
  /** … or the session named by a valid access token. */
  sessionId?: string;
  now?: Date;
}

/**
 * Ends the login session: its refresh tokens are refused from now on and its
 * access tokens at their next request. Unknown or already ended sessions are
 * not an error — logging out twice is still logged out.
 */
export async function logOut({ prisma, refreshToken, sessionId, now = new Date() }: LogOutOptions): Promise<{ ended: boolean }> {
  let id = sessionId;
  if (!id && refreshToken) {
    const row = await prisma.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(refreshToken) }, select: { sessionId: true } });
    id = row?.sessionId;
  }
  if (!id) return { ended: false };
  return { ended: (await revokeSessions({ db: prisma, sessionId: id, reason: 'logout', now })) > 0 };
}
