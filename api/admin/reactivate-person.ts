import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import { defineRoute } from '../http/define-route';
import { loadManagedPerson, PERSON_SELECT, presentPerson } from './scope';
import { ZAdminPerson, ZPersonId } from './schemas';

export interface ReactivatePersonOptions {
  prisma: PrismaClient;
  actor: Actor;
  personId: string;
  requestId?: string;
}

/** Lets a deactivated person log in again (old sessions stay revoked); audited. */
export async function reactivatePerson({ prisma, actor, personId, requestId }: ReactivatePersonOptions) {
  const { person, paths, wholeAccount } = await loadManagedPerson({ prisma, actor, personId });
  if (!wholeAccount) throw new AppError('FORBIDDEN_SCOPE', '该人员在您管理范围以外的单位也有角色，请由上级管理员启用');
  if (person.active) throw new AppError('ALREADY_DONE', '该账号已是启用状态');
  await prisma.$transaction([
    prisma.person.update({ where: { id: personId }, data: { active: true } }),
    prisma.auditLog.create({ data: { actorId: actor.personId, action: 'reactivatePerson', subjectType: 'person', subjectId: personId, requestId } }),
  ]);
  return presentPerson(await prisma.person.findUniqueOrThrow({ where: { id: personId }, select: PERSON_SELECT }), paths);
}

export const reactivatePersonRoute = defineRoute({
  method: 'post',
  path: '/api/admin/people/:personId/reactivate',
  changesAccess: true,
  summary: 'Reactivate a deactivated account (the person logs in again)',
  roles: ['admin'],
  request: { params: ZPersonId },
  response: { schema: ZAdminPerson },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'ALREADY_DONE'],
  handler: ({ deps, actor, params, requestId }) => reactivatePerson({ prisma: deps.prisma, actor, personId: params.personId, requestId }),
});
