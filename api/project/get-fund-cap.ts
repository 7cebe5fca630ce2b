// GET /api/fund-caps/{communityId}?year= — a community's yearly project fund:
// cap, reserved, remaining (fen). The console's 新建申报 form shows it live and
// refuses an over-cap budget before submitting; POST /api/projects makes the
// same check with the same figures (create-project.ts).
import { z } from 'zod';
import { yearOf } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { defineRoute, type RouteModule } from '../http/define-route';
import { zId } from '../http/text';
import { businessTime } from '../deps';

export const ZFundCap = z
  .object({
    communityId: z.string(),
    communityName: z.string(),
    year: z.number().int(),
    capFen: z.number().int().describe('年度上限(分)'),
    reservedFen: z.number().int().describe('已占用(分)'),
    remainingFen: z.number().int().describe('剩余(分)'),
  })
  .meta({ id: 'FundCap' });

export const fundCapRoutes: RouteModule = {
  name: 'fund-caps',
  tag: 'projects',
  description: '社区年度项目资金上限',
  routes: [
    defineRoute({
      method: 'get',
      path: '/api/fund-caps/:communityId',
      summary: '社区年度项目资金:上限、已占用、剩余',
      roles: ['community', 'street_office', 'district_org', 'finance', 'auditor'],
      request: {
        params: z.object({ communityId: zId() }),
        query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      },
      response: { schema: ZFundCap },
      errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE'],
      async handler({ params, query, deps, authorize }) {
        const community = await deps.prisma.unit.findUnique({ where: { id: params.communityId } });
        if (!community || community.level !== 'community') throw new AppError('NOT_FOUND', `社区不存在:${params.communityId}`);
        authorize(community.path);
        const now = businessTime(deps);
        const year = query.year ?? yearOf(now);
        const fund = await deps.prisma.projectFundYear.findUnique({ where: { communityId_year: { communityId: community.id, year } } });
        const capFen = fund?.capFen ?? deps.config.rules.project.yearlyFundCapFen;
        const reservedFen = fund?.reservedFen ?? 0;
        return { communityId: community.id, communityName: community.name, year, capFen, reservedFen, remainingFen: capFen - reservedFen };
      },
    }),
  ],
};
