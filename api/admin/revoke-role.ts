import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import { defineRoute } from '../http/define-route';
import { zId } from '../http/text';
import { loadManagedPerson, PERSON_SELECT, presentPerson, inScope } from './scope';
import { ZAdminPerson, ZPersonId } from './schemas';

export interface RevokeRoleOptions {
  prisma: PrismaClient;
  actor: Actor;
  personId: string;
  grantId: string;
  requestId?: string;
}

/**
 * Removes one role grant inside the administrator's scope; audited. Takes
 * effect at the person's next request (authenticate reads the grants: a read
 * in another API process within AUTH_CACHE_MS, see auth/auth-cache.ts).
 * An administrator cannot remove their own admin grants: another one must,
 * so a district never loses its last administrator by a slip.
 */
export async function revokeRole({ prisma, actor, personId, grantId, requestId }: RevokeRoleOptions) {
  const { person, paths } = await loadManagedPerson({ prisma, actor, personId });
  const grant = person.roles.find((r) => r.id === grantId);
  if (!grant || !inScope(paths, grant.unit.path)) throw new AppError('NOT_FOUND', '没有该角色授权，或不在您的管理范围内');
  if (personId === actor.personId && grant.role === 'admin') throw new AppError('BUSINESS_RULE', '不能撤销自己的系统管理员角色，请由其他管理员操作');
  await prisma.$transaction([
    prisma.roleAssignment.delete({ where: { id: grantId } }),
    prisma.auditLog.create({
      data: { actorId: actor.personId, action: 'revokeRole', subjectType: 'person', subjectId: personId, unitId: grant.unit.id, requestId, data: { role: grant.role, unitId: grant.unit.id } },
    }),
  ]);
  const updated = await prisma.person.findUniqueOrThrow({ where: { id: personId }, select: PERSON_SELECT });
  return presentPerson(updated, paths);
}

export const revokeRoleRoute = defineRoute({
  method: 'delete',
  path: '/api/admin/people/:personId/grants/:grantId',
  changesAccess: true,
  summary: 'Remove a role grant (inside the administrator\'s scope)',
  roles: ['admin'],
  request: { params: ZPersonId.extend({ grantId: zId() }) },
  response: { schema: ZAdminPerson },
  errors: ['NOT_FOUND', 'BUSINESS_RULE'],
  handler: ({ deps, actor, params, requestId }) => revokeRole({ prisma: deps.prisma, actor, personId: params.personId, grantId: params.grantId, requestId }),
});
