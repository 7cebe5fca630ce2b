// Login sessions and their refresh tokens (prisma/schema/auth.prisma): the
// pieces log-in, refresh-session, log-out and revoke-sessions share.
import { createHash, randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config';
import type { Prisma, PrismaClient } from '../../prisma/generated/client';
import { issueToken, type IssuedToken } from './tokens';

export type SessionSettings = Pick<AppConfig['auth'], 'jwtSecret' | 'tokenTtlSeconds' | 'refreshTokenTtlSeconds' | 'sessionMaxSeconds'>;

export type RevokeReason = 'logout' | 'refresh_reuse' | 'deactivated';

export interface SessionTokens extends IssuedToken {
  /** Opaque; only its SHA-256 hash is stored. */
  refreshToken: string;
  refreshExpiresAt: Date;
  sessionId: string;
  sessionExpiresAt: Date;
}

/** 256 random bits; the prefix lets secret scanners and logs recognise it. */
export function newRefreshToken(): string {
  return `rt_${randomBytes(32).toString('base64url')}`;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new refresh token for the session (never past its end) and an access token naming it. */
export async function issueSessionTokens(options: {
  db: PrismaClient | Prisma.TransactionClient;
  personId: string;
  session: { id: string; expiresAt: Date };
  settings: SessionSettings;
  now: Date;
  /** The refresh token exchanged for this one, if any. */
  replacesId?: string;
}): Promise<SessionTokens> {
  const { db, personId, session, settings, now, replacesId } = options;
  const refreshToken = newRefreshToken();
  const refreshExpiresAt = new Date(Math.min(now.getTime() + settings.refreshTokenTtlSeconds * 1000, session.expiresAt.getTime()));
  await db.refreshToken.create({
    data: { sessionId: session.id, tokenHash: hashRefreshToken(refreshToken), issuedAt: now, expiresAt: refreshExpiresAt, replacesId },
  });
  const access = await issueToken(personId, { secret: settings.jwtSecret, ttlSeconds: settings.tokenTtlSeconds, sessionId: session.id, now });
  return { ...access, refreshToken, refreshExpiresAt, sessionId: session.id, sessionExpiresAt: session.expiresAt };
}

/** True while the session may still be used: not revoked, not past its end. */
export function sessionIsLive(session: { revokedAt: Date | null; expiresAt: Date }, now: Date): boolean {
  return session.revokedAt === null && session.expiresAt.getTime() > now.getTime();
}
