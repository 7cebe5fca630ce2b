import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { RoleName } from '../../domain/roles';
import type { PrismaClient } from '../../prisma/generated/client';
import { defineRoute, reply } from '../http/define-route';
import { zId } from '../http/text';
import { ZRoleName } from '../http/schemas';
import { inScope, loadManagedPerson, PERSON_SELECT, presentPerson } from './scope';
import { ZAdminPerson, ZPersonId } from './schemas';

export interface GrantRoleOptions {
  prisma: PrismaClient;
  actor: Actor;
  personId: string;
  role: RoleName;
  unitId: string;
  requestId?: string;
}

/** Gives a person a role on a unit inside the administrator's scope; audited. */
export async function grantRole({ prisma, actor, personId, role, unitId, requestId }: GrantRoleOptions) {
  const { person, paths } = await loadManagedPerson({ prisma, actor, personId });
  const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: { id: true, path: true } });
  if (!unit || !inScope(paths, unit.path)) throw new AppError('NOT_FOUND', '没有该单位，或不在您的管理范围内');
  if (person.roles.some((r) => r.role === role && r.unit.id === unitId)) throw new AppError('ALREADY_DONE', '该人员已在该单位担任此角色');
  const [grant] = await prisma.$transaction([
    prisma.roleAssignment.create({ data: { personId, role, unitId }, select: { id: true } }),
    prisma.auditLog.create({
      data: { actorId: actor.personId, action: 'grantRole', subjectType: 'person', subjectId: personId, unitId, requestId, data: { role, unitId } },
    }),
  ]);
  const updated = await prisma.person.findUniqueOrThrow({ where: { id: personId }, select: PERSON_SELECT });
  return { grantId: grant.id, person: presentPerson(updated, paths) };
}

export const grantRoleRoute = defineRoute({
  method: 'post',
  path: '/api/admin/people/:personId/grants',
  changesAccess: true,
  summary: 'Give a person a role on a unit (both inside the administrator\'s scope)',
  roles: ['admin'],
  request: {
    params: ZPersonId,
    body: z.object({ role: ZRoleName, unitId: zId() }).meta({ id: 'GrantRole' }),
  },
  response: { status: 201, schema: z.object({ grantId: z.string(), person: ZAdminPerson }) },
  errors: ['NOT_FOUND', 'ALREADY_DONE'],
  async handler({ deps, actor, params, body, requestId }) {
    return reply(201, await grantRole({ prisma: deps.prisma, actor, personId: params.personId, role: body.role, unitId: body.unitId, requestId }));
  },
});
