// POST /api/reporting/cycles — district_org starts a year's cycle for a street or district by hand.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { AppError } from '../../domain/errors';
import { CYCLE_STARTER_ROLES, workflowIds } from '../../domain/reporting';
import type { reportingCycle } from '../../workflows/reporting';
import { defineRoute, reply } from '../http/define-route';
import { requestRowKey } from '../http/idempotency';
import type { AppDeps } from '../deps';
import type { Actor } from '../../domain/access';
import { assertAccess } from '../auth/guard';
import { z } from 'zod';
import { ZStartCycleBody } from './schemas';

export interface StartCycleOptions {
  deps: AppDeps;
  actor: Actor;
  unitId: string;
  year: number;
}

export async function startCycle({ deps, actor, unitId, year }: StartCycleOptions): Promise<{ cycleId: string }> {
  const unit = await deps.prisma.unit.findUnique({ where: { id: unitId } });
  if (!unit) throw new AppError('NOT_FOUND', `单位 ${unitId} 不存在`);
  assertAccess(actor, CYCLE_STARTER_ROLES, unit.path);
  if (unit.level !== 'district' && unit.level !== 'street') throw new AppError('BUSINESS_RULE', '述职周期只能对街道或区启动');
  const cycleId = workflowIds.cycle(unit.id, year);
  // The cycle's id is the unit's and the year's; a keyed request names itself in the cycle's memo, so that its
  // resend after a lost answer is told the cycle it started rather than "already started".
  const startRequest = requestRowKey('reporting-cycle');
  try {
    await deps.temporal.workflow.start<typeof reportingCycle>('reportingCycle', {
      workflowId: cycleId,
      taskQueue: deps.config.temporal.taskQueue,
      args: [{ unitId: unit.id, year, trigger: 'manual', startedById: actor.personId }],
      ...(startRequest ? { memo: { startRequest } } : {}),
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const started = startRequest ? (await deps.temporal.workflow.getHandle(cycleId).describe()).memo?.startRequest : undefined;
    if (!startRequest || started !== startRequest) throw new AppError('ALREADY_DONE', `${unit.name} ${year} 年度述职周期已启动`);
  }
  return { cycleId };
}

export const startCycleRoute = defineRoute({
  method: 'post',
  path: '/api/reporting/cycles',
  summary: '启动年度述职周期(区委组织部)',
  description: 'Starts one report workflow per community of the street or district for the year. A second start of the same unit and year answers 409 ALREADY_DONE; the starting request resent with its Idempotency-Key (its answer lost) gets the first answer.',
  roles: CYCLE_STARTER_ROLES,
  request: { body: ZStartCycleBody },
  response: { status: 202, schema: z.object({ cycleId: z.string() }) },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'ALREADY_DONE', 'BUSINESS_RULE'],
  handler: async (ctx) => reply(202, await startCycle({ deps: ctx.deps, actor: ctx.actor, unitId: ctx.body.unitId, year: ctx.body.year })),
});
