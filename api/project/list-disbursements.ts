// GET /api/projects/disbursements — finance's queue of disbursement requests.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { splitByCostSharing, type CostShare } from '../../domain/project/cost-sharing';
import type { PendingAction } from '../../domain/project/state';
import { readScopeSql } from '../auth/guard';
import { Prisma } from '../../prisma/generated/client';
import { rawDb } from '../../db/raw-sql';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { ZDisbursementItem } from './schemas';

export const ZDisbursementQuery = z.object({
  status: z.enum(['requested', 'released', 'returned', 'cancelled']).default('requested'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * One query: the requests with the little of their project a row shows (its
 * title, community, open steps and cost sharing). Through the model each row
 * brought its project's whole state along to read the cost sharing out of.
 */
export async function listDisbursements({ deps, actor, status, limit }: { deps: AppDeps; actor: Actor; status: string; limit: number }) {
  const rows = await rawDb(deps.prisma).$queryRaw<
    Array<{
      projectId: string;
      id: string;
      kind: string;
      milestoneSeq: number | null;
      attempt: number;
      amountFen: number;
      status: string;
      requestedAt: Date;
      projectTitle: string;
      communityName: string;
      pending: PendingAction[];
      costSharing: CostShare[] | null;
    }>
  >`SELECT d."projectId", d.id, d.kind, d."milestoneSeq", d.attempt, d."amountFen", d.status, d."requestedAt",
           p.title AS "projectTitle", p."communityName", p.pending, p.snapshot -> 'costSharing' AS "costSharing"
      FROM "ProjectDisbursement" d JOIN "Project" p ON p.id = d."projectId"
     WHERE d.status = ${status} AND ${readScopeSql(actor, Prisma.sql`p."unitPath"`)}
     ORDER BY d."requestedAt" ASC, d."projectId" ASC, d.id ASC
     LIMIT ${limit}`;
  return rows.map((d) => {
    const pending = d.pending.find((p) => p.ref.disbursementId === d.id);
    const sharing = d.costSharing ?? [];
    return {
      projectId: d.projectId,
      projectTitle: d.projectTitle,
      communityName: d.communityName,
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
