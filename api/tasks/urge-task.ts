// POST /api/tasks/{id}/actions/urgeTask — 催办: remind whoever holds an open task,
// at most once a (Beijing) day per task: TaskUrge's key (task, day) is the
// rule, so two simultaneous urges cannot both pass.
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { urgeDay } from '../../domain/inbox/rules';
import { Prisma } from '../../prisma/generated/client';
import { businessTime, type AppDeps } from '../deps';
import { earlierLine, recordInboxEvent } from './inbox-event';
import { loadTask } from './load-task';
import { taskHolderIds } from './holders';

export interface UrgeTaskOptions {
  deps: AppDeps;
  actor: Actor;
  taskId: string;
  message: string;
  requestId?: string;
}

export async function urgeTask({ deps, actor, taskId, message, requestId }: UrgeTaskOptions): Promise<{ taskId: string; day: string; notified: number }> {
  const { prisma } = deps;
  const { task, delegation } = await loadTask(prisma, actor, taskId, { participants: true });
  const earlier = await earlierLine(prisma, taskId, 'urgeTask');
  if (earlier) {
    const { day, recipientIds } = earlier.data as { day: string; recipientIds: string[] };
    return { taskId, day, notified: recipientIds.filter((id) => id !== actor.personId).length };
  }
  if (task.status !== 'open') throw new AppError('ALREADY_DONE', '该任务已结束,无需催办。');
  if (task.assigneeId === actor.personId) throw new AppError('BUSINESS_RULE', '不能催办自己的任务。');
  const now = businessTime(deps);
  const day = urgeDay(now);
  const holders = await taskHolderIds(prisma, task, now);
  const recipients = delegation ? [...holders, delegation.delegateId] : holders;
  const urgedToday = () => new AppError('ALREADY_URGED_TODAY', `该任务今天(${day})已经催办过,每个任务每天只能催办一次。`);
  if (await prisma.taskUrge.findUnique({ where: { taskId_day: { taskId, day } }, select: { day: true } })) throw urgedToday();
  try {
    await prisma.$transaction(async (tx) => {
      await tx.taskUrge.create({ data: { taskId, day, urgedById: actor.personId, message, at: now } });
      await recordInboxEvent(tx, {
        task,
        action: 'urgeTask',
        actor,
        summary: `催办「${task.title}」${message ? `:${message}` : ''}`,
        data: { day, message, recipientIds: recipients },
        now,
        requestId,
        notify: { personIds: recipients, kind: 'task.urged', title: `【催办】${task.title}`, body: `${actor.displayName}催办该任务,请尽快办理。${message}` },
      });
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw urgedToday();
    }
    throw err;
  }
  return { taskId, day, notified: recipients.filter((id) => id !== actor.personId).length };
}
