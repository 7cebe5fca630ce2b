// GET /api/reporting/cycles and /api/reporting/schedules — in the caller's scope.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { REPORT_READER_ROLES } from '../../domain/reporting';
import { readScopeFilter } from '../auth/guard';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { ZYear } from '../http/schemas';
import { ZCycle, ZSchedule } from './schemas';


export async function listCycles({ deps, actor, year }: { deps: AppDeps; actor: Actor; year?: number }) {
  const rows = await deps.prisma.reportingCycle.findMany({
    where: { AND: [readScopeFilter(actor, 'unitPath', REPORT_READER_ROLES), year ? { year } : {}] },
    orderBy: [{ year: 'desc' }, { unitPath: 'asc' }],
  });
  return rows.map((c) => ({
    id: c.id,
    unitId: c.unitId,
    year: c.year,
    trigger: c.trigger,
    status: c.status,
    communityCount: c.communityCount,
    createdAt: c.createdAt.toISOString(),
    completedAt: c.completedAt?.toISOString() ?? null,
  }));
}

export const listCyclesRoute = defineRoute({
  method: 'get',
  path: '/api/reporting/cycles',
  summary: '述职周期列表',
  roles: REPORT_READER_ROLES,
  request: { query: z.object({ year: ZYear.optional() }) },
  response: { schema: z.object({ items: z.array(ZCycle) }) },
  handler: async (ctx) => ({ items: await listCycles({ deps: ctx.deps, actor: ctx.actor, year: ctx.query.year }) }),
});

export const listSchedulesRoute = defineRoute({
  method: 'get',
  path: '/api/reporting/schedules',
  summary: '年度自动启动设置列表',
  roles: ['district_org', 'street_office', 'auditor', 'admin'],
  response: { schema: z.object({ items: z.array(ZSchedule) }) },
  handler: async (ctx) => {
    const units = await ctx.deps.prisma.unit.findMany({ where: readScopeFilter(ctx.actor, 'path', REPORT_READER_ROLES) as never, select: { id: true, path: true } });
    const rows = await ctx.deps.prisma.reportingSchedule.findMany({ where: { unitId: { in: units.map((u) => u.id) } }, orderBy: { unitId: 'asc' } });
    return { items: rows.map((s) => ({ unitId: s.unitId, workflowId: s.workflowId, nextYear: s.nextYear, nextStartAt: s.nextStartAt?.toISOString() ?? null })) };
  },
});
