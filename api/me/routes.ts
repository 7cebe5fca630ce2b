import { z } from 'zod';
import { defineRoute, type RouteModule } from '../http/define-route';
import { ZClockState } from '../admin/clock';
import { ZRoleName } from '../http/schemas';
import { getMe } from './get-me';
import { proxyRoutes } from './proxies';
import { businessTime } from '../deps';

export const ZUnitLevel = z.enum(['district', 'street', 'community', 'grid']);

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
    clock: ZClockState.pick({ mode: true, now: true }).describe('the platform clock: shown on every page in virtual (demo) mode'),
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
      handler: async ({ deps, actor }) => ({
        ...(await getMe({ prisma: deps.prisma, actor })),
        clock: { mode: deps.virtualClock ? ('virtual' as const) : ('wall' as const), now: businessTime(deps).toISOString() },
      }),
    }),
    ...proxyRoutes,
  ],
};
