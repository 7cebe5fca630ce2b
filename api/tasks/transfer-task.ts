// POST /api/tasks/{id}/actions/transferTask — 转交: hand a task to another person
// who holds its role over its unit. From then on it is theirs alone: the
// previous holder's actions on the step are refused (TASK_TRANSFERRED).
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { handlingRefusal, transferTargetRefusal } from '../../domain/inbox/rules';
import { reassignTaskUpdate } from '../../workflows/kit/shared';
import { resolveActor } from '../auth/resolve-actor';
import { businessTime, type AppDeps } from '../deps';
import { runUpdate } from '../http/run-update';
import { earlierLine, recordInboxEvent } from './inbox-event';
import { grantRecordRead } from './record-access';
import { loadTask } from './load-task';
import type { TTask } from './schemas';
import { toTaskView } from './task-view';

/**
 * Processes on the kit runner whose machine declares `reassign`: a step the
 * state binds to one person (a mediation round's mediator) moves in the
 * process too, not only in the inbox.
 */
export const REASSIGNING_PROCESSES: ReadonlySet<string> = new Set(['mediation']);

export interface TransferTaskOptions {
  deps: AppDeps;
  actor: Actor;
  taskId: string;
  toPersonId: string;
  reason: string;
  requestId?: string;
}

export async function transferTask({ deps, actor, taskId, toPersonId, reason, requestId }: TransferTaskOptions): Promise<TTask> {
  const { prisma } = deps;
  const { task, unit, facts } = await loadTask(prisma, actor, taskId);
  const target = await resolveActor({ prisma, personId: toPersonId });
  // A resend whose 转交 went through finds the task with the target (or closed since): refused to anyone else,
  // it is answered as done when this request's first attempt did it (its timeline line, or its process update).
  const refusal = handlingRefusal(actor, facts) ?? (facts.delegateId ? { code: 'TASK_DELEGATED', message: '任务正在委派办理中,请等受委派人交回后再转交。' } : null) ?? transferTargetRefusal(facts, target, actor.personId);
  const denial = refusal && new AppError(refusal.code, refusal.message);
  if (denial && !REASSIGNING_PROCESSES.has(task.process)) {
    if (!(await earlierLine(prisma, task.id, 'transferTask'))) throw denial;
    return toTaskView(await prisma.humanTask.findUniqueOrThrow({ where: { id: task.id } }), unit, businessTime(deps));
  }

  if (REASSIGNING_PROCESSES.has(task.process)) {
    const handle = deps.temporal.workflow.getHandle(task.workflowId);
    await runUpdate({
      deps,
      label: '转交',
      denial: denial && { error: denial, workflowId: task.workflowId },
      execute: (id) => handle.executeUpdate(reassignTaskUpdate, { args: [{ actor, input: { taskKey: task.key, to: target! } }], ...id }),
    });
  }

  const now = businessTime(deps);
  const moved = await prisma.$transaction(async (tx) => {
    // The process may have replaced the task (a named acceptance is keyed by its mediator): the open one of the target is the handed one.
    const current =
      (await tx.humanTask.findFirst({ where: { id: taskId, status: 'open' } })) ??
      (await tx.humanTask.findFirst({ where: { workflowId: task.workflowId, action: task.action, status: 'open', assigneeId: target!.personId } }));
    if (!current) {
      // A resend whose first attempt handed the task on (its answer lost), and the task has closed since:
      // this request's own line, on the task or on the one the process replaced it with, answers it.
      const handed = await tx.humanTask.findMany({ where: { workflowId: task.workflowId, action: task.action, assigneeId: target!.personId }, orderBy: { createdAt: 'asc' } });
      for (const t of [task, ...handed]) if (await earlierLine(tx, t.id, 'transferTask')) return tx.humanTask.findUniqueOrThrow({ where: { id: t.id } });
      throw new AppError('ALREADY_DONE', '该任务已结束,不能再转交。');
    }
    const updated = await tx.humanTask.update({ where: { id: current.id }, data: { assigneeId: target!.personId, claimedAt: now, transferredAt: now } });
    await grantRecordRead(tx, current, target!.personId, { reason: 'transfer', byId: actor.personId, at: now });
    await recordInboxEvent(tx, {
      task: updated,
      action: 'transferTask',
      actor,
      summary: `将「${task.title}」转交${target!.displayName}办理:${reason}`,
      data: { fromId: task.assigneeId, toId: target!.personId, toName: target!.displayName, reason },
      now,
      requestId,
      notify: { personIds: [target!.personId], kind: 'task.transferred', title: `转交待办:${task.title}`, body: `${actor.displayName}将该任务转交给您办理。理由:${reason}` },
    });
    return updated;
  });
  return toTaskView(moved, unit, now);
}
