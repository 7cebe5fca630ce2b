import { z } from 'zod';
import { defineRoute, type RouteModule } from '../http/define-route';
import { ZUnitLevel } from '../me/routes';
import { getOrgTree, type OrgNode } from './get-org-tree';

export const ZOrgNode: z.ZodType<OrgNode> = z
  .object({
    id: z.string(),
    name: z.string(),
    level: ZUnitLevel,
    path: z.string(),
    parentId: z.string().nullable(),
    get children() {
      return z.array(ZOrgNode);
    },
  })
  .meta({ id: 'OrgNode' });

export const ZOrgTree = z.object({ roots: z.array(ZOrgNode), unitCount: z.number().int() }).meta({ id: 'OrgTree' });

export const ZOrgQuery = z.object({
  maxDepth: z.coerce.number().int().min(0).max(10).optional().meta({ description: 'Levels below each visible root to include.' }),
});

export const orgRoutes: RouteModule = {
  name: 'org',
  tag: 'org',
  description: 'The organisation tree (组织体系).',
  routes: [
    defineRoute({
      method: 'get',
      path: '/api/org',
      summary: 'The units the caller may see: the subtrees of the units they hold roles on',
      roles: 'authenticated',
      request: { query: ZOrgQuery },
      response: { schema: ZOrgTree },
      handler: ({ deps, actor, query }) => getOrgTree({ prisma: deps.prisma, actor, maxDepth: query.maxDepth }),
    }),
  ],
};
