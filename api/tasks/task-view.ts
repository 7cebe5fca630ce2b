import type { HumanTask } from '../../prisma/generated/client';
import type { TTask } from './schemas';

/** What the inbox adds to a row: the delegate preparing it (委派). */
export interface TaskViewExtras {
  delegateId?: string | null;
  /** 代理: the person the caller covers for, whose task this is ("代 X"). */
  onBehalfOf?: { personId: string; displayName: string } | null;
}

export function toTaskView(task: HumanTask, unit: { name: string; path: string } | undefined, now: Date, extras: TaskViewExtras = {}): TTask {
  return {
    id: task.id,
    process: task.process,
    workflowId: task.workflowId,
    subjectId: task.subjectId,
    action: task.action,
    title: task.title,
    role: task.role,
    unitId: task.unitId,
    unitName: unit?.name ?? null,
    unitPath: unit?.path ?? null,
    assigneeId: task.assigneeId,
    claimedAt: task.claimedAt?.toISOString() ?? null,
    dueAt: task.dueAt?.toISOString() ?? null,
    overdue: task.status === 'open' && task.dueAt !== null && task.dueAt < now,
    status: task.status,
    createdAt: task.createdAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
    claimable: task.status === 'open' && task.assigneeId === null,
    transferred: task.transferredAt !== null,
    delegateId: extras.delegateId ?? null,
    onBehalfOf: extras.onBehalfOf ?? null,
  };
}
