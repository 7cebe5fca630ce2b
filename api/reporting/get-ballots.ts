// GET /api/reporting/{id}/ballots — auditor only: who voted what, once the round has closed.
// The one place that follows participation.ballotId to the ballot.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { BALLOT_AUDITOR_ROLES, type VoteChoice } from '../../domain/reporting';
import type { ReportState } from '../../workflows/reporting-shared';
import type { AppDeps } from '../deps';
import { assertAccess } from '../auth/guard';
import { defineRoute } from '../http/define-route';
import { ZBallotAudit } from './schemas';
import { zId } from '../http/text';

export async function getBallots({ deps, actor, id, round }: { deps: AppDeps; actor: Actor; id: string; round?: number }) {
  const row = await deps.prisma.reportingReport.findUnique({ where: { id } });
  if (!row) throw new AppError('NOT_FOUND', `述职 ${id} 不存在`);
  assertAccess(actor, BALLOT_AUDITOR_ROLES, row.communityPath);
  const rounds = (row.state as unknown as ReportState).voteRounds ?? [];
  const r = round ?? rounds.at(-1)?.round;
  const target = rounds.find((x) => x.round === r);
  if (!target) throw new AppError('NOT_FOUND', '没有该轮投票');
  if (target.status !== 'closed') throw new AppError('BALLOTS_SEALED', '投票结束前选票保持密封');
  const [roll, participation] = await Promise.all([
    deps.prisma.reportingVoterRoll.findMany({ where: { reportId: id, round: target.round }, orderBy: { displayName: 'asc' } }),
    deps.prisma.reportingVoteParticipation.findMany({ where: { reportId: id, round: target.round } }),
  ]);
  const ballots = await deps.prisma.reportingBallot.findMany({ where: { id: { in: participation.map((p) => p.ballotId) } } });
  const byId = new Map(ballots.map((b) => [b.id, b]));
  const names = new Map(roll.map((v) => [v.personId, v.displayName]));
  await deps.prisma.auditLog.create({
    data: { actorId: actor.personId, action: 'viewBallots', subjectType: 'reporting', subjectId: id, data: { round: target.round } },
  });
  return {
    reportId: id,
    round: target.round,
    roll: roll.map((v) => ({ personId: v.personId, displayName: v.displayName })),
    ballots: participation
      .map((p) => {
        const b = byId.get(p.ballotId)!;
        return { personId: p.personId, displayName: names.get(p.personId) ?? p.personId, choice: b.choice as VoteChoice, comment: b.comment };
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN')),
  };
}

export const getBallotsRoute = defineRoute({
  method: 'get',
  path: '/api/reporting/:id/ballots',
  summary: '民主评议选票明细(仅审计)',
  description: 'Who voted what, for auditors only and only after the round has closed. Every read is written to the audit log.',
  roles: BALLOT_AUDITOR_ROLES,
  request: { params: z.object({ id: zId(200) }), query: z.object({ round: z.coerce.number().int().min(1).max(1000).optional() }) },
  response: { schema: ZBallotAudit },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'BALLOTS_SEALED'],
  handler: (ctx) => getBallots({ deps: ctx.deps, actor: ctx.actor, id: ctx.params.id, round: ctx.query.round }),
});
