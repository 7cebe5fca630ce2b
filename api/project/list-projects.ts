// GET /api/projects — projects in the caller's scope, with filters.
import type { z } from 'zod';
import type { Actor } from '../../domain/access';
import { readScopeSql } from '../auth/guard';
import { Prisma } from '../../prisma/generated/client';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { pageTotal } from '../http/page-total';
import { presentSummary, SUMMARY_COLUMNS, type ProjectSummaryRow } from './present';
import { ZListProjectsQuery, ZProjectSummary } from './schemas';
import { z as zod } from 'zod';
import { rawDb } from '../../db/raw-sql';

const LIST_COLUMNS = Prisma.raw(SUMMARY_COLUMNS.map((f) => `p."${f}"`).join(', '));

/**
 * One query: the page and the total (a count over the same filter, as a
 * subquery PostgreSQL runs once). Only a page past the end, which has no row
 * to carry the total, costs a second query. The page is read in order off
 * the (createdAt DESC, id) index and stops at its last row; a window count
 * (`count(*) OVER ()`) instead carried every row of the caller's scope, wide
 * as they are, through a sort: 0.61 against 0.36 ms a page of 50 for a
 * street of 300 projects (pgbench, 2026-12-03).
 */
export async function listProjects({ deps, actor, query }: { deps: AppDeps; actor: Actor; query: z.output<typeof ZListProjectsQuery> }) {
  const and: Prisma.Sql[] = [readScopeSql(actor, Prisma.sql`p."unitPath"`)];
  if (query.stage) and.push(Prisma.sql`p.stage = ${query.stage}`);
  if (query.streetId) and.push(Prisma.sql`p."streetId" = ${query.streetId}`);
  if (query.communityId) and.push(Prisma.sql`p."communityId" = ${query.communityId}`);
  if (query.year) and.push(Prisma.sql`p.year = ${query.year}`);
  if (query.overdue !== undefined) and.push(Prisma.sql`p.overdue = ${query.overdue}`);
  const where = Prisma.join(and, ' AND ');
  const count = Prisma.sql`SELECT count(*) AS n FROM "Project" p WHERE ${where}`;
  const rows = await rawDb(deps.prisma).$queryRaw<Array<ProjectSummaryRow & { total: bigint }>>`
    SELECT ${LIST_COLUMNS}, (${count}) AS total FROM "Project" p
     WHERE ${where}
     ORDER BY p."createdAt" DESC, p.id ASC
     LIMIT ${query.limit} OFFSET ${query.offset}`;
  const total = await pageTotal(rawDb(deps.prisma), rows, query.offset, count);
  const now = businessTime(deps);
  // Each row as it came: a rest and a spread of every row (50 wide rows a page) showed in the list's CPU profile.
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
