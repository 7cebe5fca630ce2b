import { z } from 'zod';
import { ROLE_NAMES } from '../../domain/roles';
import { defineRoute, type RouteModule } from '../http/define-route';
import { getMe } from './get-me';

export const ZUnitLevel = z.enum(['district', 'street', 'community', 'grid']);
export const ZRoleName = z.enum(ROLE_NAMES);

export const ZMe = z
  .object({
    person: z.object({ id: z.string(), username: z.string(), displayName: z.string(), phone: z.string().nullable() }),
    grants: z.array(
      z.object({
        role: ZRoleName,
        roleLabel: z.string(),
        unitId: z.string(),
        unitName: z.string(),
        unitLevel: ZUnitLevel,
        unitPath: z.string(),
      }),
    ),
  })
  .meta({ id: 'Me' });

export const meRoutes: RouteModule = {
  name: 'me',
  tag: 'me',
  description: 'The logged-in person.',
  routes: [
    defineRoute({
      method: 'get',
      path: '/api/me',
      summary: 'The caller and the roles they hold, each on a unit',
      roles: 'authenticated',
      response: { schema: ZMe },
      handler: ({ deps, actor }) => getMe({ prisma: deps.prisma, actor }),
    }),
  ],
};
