// GET /api/mediation-cases — cases in the caller's scope, filtered and
// searched; parties' personal data is always masked in lists.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { dateRange, placeInUnit } from '../http/unit-query';
import { presentSummary } from './present';
import { caseScopeFilter } from './scope';
import { ZCaseSummary, ZListCasesQuery } from './schemas';

export interface ListCasesOptions {
  deps: AppDeps;
  actor: Actor;
  query: z.output<typeof ZListCasesQuery>;
}

export async function listCases({ deps, actor, query }: ListCasesOptions) {
  const inUnit = await placeInUnit(deps, query.unitId);
  const q = query.q;
  const where = {
    AND: [
      caseScopeFilter(actor),
      inUnit,
      query.stage ? { stage: query.stage } : {},
      query.channel ? { channel: query.channel } : {},
      query.disputeType ? { disputeType: query.disputeType } : {},
      query.level ? { currentLevel: query.level } : {},
      query.outcome ? { outcome: query.outcome } : {},
      dateRange('registeredAt', query.from, query.to),
      q
        ? {
            OR: [
              { caseNo: { contains: q } },
              { title: { contains: q } },
              { parties: { some: { name: { contains: q } } } },
            ],
          }
        : {},
    ],
  };
  const [rows, total] = await Promise.all([
    deps.prisma.mediationCase.findMany({
      where,
      include: { parties: true },
      orderBy: [{ registeredAt: 'desc' }, { seqNo: 'desc' }],
      take: query.limit,
      skip: query.offset,
    }),
    deps.prisma.mediationCase.count({ where }),
  ]);
  return { items: rows.map((r) => presentSummary(r, actor, false)), total };
}

export const listCasesRoute = defineRoute({
  method: 'get',
  path: '/api/mediation-cases',
  summary: '调解案件列表(辖区内;按阶段、渠道、类型、层级、结果、日期筛选,按案号/案由/当事人搜索)',
  description: 'Parties\' phone numbers and ID numbers are masked in lists; open a case to see them if you are entitled.',
  roles: 'authenticated',
  request: { query: ZListCasesQuery },
  response: { schema: z.object({ items: z.array(ZCaseSummary), total: z.number() }) },
  errors: ['NOT_FOUND'],
  handler: async (ctx) => listCases({ deps: ctx.deps, actor: ctx.actor, query: ctx.query }),
});
