// Every inbox operation leaves the same three traces, in the transaction that
// makes it: a line in the record's timeline (TaskEvent), an AuditLog row and
// the notices to the people it concerns. Notices are Notification rows
// written here rather than queued jobs, so an acknowledged 转交 or 抄送 can
// never lose its notice to a crash between the two.
import type { Actor } from '../../domain/access';
import type { HumanTask, Prisma } from '../../prisma/generated/client';
import { requestRowKey } from '../http/idempotency';
import { recordLink } from './load-task';

export interface InboxEventInput {
  task: Pick<HumanTask, 'id' | 'process' | 'workflowId' | 'subjectId' | 'unitId' | 'title' | 'action'>;
  /** camelCase verb: transferTask, delegateTask, returnDelegation, ccTask, urgeTask, commentTask, attachFile, actAsDeputy. */
  action: string;
  actor: Actor;
  /** 代理: the person the actor acted for. */
  onBehalfOf?: Actor | null;
  summary: string;
  data?: Record<string, unknown>;
  now: Date;
  requestId?: string;
  notify?: { personIds: string[]; kind: string; title: string; body: string };
}

type Tx = Pick<Prisma.TransactionClient, 'taskEvent' | 'auditLog' | 'notification'>;

/** "张三" or "张三(代 李四)": how the timeline names who acted. */
export function actorLabel(actor: Actor, onBehalfOf?: Actor | null): string {
  return onBehalfOf ? `${actor.displayName}(代 ${onBehalfOf.displayName})` : actor.displayName;
}

const eventRowKey = (taskId: string, action: string) => requestRowKey(`inbox-event\n${taskId}\n${action}`);

/**
 * The line this keyed request already wrote for the task's operation, if
 * any: its resend, the first attempt done but its answer lost. An operation
 * whose line is written in the transaction that makes it answers such a
 * resend from it (and what it names) instead of acting again.
 */
export async function earlierLine(tx: Pick<Prisma.TransactionClient, 'taskEvent'>, taskId: string, action: string): Promise<{ id: string; data: Record<string, unknown> } | null> {
  const key = eventRowKey(taskId, action);
  const line = key ? await tx.taskEvent.findUnique({ where: { requestKey: key }, select: { id: true, data: true } }) : null;
  return line && { id: line.id, data: line.data as Record<string, unknown> };
}

/**
 * Writes the three traces, once per request: a keyed resend of an operation
 * that got this far (its answer lost) finds its own line and writes nothing.
 */
export async function recordInboxEvent(tx: Tx, input: InboxEventInput): Promise<string> {
  const { task, actor, onBehalfOf, now } = input;
  const written = await earlierLine(tx, task.id, input.action);
  if (written) return written.id;
  const data = { ...(input.data ?? {}), taskAction: task.action, ...(onBehalfOf ? { onBehalfOfId: onBehalfOf.personId, onBehalfOfName: onBehalfOf.displayName } : {}) };
  const event = await tx.taskEvent.create({
    data: {
      taskId: task.id,
      process: task.process,
      workflowId: task.workflowId,
      subjectId: task.subjectId,
      action: input.action,
      actorId: actor.personId,
      actorName: actorLabel(actor, onBehalfOf),
      onBehalfOfId: onBehalfOf?.personId ?? null,
      summary: input.summary,
      data: data as Prisma.InputJsonValue,
      at: now,
      requestKey: eventRowKey(task.id, input.action),
    },
  });
  await tx.auditLog.create({
    data: {
      at: now,
      actorId: actor.personId,
      action: `task.${input.action}`,
      subjectType: 'HumanTask',
      subjectId: task.id,
      unitId: task.unitId,
      requestId: input.requestId,
      data: { ...data, process: task.process, workflowId: task.workflowId, recordId: task.subjectId, summary: input.summary } as Prisma.InputJsonValue,
    },
  });
  if (input.notify) {
    for (const recipientId of [...new Set(input.notify.personIds)].filter((id) => id !== actor.personId)) {
      await tx.notification.create({
        data: {
          recipientId,
          kind: input.notify.kind,
          title: input.notify.title,
          body: input.notify.body,
          link: recordLink(task.process, task.subjectId),
          idempotencyKey: `inbox|${event.id}|${recipientId}`,
          createdAt: now,
        },
      });
    }
  }
  return event.id;
}
