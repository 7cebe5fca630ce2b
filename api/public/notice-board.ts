// GET /api/public/notice-board — the 公示栏 (党务公开、居务公开), public, no
// login: per community, what is under public notice now — approved projects
// with budget and period, 双向述职 results — with the notice dates. Nothing
// beyond what a paper notice board shows: no person, no vote, no comment.
import { z } from 'zod';
import { RATING_LABELS } from '../../domain/reporting/terms';
import { defineRoute, type RouteModule } from '../http/define-route';
import { businessTime } from '../deps';

export const ZNoticeBoard = z
  .object({
    communities: z.array(z.object({ id: z.string(), name: z.string(), streetName: z.string().nullable() })),
    community: z.object({ id: z.string(), name: z.string() }).nullable(),
    projects: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        category: z.string(),
        year: z.number(),
        budgetFen: z.number().int(),
        periodFrom: z.string().nullable().describe('首个节点计划完成日期前的申报日期'),
        periodTo: z.string().nullable().describe('最后一个节点计划完成日期'),
        noticeFrom: z.string().nullable(),
        noticeTo: z.string().nullable(),
      }),
    ),
    results: z.array(
      z.object({
        reportId: z.string(),
        year: z.number(),
        grade: z.string(),
        gradeLabel: z.string(),
        combinedScore: z.string().nullable(),
        decidedAt: z.string(),
        publishedUntil: z.string().nullable(),
      }),
    ),
    objectionGuide: z.string(),
  })
  .meta({ id: 'NoticeBoard' });

const OBJECTION_GUIDE =
  '公示期内,党员、居民对公示内容有异议的,可向社区党组织或居委会书面提出,也可由党员/居民代表在工作台“提出异议”;街道办事处应在规定期限内答复,异议成立的依规纠正。';

export const noticeBoardRoutes: RouteModule = {
  name: 'public',
  tag: 'public',
  description: '公示栏(党务公开、居务公开),无需登录',
  routes: [
    defineRoute({
      method: 'get',
      path: '/api/public/notice-board',
      summary: '公示栏:社区正在公示的党建项目和双向述职结果(无需登录)',
      roles: 'public',
      request: { query: z.object({ communityId: z.string().min(1).max(200).optional() }) },
      response: { schema: ZNoticeBoard },
      async handler({ query, deps }) {
        const now = businessTime(deps);
        const units = await deps.prisma.unit.findMany({ where: { level: 'community' }, include: { parent: true }, orderBy: { path: 'asc' } });
        const communities = units.map((u) => ({ id: u.id, name: u.name, streetName: u.parent?.name ?? null }));
        const community = units.find((u) => u.id === query.communityId) ?? null;
        if (!community) return { communities, community: null, projects: [], results: [], objectionGuide: OBJECTION_GUIDE };
        const projects = await deps.prisma.project.findMany({ where: { communityId: community.id, stage: 'notice' }, orderBy: { updatedAt: 'desc' }, take: 50 });
        const results = await deps.prisma.reportingResult.findMany({
          where: { communityId: community.id, publishedUntil: { gt: now } },
          orderBy: { year: 'desc' },
          take: 10,
        });
        return {
          communities,
          community: { id: community.id, name: community.name },
          projects: projects.map((p) => {
            const snap = p.snapshot as { notice?: { startsAt?: string; endsAt?: string } | null; application?: { milestones?: Array<{ dueDate: string }> } };
            const dues = (snap.application?.milestones ?? []).map((m) => m.dueDate).sort();
            return {
              id: p.id,
              title: p.title,
              category: p.category,
              year: p.year,
              budgetFen: p.budgetFen,
              periodFrom: p.createdAt.toISOString(),
              periodTo: dues[dues.length - 1] ?? null,
              noticeFrom: snap.notice?.startsAt ?? null,
              noticeTo: snap.notice?.endsAt ?? null,
            };
          }),
          results: results.map((r) => ({
            reportId: r.reportId,
            year: r.year,
            grade: r.grade,
            gradeLabel: RATING_LABELS[r.grade as keyof typeof RATING_LABELS] ?? r.grade,
            combinedScore: r.combinedCenti === null ? null : (r.combinedCenti / 100).toFixed(2),
            decidedAt: r.decidedAt.toISOString(),
            publishedUntil: r.publishedUntil?.toISOString() ?? null,
          })),
          objectionGuide: OBJECTION_GUIDE,
        };
      },
    }),
  ],
};
