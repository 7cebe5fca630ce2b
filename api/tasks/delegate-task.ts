// 委派: POST /api/tasks/{id}/actions/delegateTask hands a task to a colleague to
// prepare (comments, attachments; they may read the record meanwhile);
// POST /api/tasks/{id}/actions/returnDelegation hands it back. The task stays
// the delegator's: only they decide (the process refuses the delegate with
// DELEGATE_CANNOT_DECIDE, see acting-as.ts).
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { candidateGrant } from '../../domain/inbox/candidates';
import { handlingRefusal } from '../../domain/inbox/rules';
import { resolveActor } from '../auth/resolve-actor';
import { businessTime, type AppDeps } from '../deps';
import { earlierLine, recordInboxEvent } from './inbox-event';
import { grantRecordRead } from './record-access';
import { candidateTask } from './list-candidates';
import { loadTask } from './load-task';
import type { TTask } from './schemas';
import { refuseOutOfReach } from './search-people';
import { toTaskView } from './task-view';

export interface DelegateTaskOptions {
  deps: AppDeps;
  actor: Actor;
  taskId: string;
  toPersonId: string;
  note: string;
  requestId?: string;
}

export async function delegateTask({ deps, actor, taskId, toPersonId, note, requestId }: DelegateTaskOptions): Promise<TTask> {
  const { prisma } = deps;
  const { task, unit, facts } = await loadTask(prisma, actor, taskId);
  if (await earlierLine(prisma, taskId, 'delegateTask')) return toTaskView(task, unit, businessTime(deps), { delegateId: facts.delegateId ?? null });
  const refusal = handlingRefusal(actor, facts, 'delegateTask');
  if (refusal) throw new AppError(refusal.code, refusal.message);
  if (facts.delegateId) throw new AppError('TASK_DELEGATED', '任务已委派他人协助办理,请等交回后再委派。');
  const delegate = await resolveActor({ prisma, personId: toPersonId });
  if (!delegate) throw new AppError('BUSINESS_RULE', '受委派人不存在或已停用。');
  if (delegate.personId === actor.personId) throw new AppError('BUSINESS_RULE', '不能委派给自己。');
  const target = await candidateTask(prisma, { task, unit });
  await refuseOutOfReach(prisma, [delegate.personId], (g) => candidateGrant('delegateTask', target, g, actor.grants), { what: '委派', rule: '只能选择该记录所在单位或您所在单位的上下级人员。' });
  const now = businessTime(deps);
  const updated = await prisma.$transaction(async (tx) => {
    // The delegator becomes the task's holder: it comes back to them.
    const claimed = await tx.humanTask.updateMany({
      where: { id: taskId, status: 'open', OR: [{ assigneeId: null }, { assigneeId: actor.personId }, { transferredAt: null }] },
      data: { assigneeId: actor.personId, claimedAt: task.claimedAt ?? now },
    });
    if (claimed.count === 0) throw new AppError('ALREADY_DONE', '该任务已结束或已转交他人,不能委派。');
    await tx.taskDelegation.create({ data: { taskId, delegatorId: actor.personId, delegateId: delegate.personId, note, createdAt: now } });
    await grantRecordRead(tx, task, delegate.personId, { reason: 'delegate', byId: actor.personId, at: now });
    await recordInboxEvent(tx, {
      task,
      action: 'delegateTask',
      actor,
      summary: `委派${delegate.displayName}协助办理「${task.title}」:${note}`,
      data: { delegateId: delegate.personId, delegateName: delegate.displayName, note },
      now,
      requestId,
      notify: { personIds: [delegate.personId], kind: 'task.delegated', title: `委派协办:${task.title}`, body: `${actor.displayName}请您协助办理(填写意见、上传材料后交回):${note}` },
    });
    return tx.humanTask.findUniqueOrThrow({ where: { id: taskId } });
  });
  return toTaskView(updated, unit, now, { delegateId: delegate.personId });
}

export interface ReturnDelegationOptions {
  deps: AppDeps;
  actor: Actor;
  taskId: string;
  note: string;
  requestId?: string;
}

export async function returnDelegation({ deps, actor, taskId, note, requestId }: ReturnDelegationOptions): Promise<TTask> {
  const { prisma } = deps;
  const { task, unit, delegation } = await loadTask(prisma, actor, taskId);
  if (await earlierLine(prisma, taskId, 'returnDelegation')) return toTaskView(task, unit, businessTime(deps), { delegateId: delegation?.delegateId ?? null });
  if (!delegation) throw new AppError('WRONG_STAGE', '该任务没有正在进行的委派。');
  if (delegation.delegateId !== actor.personId) throw new AppError('NOT_TASK_HOLDER', '只有受委派人可以交回委派。');
  const now = businessTime(deps);
  await prisma.$transaction(async (tx) => {
    const done = await tx.taskDelegation.updateMany({ where: { id: delegation.id, returnedAt: null }, data: { returnedAt: now, returnNote: note } });
    if (done.count === 0) throw new AppError('ALREADY_DONE', '委派已经交回。');
    await recordInboxEvent(tx, {
      task,
      action: 'returnDelegation',
      actor,
      summary: `协办完毕,交回「${task.title}」:${note}`,
      data: { delegatorId: delegation.delegatorId, note },
      now,
      requestId,
      notify: { personIds: [delegation.delegatorId], kind: 'task.delegation_returned', title: `协办已交回:${task.title}`, body: `${actor.displayName}已完成协办:${note}` },
    });
  });
  return toTaskView(await prisma.humanTask.findUniqueOrThrow({ where: { id: taskId } }), unit, now, { delegateId: null });
}
