import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import { revokeSessions } from '../auth/revoke-sessions';
import { defineRoute } from '../http/define-route';
import { loadManagedPerson, PERSON_SELECT, presentPerson } from './scope';
import { ZAdminPerson, ZPersonId } from './schemas';

export interface DeactivatePersonOptions {
  prisma: PrismaClient;
  actor: Actor;
  personId: string;
  requestId?: string;
  now?: Date;
}

/**
 * Deactivates an account: logging in, refreshing and every access token
 * already issued stop working (the session is revoked and authenticate reads
 * `active` on each request). The account is the person's everywhere, so the
 * administrator must manage all of their grants (403 otherwise).
 */
export async function deactivatePerson({ prisma, actor, personId, requestId, now = new Date() }: DeactivatePersonOptions) {
  const { person, paths, wholeAccount } = await loadManagedPerson({ prisma, actor, personId });
  if (!wholeAccount) throw new AppError('FORBIDDEN_SCOPE', '该人员在您管理范围以外的单位也有角色，请由上级管理员停用');
  if (personId === actor.personId) throw new AppError('BUSINESS_RULE', '不能停用自己的账号');
  if (!person.active) throw new AppError('ALREADY_DONE', '该账号已停用');
  await prisma.$transaction(async (tx) => {
    await tx.person.update({ where: { id: personId }, data: { active: false } });
    const sessions = await revokeSessions({ db: tx, personId, reason: 'deactivated', now });
    await tx.auditLog.create({
      data: { actorId: actor.personId, action: 'deactivatePerson', subjectType: 'person', subjectId: personId, requestId, data: { sessionsRevoked: sessions } },
    });
  });
  return presentPerson(await prisma.person.findUniqueOrThrow({ where: { id: personId }, select: PERSON_SELECT }), paths);
}

export const deactivatePersonRoute = defineRoute({
  method: 'post',
  path: '/api/admin/people/:personId/deactivate',
  changesAccess: true,
  summary: 'Deactivate an account: its sessions are revoked and its access tokens refused from the next request',
  roles: ['admin'],
  request: { params: ZPersonId },
  response: { schema: ZAdminPerson },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'ALREADY_DONE', 'BUSINESS_RULE'],
  handler: ({ deps, actor, params, requestId }) => deactivatePerson({ prisma: deps.prisma, actor, personId: params.personId, requestId, now: deps.now?.() }),
});
