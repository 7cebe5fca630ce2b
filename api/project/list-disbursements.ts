// GET /api/projects/disbursements — finance's queue of disbursement requests.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { splitByCostSharing, type CostShare } from '../../domain/project/cost-sharing';
import type { PendingAction } from '../../domain/project/state';
import { readScopeFilter } from '../auth/guard';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { ZDisbursementItem } from './schemas';

export const ZDisbursementQuery = z.object({
  status: z.enum(['requested', 'released', 'returned', 'cancelled']).default('requested'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export async function listDisbursements({ deps, actor, status, limit }: { deps: AppDeps; actor: Actor; status: string; limit: number }) {
  const rows = await deps.prisma.projectDisbursement.findMany({
    where: { status, project: readScopeFilter(actor, 'unitPath') },
    include: { project: { select: { title: true, communityName: true, pending: true, snapshot: true } } },
    orderBy: [{ requestedAt: 'asc' }, { projectId: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  return rows.map((d) => {
    const pending = (d.project.pending as unknown as PendingAction[]).find((p) => p.ref.disbursementId === d.id);
    const sharing = ((d.project.snapshot as { costSharing?: CostShare[] }).costSharing ?? []) as CostShare[];
    return {
      projectId: d.projectId,
      projectTitle: d.project.title,
      communityName: d.project.communityName,
      disbursementId: d.id,
      kind: d.kind,
      milestoneSeq: d.milestoneSeq,
      attempt: d.attempt,
      amountFen: d.amountFen,
      status: d.status,
      requestedAt: d.requestedAt.toISOString(),
      dueAt: pending?.dueAt ?? null,
      split: sharing.length > 0 ? splitByCostSharing(d.amountFen, sharing) : [],
    };
  });
}

export const listDisbursementsRoute = defineRoute({
  method: 'get',
  path: '/api/projects/disbursements',
  summary: '拨付申请队列(财政)',
  roles: ['finance', 'district_org', 'street_office', 'auditor'],
  request: { query: ZDisbursementQuery },
  response: { schema: z.object({ items: z.array(ZDisbursementItem) }) },
  handler: async (ctx) => ({ items: await listDisbursements({ deps: ctx.deps, actor: ctx.actor, status: ctx.query.status, limit: ctx.query.limit }) }),
});
