// GET /api/projects/supervision — 督查通报: per street and quarter, the
// overdue milestones, the funds released (by funding level) and the ratings.
import { startOfMonth } from '../../domain/calendar';
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { RATING_LABELS, PROJECT_RATINGS, type ProjectRating } from '../../domain/project/scoring';
import { assertAccess } from '../auth/guard';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { ZLedgerLine, ZSupervisionQuery } from './schemas';

const SUPERVISORS = ['district_org', 'street_office', 'auditor'] as const;

/** [start, end) of a quarter in Beijing time. */
export function quarterBounds(year: number, quarter: number): { start: Date; end: Date } {
  const first = (quarter - 1) * 3 + 1;
  return { start: startOfMonth(year, first), end: startOfMonth(year, first + 3) };
}

export async function supervisionReport({ deps, actor, streetId, year, quarter }: { deps: AppDeps; actor: Actor; streetId: string; year: number; quarter: number }) {
  const street = await deps.prisma.unit.findUnique({ where: { id: streetId } });
  if (!street || street.level !== 'street') throw new AppError('NOT_FOUND', `街道不存在:${streetId}`);
  assertAccess(actor, SUPERVISORS, street.path);
  const { start, end } = quarterBounds(year, quarter);
  const now = businessTime(deps);

  const overdue = await deps.prisma.projectMilestone.findMany({
    where: {
      project: { streetId },
      overdueSince: { not: null, gte: start, lt: end },
    },
    include: { project: { select: { title: true, communityName: true, stage: true } } },
    orderBy: [{ dueDate: 'asc' }, { projectId: 'asc' }, { seq: 'asc' }],
  });
  const payments = await deps.prisma.projectPayment.findMany({
    where: { streetId, releasedAt: { gte: start, lt: end } },
    include: { lines: true },
  });
  const rated = await deps.prisma.project.findMany({
    where: { streetId, ratedAt: { gte: start, lt: end }, rating: { not: null } },
    select: { id: true, title: true, communityName: true, rating: true, scoreCentiPoints: true },
    orderBy: { ratedAt: 'asc' },
  });
  const stages = await deps.prisma.project.groupBy({ by: ['stage'], where: { streetId }, _count: { _all: true } });

  const byParty = new Map<string, { party: string; label: string; amountFen: number }>();
  const byKind: Record<string, number> = {};
  for (const p of payments) {
    byKind[p.kind] = (byKind[p.kind] ?? 0) + p.amountFen;
    for (const l of p.lines) {
      const s = byParty.get(l.party) ?? { party: l.party, label: l.label, amountFen: 0 };
      s.amountFen += l.amountFen;
      byParty.set(l.party, s);
    }
  }
  const ratingCounts = Object.fromEntries(PROJECT_RATINGS.map((r) => [r, rated.filter((x) => x.rating === r).length])) as Record<ProjectRating, number>;
  return {
    streetId,
    streetName: street.name,
    year,
    quarter,
    periodStart: start.toISOString(),
    periodEnd: end.toISOString(),
    generatedAt: now.toISOString(),
    overdueMilestones: overdue.map((m) => ({
      projectId: m.projectId,
      projectTitle: m.project.title,
      communityName: m.project.communityName,
      seq: m.seq,
      title: m.title,
      dueDate: m.dueDate.toISOString().slice(0, 10),
      status: m.status,
      overdueSince: m.overdueSince!.toISOString(),
      reportedAt: m.reportedAt?.toISOString() ?? null,
    })),
    funds: {
      releasedFen: payments.reduce((s, p) => s + p.amountFen, 0),
      payments: payments.length,
      byKind,
      byParty: [...byParty.values()],
    },
    ratings: {
      counts: ratingCounts,
      projects: rated.map((r) => ({
        projectId: r.id,
        title: r.title,
        communityName: r.communityName,
        rating: r.rating as ProjectRating,
        ratingLabel: RATING_LABELS[r.rating as ProjectRating],
        score: r.scoreCentiPoints === null ? null : (r.scoreCentiPoints / 100).toFixed(2),
      })),
    },
    projectsByStage: Object.fromEntries(stages.map((s) => [s.stage, s._count._all])),
  };
}

export const ZSupervisionReport = z.object({
  streetId: z.string(),
  streetName: z.string(),
  year: z.number(),
  quarter: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  generatedAt: z.string(),
  overdueMilestones: z.array(
    z.object({
      projectId: z.string(),
      projectTitle: z.string(),
      communityName: z.string(),
      seq: z.number(),
      title: z.string(),
      dueDate: z.string(),
      status: z.string(),
      overdueSince: z.string(),
      reportedAt: z.string().nullable(),
    }),
  ),
  funds: z.object({ releasedFen: z.number(), payments: z.number(), byKind: z.record(z.string(), z.number()), byParty: z.array(ZLedgerLine) }),
  ratings: z.object({
    counts: z.record(z.string(), z.number()),
    projects: z.array(z.object({ projectId: z.string(), title: z.string(), communityName: z.string(), rating: z.string(), ratingLabel: z.string(), score: z.string().nullable() })),
  }),
  projectsByStage: z.record(z.string(), z.number()),
});

export const supervisionReportRoute = defineRoute({
  method: 'get',
  path: '/api/projects/supervision',
  summary: '督查通报:街道季度项目情况(逾期节点、资金拨付、验收等次)',
  roles: [...SUPERVISORS],
  request: { query: ZSupervisionQuery },
  response: { schema: ZSupervisionReport },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE'],
  handler: async (ctx) => supervisionReport({ deps: ctx.deps, actor: ctx.actor, streetId: ctx.query.streetId, year: ctx.query.year, quarter: ctx.query.quarter }),
});
