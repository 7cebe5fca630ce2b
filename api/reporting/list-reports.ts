// GET /api/reporting/reports — community reports in the caller's scope.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { REPORT_READER_ROLES, REPORT_STAGES } from '../../domain/reporting';
import { readScopeFilter } from '../auth/guard';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { presentSummary } from './present';
import { ZYear } from '../http/schemas';
import { ZReportSummary } from './schemas';
import { zId } from '../http/text';

export interface ListReportsOptions {
  deps: AppDeps;
  actor: Actor;
  year?: number;
  cycleId?: string;
  stage?: (typeof REPORT_STAGES)[number];
}

export async function listReports({ deps, actor, year, cycleId, stage }: ListReportsOptions) {
  const rows = await deps.prisma.reportingReport.findMany({
    where: { AND: [readScopeFilter(actor, 'communityPath', REPORT_READER_ROLES), year ? { year } : {}, cycleId ? { cycleId } : {}, stage ? { stage } : {}] },
    orderBy: [{ year: 'desc' }, { communityPath: 'asc' }],
    take: 500,
  });
  return rows.map(presentSummary);
}

export const listReportsRoute = defineRoute({
  method: 'get',
  path: '/api/reporting/reports',
  summary: '社区述职列表',
  roles: REPORT_READER_ROLES,
  request: { query: z.object({ year: ZYear.optional(), cycleId: zId(200).optional(), stage: z.enum(REPORT_STAGES).optional() }) },
  response: { schema: z.object({ items: z.array(ZReportSummary) }) },
  handler: async (ctx) => ({ items: await listReports({ deps: ctx.deps, actor: ctx.actor, ...ctx.query }) }),
});
