// POST /api/tasks/{id}/actions/ccTask — 抄送: people who get a read-only notice
// and may from then on read the task's record (the processes' read checks
// honour RecordReader), without any right to act on it.
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { candidateGrant } from '../../domain/inbox/candidates';
import { handlingRefusal } from '../../domain/inbox/rules';
import { businessTime, type AppDeps } from '../deps';
import { recordInboxEvent } from './inbox-event';
import { grantRecordRead } from './record-access';
import { candidateTask } from './list-candidates';
import { loadTask } from './load-task';
import { refuseOutOfReach } from './search-people';

export interface CcTaskOptions {
  deps: AppDeps;
  actor: Actor;
  taskId: string;
  personIds: string[];
  note: string;
  requestId?: string;
}

export async function ccTask({ deps, actor, taskId, personIds, note, requestId }: CcTaskOptions): Promise<{ taskId: string; copied: { personId: string; displayName: string }[] }> {
  const { prisma } = deps;
  const { task, unit, facts } = await loadTask(prisma, actor, taskId);
  const refusal = handlingRefusal(actor, facts, 'ccTask');
  if (refusal) throw new AppError(refusal.code === 'NOT_TASK_HOLDER' ? 'NOT_TASK_HOLDER' : refusal.code, refusal.code === 'NOT_TASK_HOLDER' ? '只有该任务的办理人或其所在单位的负责人可以抄送。' : refusal.message);
  const people = await prisma.person.findMany({ where: { id: { in: personIds }, active: true }, select: { id: true, displayName: true } });
  const missing = personIds.filter((id) => !people.some((p) => p.id === id));
  if (missing.length > 0) throw new AppError('BUSINESS_RULE', `抄送人不存在或已停用:${missing.join('、')}`);
  const target = await candidateTask(prisma, { task, unit });
  await refuseOutOfReach(prisma, personIds, (g) => candidateGrant('ccTask', target, g, actor.grants), { what: '抄送', rule: '只能选择该记录所在单位或您所在单位的上下级人员。' });
  const now = businessTime(deps);
  await prisma.$transaction(async (tx) => {
    for (const p of people) {
      await grantRecordRead(tx, task, p.id, { reason: 'cc', byId: actor.personId, at: now });
    }
    await recordInboxEvent(tx, {
      task,
      action: 'ccTask',
      actor,
      summary: `抄送${people.map((p) => p.displayName).join('、')}${note ? `:${note}` : ''}`,
      data: { personIds: people.map((p) => p.id), note },
      now,
      requestId,
      notify: { personIds: people.map((p) => p.id), kind: 'task.cc', title: `抄送知悉:${task.title}`, body: `${actor.displayName}抄送给您,仅供知悉(只读)。${note}` },
    });
  });
  return { taskId, copied: people.map((p) => ({ personId: p.id, displayName: p.displayName })) };
}
