import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import { defineRoute } from '../http/define-route';
import { zId, zLine } from '../http/text';
import { adminScope, inScope, PERSON_SELECT, presentPerson, unitInScope } from './scope';
import { ZAdminPerson } from './schemas';
import { containsText } from '../http/like';

export interface ListPeopleOptions {
  prisma: PrismaClient;
  actor: Actor;
  /** Only people holding a role on this unit or below (inside the scope). */
  unitId?: string;
  /** Part of the username or display name. */
  q?: string;
  active?: boolean;
  limit: number;
  /** The last username of the previous page. */
  cursor?: string;
}

/** The people an administrator manages, by username, with their grants inside the scope. */
export async function listPeople({ prisma, actor, unitId, q, active, limit, cursor }: ListPeopleOptions) {
  let paths = adminScope(actor);
  if (unitId) {
    const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: { path: true } });
    if (!unit || !inScope(paths, unit.path)) throw new AppError('NOT_FOUND', '没有该单位，或不在您的管理范围内');
    paths = [unit.path];
  }
  const rows = await prisma.person.findMany({
    where: {
      roles: { some: { unit: unitInScope(paths) } },
      ...(active === undefined ? {} : { active }),
      ...(q ? { OR: [{ username: containsText(q) }, { displayName: containsText(q) }] } : {}),
      ...(cursor ? { username: { gt: cursor } } : {}),
    },
    select: PERSON_SELECT,
    orderBy: { username: 'asc' },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const scope = adminScope(actor);
  return { items: page.map((p) => presentPerson(p, scope)), nextCursor: rows.length > limit ? page[page.length - 1].username : null };
}

export const listPeopleRoute = defineRoute({
  method: 'get',
  path: '/api/admin/people',
  summary: 'People the administrator manages (a role on a unit in their scope), with those role grants',
  roles: ['admin'],
  request: {
    query: z.object({
      unitId: zId().optional(),
      q: zLine(50).optional(),
      active: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: zId().optional(),
    }),
  },
  response: { schema: z.object({ items: z.array(ZAdminPerson), nextCursor: z.string().nullable() }).meta({ id: 'AdminPeoplePage' }) },
  errors: ['NOT_FOUND'],
  handler: ({ deps, actor, query }) =>
    listPeople({
      prisma: deps.prisma,
      actor,
      unitId: query.unitId,
      q: query.q,
      active: query.active === undefined ? undefined : query.active === 'true',
      limit: query.limit,
      cursor: query.cursor,
    }),
});
