import { AppError } from '../../domain/errors';
import { hashPassword, verifyPassword } from '../../db/passwords';
import type { PrismaClient } from '../../prisma/generated/client';
import type { LoginRateLimiter } from './login-rate-limit';
import { issueSessionTokens, type SessionSettings, type SessionTokens } from './sessions';

export interface LogInOptions {
  prisma: PrismaClient;
  limiter: LoginRateLimiter;
  username: string;
  password: string;
  clientIp: string;
  settings: SessionSettings;
  now?: Date;
}

export interface LogInResult extends SessionTokens {
  person: { id: string; username: string; displayName: string };
}

// Verifying against a real hash for unknown usernames keeps both failures
// equally slow, so response time does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('timing-equaliser-not-a-password');
  return dummyHash;
}

export async function logIn(options: LogInOptions): Promise<LogInResult> {
  const { prisma, limiter, username, password, clientIp } = options;
  const retryAfter = limiter.retryAfterSeconds(username, clientIp);
  if (retryAfter > 0) {
    throw new AppError('RATE_LIMITED', `登录失败次数过多,请 ${retryAfter} 秒后再试。`, { details: { retryAfter } });
  }
  const person = await prisma.person.findUnique({
    where: { username },
    select: { id: true, username: true, displayName: true, passwordHash: true, active: true },
  });
  const ok = person ? await verifyPassword(person.passwordHash, password) : await verifyPassword(await timingDummyHash(), password).then(() => false);
  if (!person || !ok || !person.active) {
    limiter.recordFailure(username, clientIp);
    throw new AppError('INVALID_CREDENTIALS', '用户名或密码错误。');
  }
  limiter.reset(username, clientIp);
  const now = options.now ?? new Date();
  const tokens = await prisma.$transaction(async (tx) => {
    const session = await tx.authSession.create({
      data: { personId: person.id, createdAt: now, expiresAt: new Date(now.getTime() + options.settings.sessionMaxSeconds * 1000) },
    });
    return issueSessionTokens({ db: tx, personId: person.id, session, settings: options.settings, now });
  });
  return { ...tokens, person: { id: person.id, username: person.username, displayName: person.displayName } };
}
