// GET /api/reporting/results — the year's results per community, for the
// annual assessment, with that community's project ratings of the year.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { RATING_LABELS, REPORT_READER_ROLES, type RatingGrade } from '../../domain/reporting';
import { readScopeFilter } from '../auth/guard';
import type { AppDeps } from '../deps';
import { assertAccess } from '../auth/guard';
import { AppError } from '../../domain/errors';
import { defineRoute } from '../http/define-route';
import { score } from './present';
import { ZYear } from '../http/schemas';
import { ZResult } from './schemas';
import { zId } from '../http/text';

export async function getResults({ deps, actor, unitId, year }: { deps: AppDeps; actor: Actor; unitId?: string; year?: number }) {
  const filters: Array<Record<string, unknown>> = [readScopeFilter(actor, 'communityPath', REPORT_READER_ROLES)];
  if (unitId) {
    const unit = await deps.prisma.unit.findUnique({ where: { id: unitId } });
    if (!unit) throw new AppError('NOT_FOUND', `单位 ${unitId} 不存在`);
    assertAccess(actor, REPORT_READER_ROLES, unit.path);
    filters.push({ communityPath: { startsWith: unit.path } });
  }
  if (year) filters.push({ year });
  const rows = await deps.prisma.reportingResult.findMany({ where: { AND: filters }, orderBy: [{ year: 'desc' }, { communityPath: 'asc' }] });
  const names = new Map((await deps.prisma.unit.findMany({ where: { id: { in: rows.map((r) => r.communityId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    reportId: r.reportId,
    communityId: r.communityId,
    communityName: names.get(r.communityId) ?? r.communityId,
    year: r.year,
    grade: r.grade as RatingGrade,
    gradeLabel: RATING_LABELS[r.grade as RatingGrade],
    upwardScore: score(r.upwardCenti),
    downwardScore: score(r.downwardCenti),
    combinedScore: score(r.combinedCenti),
    reason: r.reason,
    tally: (r.tally as Record<string, number> | null) ?? null,
    rectificationRequired: r.rectificationRequired,
    rectificationStatus: r.rectificationStatus,
    final: r.finalizedAt !== null,
    projectRatings: (r.projectRatings as Array<Record<string, unknown>>) ?? [],
  }));
}

export const getResultsRoute = defineRoute({
  method: 'get',
  path: '/api/reporting/results',
  summary: '年度述职评议结果(年度考核用)',
  roles: REPORT_READER_ROLES,
  request: { query: z.object({ unitId: zId().optional(), year: ZYear.optional() }) },
  response: { schema: z.object({ items: z.array(ZResult) }) },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE'],
  handler: async (ctx) => ({ items: await getResults({ deps: ctx.deps, actor: ctx.actor, ...ctx.query }) }),
});
