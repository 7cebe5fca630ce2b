// DELETE /api/reporting/schedules/{unitId} — district_org stops a unit's automatic yearly start.
// Cycles already started run on; only future years stop starting by themselves.
import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { CYCLE_STARTER_ROLES } from '../../domain/reporting';
import { assertAccess } from '../auth/guard';
import type { AppDeps } from '../deps';
import { defineRoute, reply } from '../http/define-route';
import { zId } from '../http/text';

export async function disableSchedule({ deps, actor, unitId }: { deps: AppDeps; actor: Actor; unitId: string }): Promise<void> {
  const unit = await deps.prisma.unit.findUnique({ where: { id: unitId } });
  const schedule = await deps.prisma.reportingSchedule.findUnique({ where: { unitId } });
  if (!unit || !schedule) throw new AppError('NOT_FOUND', `单位 ${unitId} 没有年度自动启动设置`);
  assertAccess(actor, CYCLE_STARTER_ROLES, unit.path);
  try {
    await deps.temporal.workflow.getHandle(schedule.workflowId).cancel();
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
  await deps.prisma.reportingSchedule.delete({ where: { unitId } });
  await deps.prisma.auditLog.create({ data: { actorId: actor.personId, action: 'disableReportingSchedule', subjectType: 'reporting-schedule', subjectId: unitId, unitId } });
}

export const disableScheduleRoute = defineRoute({
  method: 'delete',
  path: '/api/reporting/schedules/:unitId',
  summary: '取消每年自动启动述职周期(区委组织部)',
  roles: CYCLE_STARTER_ROLES,
  request: { params: z.object({ unitId: zId() }) },
  response: { status: 204, schema: z.null() },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE'],
  handler: async (ctx) => {
    await disableSchedule({ deps: ctx.deps, actor: ctx.actor, unitId: ctx.params.unitId });
    return reply(204, null);
  },
});
