// GET /api/projects/disbursements — finance's queue of disbursement requests,
// and what was released, returned or withdrawn (most recent first), paged.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { splitByCostSharing, type CostShare } from '../../domain/project/cost-sharing';
import type { PendingAction } from '../../domain/project/state';
import { readScopeSql } from '../auth/guard';
import { Prisma } from '../../prisma/generated/client';
import { rawDb } from '../../db/raw-sql';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { pageTotal } from '../http/page-total';
import { zOffsetPage } from '../http/schemas';
import { ZDisbursementItem } from './schemas';

export const ZDisbursementQuery = z.object({
  status: z.enum(['requested', 'released', 'returned', 'cancelled']).default('requested'),
  ...zOffsetPage(500, 100),
});

/**
 * One query: the requests with the little of their project a row shows (its
 * title, community, open steps and cost sharing). Through the model each row
 * brought its project's whole state along to read the cost sharing out of.
 */
export async function listDisbursements({ deps, actor, status, limit, offset = 0 }: { deps: AppDeps; actor: Actor; status: string; limit: number; offset?: number }) {
  const where = Prisma.sql`d.status = ${status} AND ${readScopeSql(actor, Prisma.sql`p."unitPath"`)}`;
  const count = Prisma.sql`SELECT count(*) AS n FROM "ProjectDisbursement" d JOIN "Project" p ON p.id = d."projectId" WHERE ${where}`;
  // The queue oldest first (the order finance works in); what was decided, the latest first.
  const order = status === 'requested' ? Prisma.sql`d."requestedAt" ASC, d."projectId" ASC, d.id ASC` : Prisma.sql`d."decidedAt" DESC NULLS LAST, d."requestedAt" DESC, d."projectId" ASC, d.id ASC`;
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
      decidedAt: Date | null;
      voucherNo: string | null;
      returnReason: string | null;
      projectTitle: string;
      communityName: string;
      pending: PendingAction[];
      costSharing: CostShare[] | null;
      total: bigint;
    }>
  >`SELECT d."projectId", d.id, d.kind, d."milestoneSeq", d.attempt, d."amountFen", d.status, d."requestedAt", d."decidedAt", d."voucherNo", d."returnReason",
           p.title AS "projectTitle", p."communityName", p.pending, p.snapshot -> 'costSharing' AS "costSharing", (${count}) AS total
      FROM "ProjectDisbursement" d JOIN "Project" p ON p.id = d."projectId"
     WHERE ${where}
     ORDER BY ${order}
     LIMIT ${limit} OFFSET ${offset}`;
  const total = await pageTotal(rawDb(deps.prisma), rows, offset, count);
  const items = rows.map((d) => {
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
      decidedAt: d.decidedAt?.toISOString() ?? null,
      voucherNo: d.voucherNo,
      returnReason: d.returnReason,
      dueAt: pending?.dueAt ?? null,
      split: sharing.length > 0 ? splitByCostSharing(d.amountFen, sharing) : [],
    };
  });
  return { items, total };
}

export const listDisbursementsRoute = defineRoute({
  method: 'get',
  path: '/api/projects/disbursements',
  summary: '拨付申请队列(财政);status 查已拨付、已退回、已撤销的申请(最近的在前)',
  roles: ['finance', 'district_org', 'street_office', 'auditor'],
  request: { query: ZDisbursementQuery },
  response: { schema: z.object({ items: z.array(ZDisbursementItem), total: z.number() }) },
  handler: (ctx) => listDisbursements({ deps: ctx.deps, actor: ctx.actor, status: ctx.query.status, limit: ctx.query.limit, offset: ctx.query.offset }),
});
