import { accessRefusal, type Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { PrismaClient } from '../../prisma/generated/client';
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
  if (!task || !unit || (task.assigneeId !== actor.personId && accessRefusal(actor, [task.role], unit.path))) {
    throw new AppError('NOT_FOUND', '没有这个任务。');
  }
  if (task.status !== 'open') throw new AppError('ALREADY_DONE', `该任务${taskStatusLabel(task.status)},不能再认领。`);

  const claimed = await prisma.$transaction(async (tx) => {
    const updated = await tx.humanTask.updateMany({
      where: { id: taskId, status: 'open', assigneeId: null },
      data: { assigneeId: actor.personId, claimedAt: now },
    });
    if (updated.count === 0) return false;
    await tx.auditLog.create({
      data: {
        actorId: actor.personId,
        action: 'task.claimed',
        subjectType: 'HumanTask',
        subjectId: taskId,
        unitId: task.unitId,
        requestId,
        data: { process: task.process, workflowId: task.workflowId, taskAction: task.action },
      },
    });
    return true;
  });

  const current = await prisma.humanTask.findUniqueOrThrow({ where: { id: taskId } });
  if (!claimed) {
    if (current.status !== 'open') throw new AppError('ALREADY_DONE', `该任务${taskStatusLabel(current.status)},不能再认领。`);
    if (current.assigneeId !== actor.personId) throw new AppError('TASK_ALREADY_CLAIMED', '任务已被他人认领。');
  }
  return toTaskView(current, unit, now);
}
