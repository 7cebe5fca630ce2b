// GET /api/projects — projects in the caller's scope, with filters.
import type { z } from 'zod';
import type { Actor } from '../../domain/access';
import { readScopeFilter } from '../auth/guard';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { presentSummary } from './present';
import { ZListProjectsQuery, ZProjectSummary } from './schemas';
import { z as zod } from 'zod';

export async function listProjects({ deps, actor, query }: { deps: AppDeps; actor: Actor; query: z.output<typeof ZListProjectsQuery> }) {
  const where = {
    AND: [
      readScopeFilter(actor, 'unitPath'),
      query.stage ? { stage: query.stage } : {},
      query.streetId ? { streetId: query.streetId } : {},
      query.communityId ? { communityId: query.communityId } : {},
      query.year ? { year: query.year } : {},
      query.overdue === undefined ? {} : { overdue: query.overdue },
    ],
  };
  const [rows, total] = await Promise.all([
    deps.prisma.project.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: query.limit, skip: query.offset }),
    deps.prisma.project.count({ where }),
  ]);
  const now = deps.now?.() ?? new Date();
  return { items: rows.map((r) => presentSummary(r, now)), total };
}

export const listProjectsRoute = defineRoute({
  method: 'get',
  path: '/api/projects',
  summary: '项目列表(按阶段、街道、社区、年度、是否逾期筛选)',
  roles: 'authenticated',
  request: { query: ZListProjectsQuery },
  response: { schema: zod.object({ items: zod.array(ZProjectSummary), total: zod.number() }) },
  handler: async (ctx) => listProjects({ deps: ctx.deps, actor: ctx.actor, query: ctx.query }),
});
