// Notifications from workflows: resolve the recipients, then enqueue one job
// per recipient. The idempotency key is workflow id + event + recipient, so a
// retried activity (or a replayed step) enqueues jobs that deliver once.
import { ancestorPaths } from '../domain/access';
import type { RoleName } from '../domain/roles';
import type { TNotificationJob } from '../queue/notification-job';
import type { ActivityDeps } from './deps';
import { callerWorkflowId } from './workflow-id';

export type NotifyTarget =
  /**
   * Holders of `role` over `unitId`: by default on the unit or any unit above
   * it (a role covers its subtree), with `reach: 'unit'` only on the unit.
   */
  | { role: RoleName; unitId: string; reach?: 'covering' | 'unit' }
  | { personIds: string[] };

export interface NotifyInput {
  workflowId?: string;
  /**
   * Names this occurrence within the workflow, e.g. "review-2.reminder-1".
   * Two notify calls with the same event notify each person once.
   */
  event: string;
  to: NotifyTarget;
  kind: string;
  title: string;
  body: string;
  link?: string;
}

export interface NotifyResult {
  recipientIds: string[];
}

export function createNotifyActivities({ prisma, queue }: ActivityDeps) {
  async function recipientsOf(to: NotifyTarget): Promise<string[]> {
    if ('personIds' in to) {
      const people = await prisma.person.findMany({ where: { id: { in: to.personIds } }, select: { id: true } });
      return people.map((p) => p.id);
    }
    const unit = await prisma.unit.findUnique({ where: { id: to.unitId }, select: { path: true } });
    if (!unit) return [];
    const paths = to.reach === 'unit' ? [unit.path] : ancestorPaths(unit.path);
    const holders = await prisma.roleAssignment.findMany({
      where: { role: to.role, unit: { path: { in: paths } }, person: { active: true } },
      select: { personId: true },
      distinct: ['personId'],
    });
    return holders.map((h) => h.personId);
  }

  return {
    async notify(input: NotifyInput): Promise<NotifyResult> {
      const workflowId = callerWorkflowId(input.workflowId);
      const recipientIds = [...new Set(await recipientsOf(input.to))].sort();
      const jobs: TNotificationJob[] = recipientIds.map((recipientId) => ({
        idempotencyKey: `${workflowId}|${input.event}|${recipientId}`,
        recipientId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        ...(input.link ? { link: input.link } : {}),
      }));
      await queue.enqueueNotifications(jobs);
      return { recipientIds };
    },
  };
}
