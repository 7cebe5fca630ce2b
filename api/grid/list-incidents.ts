// GET /api/grid-incidents — incidents in the caller's scope, filtered, searched
// and paged; the reporter's contact is always masked in lists.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { dateRange, placeInUnit } from '../http/unit-query';
import { presentIncident } from './present';
import { ZIncidentSummary, ZListIncidentsQuery } from './schemas';
import { incidentScopeFilter } from './scope';

export interface ListIncidentsOptions {
  deps: AppDeps;
  actor: Actor;
  query: z.output<typeof ZListIncidentsQuery>;
}

export async function listIncidents({ deps, actor, query }: ListIncidentsOptions) {
  const inUnit = await placeInUnit(deps, query.unitId);
  const q = query.q;
  const now = businessTime(deps);
  // Overdue: the open step's own deadline has passed. Not nextDueAt, which moves on to the escalation
  // date once the step is reminded. ISO instants from toISOString() order as strings.
  const overdue = { stage: { notIn: ['closed', 'converted'] }, snapshot: { path: ['step', 'dueAt'], lt: now.toISOString() } };
  const where = {
    AND: [
      incidentScopeFilter(actor),
      inUnit,
      query.stage ? { stage: query.stage } : {},
      query.type ? { type: query.type } : {},
      query.urgency ? { urgency: query.urgency } : {},
      query.channel ? { channel: query.channel } : {},
      dateRange('reportedAt', query.from, query.to),
      query.overdue === undefined ? {} : query.overdue ? overdue : { NOT: overdue },
      q ? { OR: [{ incidentNo: { contains: q } }, { title: { contains: q } }, { address: { contains: q } }] } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    deps.prisma.gridIncident.findMany({ where, orderBy: [{ reportedAt: 'desc' }, { seqNo: 'desc' }], take: query.limit, skip: query.offset }),
    deps.prisma.gridIncident.count({ where }),
  ]);
  return { items: rows.map((r) => presentIncident(r, actor, false)), total };
}

export const listIncidentsRoute = defineRoute({
  method: 'get',
  path: '/api/grid-incidents',
  summary: '网格事件列表(辖区内;按阶段、类型、紧急程度、渠道、单位、日期、是否超期筛选,按编号/标题/位置搜索)',
  description: "Incidents whose place lies under the caller's units, those they reported and those dispatched to a unit they handle for. The reporter's phone is masked in lists.",
  roles: 'authenticated',
  request: { query: ZListIncidentsQuery },
  response: { schema: z.object({ items: z.array(ZIncidentSummary), total: z.number() }) },
  errors: ['NOT_FOUND'],
  handler: async (ctx) => listIncidents({ deps: ctx.deps, actor: ctx.actor, query: ctx.query }),
});
