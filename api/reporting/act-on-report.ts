// POST /api/reporting/{id}/actions/{action} — every human step of a report.
// Access before state: the API answers 404 for a report the caller cannot
// read and 403 for a role or unit that may not take the action; the workflow's
// update validator then decides (role, scope, stage, roll), access first too.
import { WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/client';
import type { Actor } from '../../domain/access';
import type { ActionCommand } from '../../domain/kit/command';
import { AppError } from '../../domain/errors';
import { canReadUnit } from '../../domain/access';
import { reportActionAccessRefusal, REPORT_ACTIONS, REPORT_READER_ROLES, type ReportAction } from '../../domain/reporting';
import type { RoleName } from '../../domain/roles';
import { ACTION_UPDATES, type ReportActionResult } from '../../workflows/reporting-shared';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { earlierAnswer, runUpdate } from '../http/run-update';
import { parsePart } from '../http/validate';
import { recordDeputyAction, resolveActing } from '../tasks/acting-as';
import { inboxGrantsRead } from '../tasks/record-access';
import { ACTION_BODIES, ZActionBody, ZActionParams, ZActionResult } from './schemas';

export interface ActOnReportOptions {
  deps: AppDeps;
  actor: Actor;
  id: string;
  action: ReportAction;
  body: unknown;
}

export async function actOnReport({ deps, actor, id, action, body }: ActOnReportOptions): Promise<Record<string, unknown>> {
  // Access before state: a report the caller cannot read does not exist for
  // them (404); one they read but may not act on is 403; only then the
  // workflow's validator judges stage and roll.
  const now = businessTime(deps);
  const row = await deps.prisma.reportingReport.findUnique({ where: { id }, select: { id: true, communityPath: true } });
  if (!row || !(canReadUnit(actor, row.communityPath, REPORT_READER_ROLES) || (await inboxGrantsRead(deps.prisma, { process: 'reporting', subjectId: id }, actor.personId, now)))) {
    throw new AppError('NOT_FOUND', `述职 ${id} 不存在`);
  }
  // The inbox's word first, as for the other processes (委派, 转交, 代理 "代 X");
  // a vote is personal, so a deputy's ballot is refused there (PERSONAL_TASK).
  const acting = await resolveActing({ prisma: deps.prisma, actor, workflowId: id, action, now });
  // Under a key, a refusal here may meet the resend of a deputy's action that closed the task it acted on (earlierAnswer).
  const refusal = reportActionAccessRefusal(acting.actor, action, row.communityPath);
  if (refusal) {
    const denial = { error: new AppError(refusal.code, refusal.message), workflowId: id };
    return { reportId: id, action, ...(await earlierAnswer<ReportActionResult>({ deps, label: REPORT_ACTIONS[action].label, denial })) };
  }
  const args = parsePart(ACTION_BODIES[action], body ?? {}, 'body');
  const handle = deps.temporal.workflow.getHandle(id);
  // Each action's update takes `{ actor, input }`; the input was parsed by that action's schema above.
  const update = ACTION_UPDATES[action] as unknown as UpdateDefinition<Record<string, unknown>, [ActionCommand]>;
  try {
    const result = await runUpdate({ deps, label: REPORT_ACTIONS[action].label, execute: (updateId) => handle.executeUpdate(update, { args: [{ actor: acting.actor, input: args }], ...updateId }) });
    await recordDeputyAction(deps.prisma, acting, { workflowId: id, action, label: REPORT_ACTIONS[action].label, now });
    return { reportId: id, action, ...result };
  } catch (err) {
    // The report exists (checked above): its workflow has finished.
    if (err instanceof WorkflowNotFoundError) throw new AppError('WRONG_STAGE', '该述职已办结,不能再操作', { cause: err });
    throw err;
  }
}

const actionRoles = [...new Set(Object.values(REPORT_ACTIONS).flatMap((a) => a.roles as readonly RoleName[]))];

export const actOnReportRoute = defineRoute({
  method: 'post',
  path: '/api/reporting/:id/actions/:action',
  summary: '述职操作:提交报告 / 评分 / 质询 / 答复 / 投票 / 异议 / 整改',
  description: [
    'Actions: ' + Object.entries(REPORT_ACTIONS).map(([k, v]) => `\`${k}\` ${v.label} (${v.roles.join(', ')})`).join('; ') + '.',
    '`castVote` answers only that the ballot was received; it is refused with NOT_ON_ROLL for a representative of the community not on the roll fixed when the round opened, and with ALREADY_VOTED for a second ballot. A report the caller cannot read is 404; 503 PROCESS_BUSY (Retry-After) when the report does not answer in time; 422 DATA_REJECTED when the database refuses the data.',
  ].join(' '),
  roles: [...new Set([...actionRoles, ...REPORT_READER_ROLES.filter((r) => r === 'resident_rep')])],
  request: { params: ZActionParams, body: ZActionBody },
  response: { schema: ZActionResult },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'DELEGATE_CANNOT_DECIDE', 'TASK_TRANSFERRED', 'PROXY_NOT_ACTIVE', 'PERSONAL_TASK', 'WRONG_STAGE', 'ALREADY_DONE', 'NOT_ON_ROLL', 'ALREADY_VOTED', 'QUESTIONS_UNANSWERED', 'DATA_REJECTED', 'PROCESS_BUSY'],
  handler: (ctx) => actOnReport({ deps: ctx.deps, actor: ctx.actor, id: ctx.params.id, action: ctx.params.action, body: ctx.req.body }) as never,
});
