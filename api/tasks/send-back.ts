// POST /api/tasks/{id}/actions/sendBack — 退回: the holder of an open task
// returns the process to an earlier human step the process allows, with a
// reason. The process decides (the machine's sendBackTargets and sendBack,
// served by the kit runner): it opens the earlier step again under a new task
// key, writes the timeline line and tells whoever holds that step. The inbox
// checks the caller holds the task and audits it as task.sendBack.
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { handlingRefusal } from '../../domain/inbox/rules';
import { sendBackUpdate } from '../../workflows/kit/shared';
import { businessTime, type AppDeps } from '../deps';
import { requestRowKey } from '../http/idempotency';
import { runUpdate } from '../http/run-update';
import { loadTask } from './load-task';

/** Processes whose machine declares `sendBack` (see domain/kit/machine.ts). */
export const SENDING_BACK_PROCESSES: ReadonlySet<string> = new Set(['project', 'grid', 'mediation']);

export interface SendBackOptions {
  deps: AppDeps;
  actor: Actor;
  taskId: string;
  toAction: string;
  reason: string;
  requestId?: string;
}

export async function sendBack({ deps, actor, taskId, toAction, reason, requestId }: SendBackOptions) {
  const { task, facts } = await loadTask(deps.prisma, actor, taskId);
  const refusal = handlingRefusal(actor, facts);
  // A resend whose 退回 went through meets its task closed: runUpdate answers it from the first attempt's outcome.
  const denial = refusal
    ? new AppError(refusal.code, refusal.message)
    : facts.delegateId
      ? new AppError('TASK_DELEGATED', '任务正在委派办理中,请等受委派人交回后再退回。')
      : null;
  if (!denial && !SENDING_BACK_PROCESSES.has(task.process)) throw new AppError('SEND_BACK_NOT_ALLOWED', '该流程的步骤不能退回。');
  const handle = deps.temporal.workflow.getHandle(task.workflowId);
  const result = await runUpdate({
    deps,
    label: '退回',
    denial: denial && { error: denial, workflowId: task.workflowId },
    execute: (id) => handle.executeUpdate(sendBackUpdate, { args: [{ actor, input: { taskKey: task.key, toAction, reason }, requestId }], ...id }),
  });
  const now = businessTime(deps);
  // The timeline line is the process's own; the audit row is written once per request (a resend finds its own).
  const requestKey = requestRowKey(`audit\n${task.id}\nsendBack`);
  const audited =
    requestKey &&
    (await deps.prisma.auditLog.findFirst({ where: { action: 'task.sendBack', subjectId: task.id, data: { path: ['requestKey'], equals: requestKey } }, select: { id: true } }));
  const answer = { taskId, stage: result.stage, version: result.version, message: result.message, sentBackTo: result.sentBackTo };
  if (audited) return answer;
  await deps.prisma.auditLog.create({
    data: {
      at: now,
      actorId: actor.personId,
      action: 'task.sendBack',
      subjectType: 'HumanTask',
      subjectId: task.id,
      unitId: task.unitId,
      requestId,
      data: { process: task.process, workflowId: task.workflowId, recordId: task.subjectId, taskAction: task.action, toAction, reason, summary: result.message, ...(requestKey ? { requestKey } : {}) },
    },
  });
  return answer;
}
