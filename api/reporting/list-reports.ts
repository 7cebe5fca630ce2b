// GET /api/reporting/reports — community reports in the caller's scope.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { REPORT_READER_ROLES, REPORT_STAGES } from '../../domain/reporting';
import { readScopeSql } from '../auth/guard';
import { Prisma } from '../../prisma/generated/client';
import { rawDb } from '../../db/raw-sql';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { pageTotal } from '../http/page-total';
import { presentSummary, type ReportSummaryRow } from './present';
import { zOffsetPage, ZYear } from '../http/schemas';
import { ZReportListItem } from './schemas';
import { zId } from '../http/text';

export interface ListReportsOptions {
  deps: AppDeps;
  actor: Actor;
  year?: number;
  cycleId?: string;
  streetId?: string;
  stage?: (typeof REPORT_STAGES)[number];
  limit: number;
  offset: number;
}

/**
 * One query of the summary columns, with the community's name out of each
 * report's state rather than the whole state (a cycle's reports carry their
 * votes and timelines there), and its street's name: a district's list holds
 * a hundred communities of ten streets.
 */
export async function listReports({ deps, actor, year, cycleId, streetId, stage, limit, offset }: ListReportsOptions) {
  const and: Prisma.Sql[] = [readScopeSql(actor, Prisma.sql`r."communityPath"`, REPORT_READER_ROLES)];
  if (year) and.push(Prisma.sql`r.year = ${year}`);
  if (cycleId) and.push(Prisma.sql`r."cycleId" = ${cycleId}`);
  if (streetId) and.push(Prisma.sql`r."streetId" = ${streetId}`);
  if (stage) and.push(Prisma.sql`r.stage = ${stage}`);
  const where = Prisma.join(and, ' AND ');
  const count = Prisma.sql`SELECT count(*) AS n FROM "ReportingReport" r WHERE ${where}`;
  const rows = await rawDb(deps.prisma).$queryRaw<Array<ReportSummaryRow & { streetName: string | null; total: bigint }>>`
    SELECT r.id, r."cycleId", r."communityId", r.state #>> '{community,name}' AS "communityName", r."streetId", s.name AS "streetName",
           r.year, r.stage, r."dueAt", r.grade, r."combinedCenti", (${count}) AS total
      FROM "ReportingReport" r
      LEFT JOIN "Unit" s ON s.id = r."streetId"
     WHERE ${where}
     ORDER BY r.year DESC, r."communityPath" ASC
     LIMIT ${limit} OFFSET ${offset}`;
  const total = await pageTotal(rawDb(deps.prisma), rows, offset, count);
  return { items: rows.map((row) => ({ ...presentSummary(row), streetName: row.streetName })), total };
}

export const listReportsRoute = defineRoute({
  method: 'get',
  path: '/api/reporting/reports',
  summary: '社区述职列表',
  roles: REPORT_READER_ROLES,
  request: {
    query: z.object({
      year: ZYear.optional(),
      cycleId: zId(200).optional(),
      streetId: zId(200).optional().describe('只看该街道的社区'),
      stage: z.enum(REPORT_STAGES).optional(),
      // Paged as the other lists: a district's years of reports outgrow one answer (it stopped at 500 rows, silently).
      ...zOffsetPage(),
    }),
  },
  response: { schema: z.object({ items: z.array(ZReportListItem), total: z.number() }) },
  handler: async (ctx) => listReports({ deps: ctx.deps, actor: ctx.actor, ...ctx.query }),
});
