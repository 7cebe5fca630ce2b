// GET /api/reporting/reports — community reports in the caller's scope.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { REPORT_READER_ROLES, REPORT_STAGES } from '../../domain/reporting';
import { readScopeSql } from '../auth/guard';
import { Prisma } from '../../prisma/generated/client';
import { rawDb } from '../../db/raw-sql';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { presentSummary, type ReportSummaryRow } from './present';
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

/**
 * One query of the summary columns, with the community's name out of each
 * report's state rather than the whole state (a cycle's reports carry their
 * votes and timelines there).
 */
export async function listReports({ deps, actor, year, cycleId, stage }: ListReportsOptions) {
  const and: Prisma.Sql[] = [readScopeSql(actor, Prisma.sql`r."communityPath"`, REPORT_READER_ROLES)];
  if (year) and.push(Prisma.sql`r.year = ${year}`);
  if (cycleId) and.push(Prisma.sql`r."cycleId" = ${cycleId}`);
  if (stage) and.push(Prisma.sql`r.stage = ${stage}`);
  const rows = await rawDb(deps.prisma).$queryRaw<ReportSummaryRow[]>`
    SELECT r.id, r."cycleId", r."communityId", r.state #>> '{community,name}' AS "communityName", r.year, r.stage, r."dueAt", r.grade, r."combinedCenti"
      FROM "ReportingReport" r
     WHERE ${Prisma.join(and, ' AND ')}
     ORDER BY r.year DESC, r."communityPath" ASC
     LIMIT 500`;
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
