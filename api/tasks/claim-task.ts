import { accessRefusal, type Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
import { resolveActingOn, type Acting } from './acting-as';
import { recordInboxEvent } from './inbox-event';
import { taskStatusLabel, type TTask } from './schemas';
import { toTaskView } from './task-view';

export interface ClaimTaskOptions {
  prisma: PrismaClient;
  actor: Actor;
  taskId: string;
  now: Date;
  requestId?: string;
}

/**
 * A holder of the task's role on its unit (or above) takes an unassigned task.
 * The conditional update makes two simultaneous claims safe: exactly one
 * matches `assigneeId = null`. Claiming one's own task again is a no-op.
 */
export async function claimTask({ prisma, actor, taskId, now, requestId }: ClaimTaskOptions): Promise<TTask> {
  const task = await prisma.humanTask.findUnique({ where: { id: taskId } });
  const unit = task && (await prisma.unit.findUnique({ where: { id: task.unitId }, select: { name: true, path: true } }));
  // Access before state: a task is readable only by its assignee and the
  // holders of its role over its unit (the inbox shows it to no one else), so
  // to anyone else it does not exist, whatever its status.
  if (!task || !unit) throw new AppError('NOT_FOUND', '没有这个任务。');
  // 代理: a deputy claims a task of a role their principal holds, for the
  // principal ("代 X"): it becomes the principal's, and the deputy acts on it
  // as such — never with a role the deputy does not receive through the proxy.
  let acting: Acting = { actor, deputy: null };
  if (task.assigneeId !== actor.personId && accessRefusal(actor, [task.role], unit.path)) {
    if (task.status === 'open') acting = await resolveActingOn(prisma, actor, [task], task.action, now);
    if (!acting.deputy) throw new AppError('NOT_FOUND', '没有这个任务。');
  }
  if (task.status !== 'open') throw new AppError('ALREADY_DONE', `该任务${taskStatusLabel(task.status)},不能再认领。`);
  const claimant = acting.actor;

  const claimed = await prisma.$transaction(async (tx) => {
    const updated = await tx.humanTask.updateMany({
      where: { id: taskId, status: 'open', assigneeId: null },
      data: { assigneeId: claimant.personId, claimedAt: now },
    });
    if (updated.count === 0) return false;
    if (acting.deputy) {
      await recordInboxEvent(tx, {
        task,
        action: 'actAsDeputy',
        actor: acting.deputy,
        onBehalfOf: claimant,
        summary: `代 ${claimant.displayName} 认领「${task.title}」`,
        data: { processAction: 'claimTask' },
        now,
        requestId,
        notify: { personIds: [claimant.personId], kind: 'task.deputy_acted', title: `代理人已代您认领:${task.title}`, body: `${acting.deputy.displayName}在您的代理期间代您认领了该任务。` },
      });
    }
    await tx.auditLog.create({
      data: {
        actorId: actor.personId,
        action: 'task.claimed',
        subjectType: 'HumanTask',
        subjectId: taskId,
        unitId: task.unitId,
        requestId,
        data: { process: task.process, workflowId: task.workflowId, taskAction: task.action, ...(acting.deputy ? { assigneeId: claimant.personId, deputyId: acting.deputy.personId } : {}) },
      },
    });
    return true;
  });

  const current = await prisma.humanTask.findUniqueOrThrow({ where: { id: taskId } });
  if (!claimed) {
    if (current.status !== 'open') throw new AppError('ALREADY_DONE', `该任务${taskStatusLabel(current.status)},不能再认领。`);
    if (current.assigneeId !== claimant.personId) throw new AppError('TASK_ALREADY_CLAIMED', '任务已被他人认领。');
  }
  return toTaskView(current, unit, now, acting.deputy ? { onBehalfOf: { personId: claimant.personId, displayName: claimant.displayName } } : {});
}
