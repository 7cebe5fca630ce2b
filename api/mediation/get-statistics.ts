// GET /api/mediation-cases/statistics — the figures seed 004 reports, per unit
// and period (by registration date): cases by channel, type, level and
// outcome, success rate, judicial confirmations, median time per round.
import type { z } from 'zod';
import type { Actor } from '../../domain/access';
import { STATISTICS_ROLES } from '../../domain/mediation/access';
import { computeStatistics } from '../../domain/mediation/statistics';
import type { CaseOutcome, Channel, DisputeType, JudicialStatus, MediationLevel } from '../../domain/mediation/types';
import type { RoleName } from '../../domain/roles';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { statisticsScope } from '../http/unit-query';
import { ZStatistics, ZStatisticsQuery } from './schemas';

export interface GetStatisticsOptions {
  deps: AppDeps;
  actor: Actor;
  query: z.output<typeof ZStatisticsQuery>;
  authorize: (unitPath: string, roles: readonly RoleName[]) => void;
}

export async function getStatistics({ deps, actor, query, authorize }: GetStatisticsOptions) {
  const { unit, from, to, period } = await statisticsScope({ deps, actor, query, authorize, roles: STATISTICS_ROLES, noRoleMessage: '您没有可以查看调解统计的角色。' });
  const rows = await deps.prisma.mediationCase.findMany({
    where: {
      placePath: { startsWith: unit.path },
      registeredAt: period,
    },
    select: {
      registeredAt: true,
      channel: true,
      disputeType: true,
      currentLevel: true,
      outcome: true,
      judicialStatus: true,
      rounds: { select: { level: true, startedAt: true, endedAt: true } },
    },
  });
  const stats = computeStatistics(
    rows.map((r) => ({
      registeredAt: r.registeredAt,
      channel: r.channel as Channel,
      disputeType: r.disputeType as DisputeType,
      finalLevel: r.currentLevel as MediationLevel | null,
      outcome: r.outcome as CaseOutcome | null,
      judicialStatus: r.judicialStatus as JudicialStatus | null,
      rounds: r.rounds.map((x) => ({ level: x.level as MediationLevel, startedAt: x.startedAt, endedAt: x.endedAt })),
    })),
  );
  return { unit: { id: unit.id, name: unit.name }, from, to, ...stats };
}

export const getStatisticsRoute = defineRoute({
  method: 'get',
  path: '/api/mediation-cases/statistics',
  summary: '调解统计(按单位、期间):受理渠道、纠纷类型、层级、结果、成功率、司法确认、每轮用时中位数',
  description: 'Cases registered in [from, to] (Beijing dates; default: the current year) whose place lies in the unit (default: the caller\'s highest unit with a statistics role; a community secretary reads their own community). Success rate = agreements / cases whose mediation ended (referrals excluded).',
  roles: [...STATISTICS_ROLES],
  request: { query: ZStatisticsQuery },
  response: { schema: ZStatistics },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE'],
  handler: async (ctx) => getStatistics({ deps: ctx.deps, actor: ctx.actor, query: ctx.query, authorize: (p, r) => ctx.authorize(p, r) }),
});
