// Notifications from workflows: resolve the recipients, then enqueue one job
// per recipient. The idempotency key is workflow id + event + recipient, so a
// retried activity (or a replayed step) enqueues jobs that deliver once.
import { Prisma } from '../prisma/generated/client';
import { rawDb } from '../db/raw-sql';
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

export function createNotifyActivities({ prisma, queue, clock }: ActivityDeps) {
  async function recipientsOf(to: NotifyTarget): Promise<string[]> {
    if ('personIds' in to) {
      const people = await prisma.person.findMany({ where: { id: { in: to.personIds } }, select: { id: true } });
      return people.map((p) => p.id);
    }
    // One round-trip: the units whose path is a prefix of the unit's ending
    // in "/" (itself and those above it, through the unique path index), then
    // their grants of the role through the (unitId, role) index.
    const over =
      to.reach === 'unit'
        ? Prisma.sql`g.id = u.id`
        : Prisma.sql`g.path = ANY (ARRAY(SELECT left(u.path, i) FROM generate_series(1, length(u.path)) i WHERE substr(u.path, i, 1) = '/'))`;
    const holders = await rawDb(prisma).$queryRaw<{ personId: string }[]>`
      SELECT DISTINCT ra."personId" FROM "Unit" u
        JOIN "Unit" g ON ${over}
        JOIN "RoleAssignment" ra ON ra."unitId" = g.id AND ra.role = ${to.role}::"RoleName"
        JOIN "Person" p ON p.id = ra."personId" AND p.active
       WHERE u.id = ${to.unitId}`;
    return holders.map((h) => h.personId);
  }

  return {
    async notify(input: NotifyInput): Promise<NotifyResult> {
      const workflowId = callerWorkflowId(input.workflowId);
      const recipientIds = [...new Set(await recipientsOf(input.to))].sort();
      const at = clock.now().toISOString();
      const jobs: TNotificationJob[] = recipientIds.map((recipientId) => ({
        idempotencyKey: `${workflowId}|${input.event}|${recipientId}`,
        recipientId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        ...(input.link ? { link: input.link } : {}),
        at,
      }));
      await queue.enqueueNotifications(jobs);
      return { recipientIds };
    },
  };
}
