// GET /api/grid-incidents/statistics — per unit and period (by report date):
// counts, the on-time rate, the median handling days and the residents'
// satisfaction, for the unit and for each street, community and grid in it.
import type { z } from 'zod';
import type { Actor } from '../../domain/access';
import { STATISTICS_ROLES } from '../../domain/grid/access';
import { computeFigures, figuresByUnit, type GridFigures } from '../../domain/grid/statistics';
import type { IncidentOutcome, IncidentStage, Satisfaction } from '../../domain/grid/types';
import type { RoleName } from '../../domain/roles';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { statisticsScope } from '../http/unit-query';
import { ZGridStatistics, ZGridStatisticsQuery } from './schemas';

export interface GetGridStatisticsOptions {
  deps: AppDeps;
  actor: Actor;
  query: z.output<typeof ZGridStatisticsQuery>;
  authorize: (unitPath: string, roles: readonly RoleName[]) => void;
}

export async function getGridStatistics({ deps, actor, query, authorize }: GetGridStatisticsOptions) {
  const { unit, from, to, period } = await statisticsScope({ deps, actor, query, authorize, roles: STATISTICS_ROLES, noRoleMessage: '您没有可以查看网格事件统计的角色。' });
  const rows = await deps.prisma.gridIncident.findMany({
    where: { placePath: { startsWith: unit.path }, reportedAt: period },
    select: { gridUnitId: true, communityUnitId: true, streetUnitId: true, stage: true, outcome: true, handledOnTime: true, handlingDays: true, satisfaction: true },
  });
  const incidents = rows.map((r) => ({
    ...r,
    stage: r.stage as IncidentStage,
    outcome: r.outcome as IncidentOutcome | null,
    satisfaction: r.satisfaction as Satisfaction | null,
  }));
  const by = figuresByUnit(incidents);
  const ids = [...by.streets.keys(), ...by.communities.keys(), ...by.grids.keys()];
  // Only the unit itself and those inside it: a community's figures list no street above it.
  const inside = new Map((await deps.prisma.unit.findMany({ where: { id: { in: ids }, path: { startsWith: unit.path } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const list = (m: Map<string, GridFigures>) => [...m].filter(([id]) => inside.has(id)).map(([id, f]) => ({ unit: { id, name: inside.get(id)! }, ...f }));
  return { unit: { id: unit.id, name: unit.name }, from, to, total: computeFigures(incidents), streets: list(by.streets), communities: list(by.communities), grids: list(by.grids) };
}

export const getGridStatisticsRoute = defineRoute({
  method: 'get',
  path: '/api/grid-incidents/statistics',
  summary: '网格事件统计(按单位、期间):上报数、办结数、按时处置率、处置用时中位数、满意率,分街道、社区、网格',
  description:
    "Incidents reported in [from, to] (Beijing dates; default: the current year) whose place lies in the unit (default: the caller's highest unit with a statistics role). On-time rate = incidents whose every handling round kept its working-day limit (on-the-spot resolutions count as on time) / incidents whose handling finished; handling days = calendar days from the report to the (last) handling, one decimal; satisfaction rate = (satisfied + basically satisfied) / rated.",
  roles: [...STATISTICS_ROLES],
  request: { query: ZGridStatisticsQuery },
  response: { schema: ZGridStatistics },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE'],
  handler: async (ctx) => getGridStatistics({ deps: ctx.deps, actor: ctx.actor, query: ctx.query, authorize: (p, r) => ctx.authorize(p, r) }),
});
