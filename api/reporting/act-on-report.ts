// POST /api/reporting/{id}/actions/{action} — every human step of a report.
// The API checks what it can cheaply (scope, body shape); the workflow's
// update validator decides (role, scope, stage, roll), so both paths refuse alike.
import { WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/client';
import type { Actor } from '../../domain/access';
import type { ActionCommand } from '../../domain/kit/command';
import { AppError } from '../../domain/errors';
import { REPORT_ACTIONS, REPORT_READER_ROLES, type ReportAction } from '../../domain/reporting';
import type { RoleName } from '../../domain/roles';
import { ACTION_UPDATES } from '../../workflows/reporting-shared';
import type { AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { parsePart } from '../http/validate';
import { ACTION_BODIES, ZActionBody, ZActionParams, ZActionResult } from './schemas';

export interface ActOnReportOptions {
  deps: AppDeps;
  actor: Actor;
  id: string;
  action: ReportAction;
  body: unknown;
}

export async function actOnReport({ deps, actor, id, action, body }: ActOnReportOptions): Promise<Record<string, unknown>> {
  // Existence only: the workflow's validator judges role, scope, stage and roll,
  // so a voter outside the community hears NOT_ON_ROLL, the same as through any path.
  const exists = await deps.prisma.reportingReport.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw new AppError('NOT_FOUND', `述职 ${id} 不存在`);
  const args = parsePart(ACTION_BODIES[action], body ?? {}, 'body');
  const handle = deps.temporal.workflow.getHandle(id);
  // Each action's update takes `{ actor, input }`; the input was parsed by that action's schema above.
  const update = ACTION_UPDATES[action] as unknown as UpdateDefinition<Record<string, unknown>, [ActionCommand]>;
  try {
    const result = await handle.executeUpdate(update, { args: [{ actor, input: args }] });
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
    '`castVote` answers only that the ballot was received; it is refused with NOT_ON_ROLL for anyone not on the roll fixed when the round opened, and with ALREADY_VOTED for a second ballot.',
  ].join(' '),
  roles: [...new Set([...actionRoles, ...REPORT_READER_ROLES.filter((r) => r === 'resident_rep')])],
  request: { params: ZActionParams, body: ZActionBody },
  response: { schema: ZActionResult },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'WRONG_STAGE', 'ALREADY_DONE', 'NOT_ON_ROLL', 'ALREADY_VOTED', 'QUESTIONS_UNANSWERED'],
  handler: (ctx) => actOnReport({ deps: ctx.deps, actor: ctx.actor, id: ctx.params.id, action: ctx.params.action, body: ctx.req.body }) as never,
});
