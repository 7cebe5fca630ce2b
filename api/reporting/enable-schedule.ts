// POST /api/reporting/schedules — district_org makes a unit's cycle start by itself every year.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { CYCLE_STARTER_ROLES, workflowIds } from '../../domain/reporting';
import type { reportingYearly } from '../../workflows/reporting';
import { assertAccess } from '../auth/guard';
import type { AppDeps } from '../deps';
import { defineRoute, reply } from '../http/define-route';
import { ZEnableScheduleBody } from './schemas';

export interface EnableScheduleOptions {
  deps: AppDeps;
  actor: Actor | null;
  unitId: string;
}

/** Idempotent: an existing schedule is kept. `actor` null = the platform itself (seeds, start-up). */
export async function enableSchedule({ deps, actor, unitId }: EnableScheduleOptions): Promise<{ workflowId: string; created: boolean }> {
  const unit = await deps.prisma.unit.findUnique({ where: { id: unitId } });
  if (!unit) throw new AppError('NOT_FOUND', `单位 ${unitId} 不存在`);
  if (actor) assertAccess(actor, CYCLE_STARTER_ROLES, unit.path);
  if (unit.level !== 'district' && unit.level !== 'street') throw new AppError('BUSINESS_RULE', '年度述职只能对街道或区设置');
  const workflowId = workflowIds.yearly(unit.id);
  try {
    await deps.temporal.workflow.start<typeof reportingYearly>('reportingYearly', {
      workflowId,
      taskQueue: deps.config.temporal.taskQueue,
      args: [{ unitId: unit.id }],
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, created: false };
    throw err;
  }
  await deps.prisma.reportingSchedule.upsert({
    where: { unitId: unit.id },
    create: { unitId: unit.id, workflowId, enabledById: actor?.personId ?? null },
    update: { enabledById: actor?.personId ?? null },
  });
  return { workflowId, created: true };
}

export const enableScheduleRoute = defineRoute({
  method: 'post',
  path: '/api/reporting/schedules',
  summary: '设置每年自动启动述职周期(区委组织部)',
  description: 'Starts the long-running yearly schedule of the unit (workflow reporting-yearly-<unitId>); idempotent.',
  roles: CYCLE_STARTER_ROLES,
  request: { body: ZEnableScheduleBody },
  response: { status: 201, schema: z.object({ workflowId: z.string(), created: z.boolean() }) },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'BUSINESS_RULE'],
  handler: async (ctx) => {
    const out = await enableSchedule({ deps: ctx.deps, actor: ctx.actor, unitId: ctx.body.unitId });
    return reply(out.created ? 201 : 200, out);
  },
});
