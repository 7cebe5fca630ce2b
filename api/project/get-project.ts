// GET /api/projects/{id} — one project: state, pending actions, ledger, timeline.
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { availableActionRefs } from '../../domain/project/machine';
import type { ProjectState } from '../../domain/project/state';
import { canReadUnit } from '../auth/guard';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { presentSummary } from './present';
import { ZProjectDetail, ZProjectId } from './schemas';
import { inboxGrantsRead } from '../tasks/record-access';
import { INBOX_ACTION_LABELS, inboxTimeline, mergeTimeline } from '../tasks/inbox-timeline';

export async function getProject({ deps, actor, projectId }: { deps: AppDeps; actor: Actor; projectId: string }) {
  const row = await deps.prisma.project.findUnique({
    where: { id: projectId },
    include: {
      payments: { include: { lines: true }, orderBy: { releasedAt: 'asc' } },
      events: { orderBy: { seq: 'asc' } },
    },
  });
  // Outside the caller's scope reads as absent: a project's existence is not disclosed.
  const readable = row && (canReadUnit(actor, row.unitPath) || (await inboxGrantsRead(deps.prisma, { process: 'project', subjectId: row.id }, actor.personId, businessTime(deps))));
  if (!row || !readable) throw new AppError('NOT_FOUND', `项目不存在:${projectId}`);
  // A payment's lines in the order of the project's cost sharing (市级, 区级, 街道 …), as the split made them:
  // the rows have no order of their own, and the ledger's columns must not change places between reads.
  const rank = new Map(((row.snapshot as unknown as ProjectState).costSharing ?? []).map((c, i) => [c.party, i]));
  const inSharingOrder = <L extends { party: string }>(lines: L[]) =>
    [...lines].sort((a, b) => (rank.get(a.party) ?? rank.size) - (rank.get(b.party) ?? rank.size) || a.party.localeCompare(b.party));
  const payments = row.payments.map((p) => ({ ...p, lines: inSharingOrder(p.lines) }));
  const byParty = new Map<string, { party: string; label: string; amountFen: number }>();
  for (const p of payments) {
    for (const l of p.lines) {
      const sum = byParty.get(l.party) ?? { party: l.party, label: l.label, amountFen: 0 };
      sum.amountFen += l.amountFen;
      byParty.set(l.party, sum);
    }
  }
  return {
    ...presentSummary(row, businessTime(deps)),
    state: row.snapshot as Record<string, unknown>,
    availableActions: availableActionRefs(row.snapshot as unknown as ProjectState, actor),
    ledger: {
      payments: payments.map((p) => ({
        id: p.id,
        payableKey: p.payableKey,
        disbursementId: p.disbursementId,
        kind: p.kind,
        amountFen: p.amountFen,
        voucherNo: p.voucherNo,
        releasedAt: p.releasedAt.toISOString(),
        lines: p.lines.map((l) => ({ party: l.party, label: l.label, amountFen: l.amountFen })),
      })),
      totalPaidFen: row.payments.reduce((s, p) => s + p.amountFen, 0),
      byParty: [...byParty.values()],
    },
    timeline: mergeTimeline(
      row.events.map((e) => ({
        seq: e.seq,
        at: e.at.toISOString(),
        actorId: e.actorId,
        actorName: e.actorName,
        action: e.action,
        label: e.label,
        stage: e.stage,
        data: e.data as Record<string, unknown>,
      })),
      await inboxTimeline(deps.prisma, { process: 'project', subjectId: row.id }),
      (e, seq) => ({ seq, at: e.at, actorId: e.actorId, actorName: e.actorName, action: e.action, label: INBOX_ACTION_LABELS[e.action] ?? e.action, stage: row.stage, data: e.data, source: 'inbox' as const }),
    ),
  };
}

export const getProjectRoute = defineRoute({
  method: 'get',
  path: '/api/projects/:id',
  summary: '项目详情(状态、待办、台账、时间线)',
  roles: 'authenticated',
  request: { params: ZProjectId },
  response: { schema: ZProjectDetail },
  errors: ['NOT_FOUND'],
  handler: async (ctx) => getProject({ deps: ctx.deps, actor: ctx.actor, projectId: ctx.params.id }),
});
