// GET /api/reporting/{id} — one community's report with its state and timeline.
// The state never holds ballots, and a vote round's tally is null until the
// round has closed; `myVote` tells the caller only about their own ballot.
// While a round is open only auditors see who has voted; others see turnout.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { BALLOT_AUDITOR_ROLES, hideOpenRoundVoters, REPORT_ACTIONS, REPORT_ACTION_NAMES, REPORT_READER_ROLES, type ReportStage } from '../../domain/reporting';
import { voterStatusQuery, type ReportState } from '../../workflows/reporting-shared';
import { canReadUnit } from '../auth/guard';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { inboxTimeline, mergeTimeline } from '../tasks/inbox-timeline';
import { communityNameOf, presentSummary } from './present';
import { ZReportDetail } from './schemas';
import { zId } from '../http/text';

async function findReadableReport(deps: AppDeps, actor: Actor, id: string) {
  const row = await deps.prisma.reportingReport.findUnique({ where: { id } });
  // Out of scope reads the same as missing: a report's existence is not public.
  if (!row || !canReadUnit(actor, row.communityPath, REPORT_READER_ROLES)) throw new AppError('NOT_FOUND', `述职 ${id} 不存在`);
  return row;
}

export async function getReport({ deps, actor, id }: { deps: AppDeps; actor: Actor; id: string }) {
  const row = await findReadableReport(deps, actor, id);
  const timeline = await deps.prisma.reportingTimelineEntry.findMany({ where: { reportId: id }, orderBy: { seq: 'asc' } });
  let myVote: { round: number | null; onRoll: boolean; voted: boolean } | null = null;
  if (row.stage === 'vote' && actor.grants.some((g) => g.role === 'resident_rep')) {
    myVote = await deps.temporal.workflow.getHandle(id).query(voterStatusQuery, actor.personId);
  }
  const stage = row.stage as ReportStage;
  const openRounds = ((row.state as Partial<ReportState>).voteRounds ?? []).filter((r) => r.status === 'open').map((r) => r.round);
  const seesVoters = canReadUnit(actor, row.communityPath, BALLOT_AUDITOR_ROLES);
  const visible = hideOpenRoundVoters(timeline, openRounds, seesVoters);
  return {
    ...presentSummary({ ...row, communityName: communityNameOf(row.state) }),
    state: row.state as Record<string, unknown>,
    timeline: mergeTimeline(
      visible.map((e) => ({ seq: e.seq, at: e.at.toISOString(), actorId: e.actorId, actorName: e.actorName, action: e.action, label: e.label, data: (e.data ?? {}) as Record<string, unknown> })),
      await inboxTimeline(deps.prisma, { process: 'reporting', subjectId: id }),
      (e, seq) => ({ seq, at: e.at, actorId: e.actorId, actorName: e.actorName, action: e.action, label: e.summary, data: e.data, source: 'inbox' as const }),
    ),
    myVote,
    actions: REPORT_ACTION_NAMES.filter((a) => (REPORT_ACTIONS[a].stages as readonly ReportStage[]).includes(stage)),
  };
}

export const getReportRoute = defineRoute({
  method: 'get',
  path: '/api/reporting/:id',
  summary: '社区述职详情(状态、时间线)',
  roles: REPORT_READER_ROLES,
  request: { params: z.object({ id: zId(200).regex(/^reporting-/, '述职编号以 reporting- 开头') }) },
  response: { schema: ZReportDetail },
  errors: ['NOT_FOUND'],
  handler: (ctx) => getReport({ deps: ctx.deps, actor: ctx.actor, id: ctx.params.id }),
});
