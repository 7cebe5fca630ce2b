// Notifications from workflows: resolve the recipients, then enqueue one job
// per recipient. The idempotency key is workflow id + event + recipient, so a
// retried activity (or a replayed step) enqueues jobs that deliver once.
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

/**
 * Resolves every target of a step's notices in one statement: the role
 * targets through the units whose path is a prefix of the unit's ending in
 * "/" (itself and those above it, by the unique path index; only the unit
 * itself with `reach: 'unit'`) and their grants of the role, the person
 * targets by id. Returns each target's recipients, sorted, in input order.
 */
async function recipientsOfAll(prisma: ActivityDeps['prisma'], targets: readonly NotifyTarget[]): Promise<string[][]> {
  const roles: { i: number; role: RoleName; unitId: string; unitOnly: boolean }[] = [];
  const people: { i: number; personId: string }[] = [];
  targets.forEach((to, i) => {
    if ('personIds' in to) for (const personId of to.personIds) people.push({ i, personId });
    else roles.push({ i, role: to.role, unitId: to.unitId, unitOnly: to.reach === 'unit' });
  });
  // The units first, as their own step (MATERIALIZED): the planner then reaches them through the path index
  // and the grants through (unitId, role), rather than every grant of the role filtered by path.
  const rows = await rawDb(prisma).$queryRaw<{ i: number; personId: string }[]>`
    WITH covering AS MATERIALIZED (
      SELECT t.i, t.role, g.id AS "unitId"
        FROM unnest(${roles.map((r) => r.i)}::int[], ${roles.map((r) => r.role)}::text[], ${roles.map((r) => r.unitId)}::text[], ${roles.map((r) => r.unitOnly)}::bool[]) AS t(i, role, "unitId", "unitOnly")
        JOIN "Unit" u ON u.id = t."unitId"
        JOIN "Unit" g ON g.path = ANY (CASE WHEN t."unitOnly" THEN ARRAY[u.path] ELSE ARRAY(SELECT left(u.path, k) FROM generate_series(1, length(u.path)) k WHERE substr(u.path, k, 1) = '/') END))
    SELECT c.i::int AS i, ra."personId" FROM covering c
      JOIN "RoleAssignment" ra ON ra."unitId" = c."unitId" AND ra.role = c.role::"RoleName"
      JOIN "Person" p ON p.id = ra."personId" AND p.active
    UNION
    SELECT t.i::int, p.id FROM unnest(${people.map((p) => p.i)}::int[], ${people.map((p) => p.personId)}::text[]) AS t(i, "personId")
      JOIN "Person" p ON p.id = t."personId"`;
  const byTarget = targets.map(() => new Set<string>());
  for (const row of rows) byTarget[row.i]!.add(row.personId);
  return byTarget.map((ids) => [...ids].sort());
}

/**
 * A step's notices at once: one statement for the recipients of all of them
 * and one enqueue of every job (a notice each cost a statement and a Redis
 * round trip of its own, and a step sends one to three). Not an activity of
 * its own: the step's save calls it.
 */
export async function notifyAll({ prisma, queue, clock }: ActivityDeps, inputs: readonly NotifyInput[]): Promise<NotifyResult[]> {
  if (inputs.length === 0) return [];
  const recipients = await recipientsOfAll(prisma, inputs.map((input) => input.to));
  const at = clock.now().toISOString();
  const jobs: TNotificationJob[] = inputs.flatMap((input, i) => {
    const workflowId = callerWorkflowId(input.workflowId);
    return recipients[i]!.map((recipientId) => ({
      idempotencyKey: `${workflowId}|${input.event}|${recipientId}`,
      recipientId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      ...(input.link ? { link: input.link } : {}),
      at,
    }));
  });
  await queue.enqueueNotifications(jobs);
  return recipients.map((recipientIds) => ({ recipientIds }));
}

export function createNotifyActivities(deps: ActivityDeps) {
  return {
    async notify(input: NotifyInput): Promise<NotifyResult> {
      return (await notifyAll(deps, [input]))[0]!;
    },
  };
}
