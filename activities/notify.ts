// Notifications from workflows: resolve the recipients, write each one's
// in-app notification, then hand one notice per recipient to the outbound
// channel (a queued job each for a gateway, at once for the log channel:
// queue/deliver-notification.ts). The idempotency key is workflow id + event
// + recipient, so a retried activity (or a replayed step) writes each once.
import { rawDb, type RawDb } from '../db/raw-sql';
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
 * A step's notices in one statement, on `db` (the step's save transaction, or
 * the pool): resolves every target — the role targets through the units
 * whose path is a prefix of the unit's ending in "/" (itself and those above
 * it, by the unique path index; only the unit itself with `reach: 'unit'`)
 * and their grants of the role, the person targets by id — and writes each
 * recipient's in-app notification, once per idempotency key. Returns each
 * notice's recipients (sorted, in input order) and the jobs that carry them
 * to the outbound channel (queue/deliver-notification, which finds the row
 * written and writes nothing more).
 *
 * Written with the step, the notices commit with it: a saved step has its
 * notices, and the step costs one commit rather than one more per recipient
 * (each job inserted its row in a transaction of its own).
 */
export async function writeNotices(db: RawDb, inputs: readonly NotifyInput[], now: Date): Promise<{ results: NotifyResult[]; jobs: TNotificationJob[] }> {
  if (inputs.length === 0) return { results: [], jobs: [] };
  const roles: { i: number; role: RoleName; unitId: string; unitOnly: boolean }[] = [];
  const people: { i: number; personId: string }[] = [];
  inputs.forEach(({ to }, i) => {
    if ('personIds' in to) for (const personId of to.personIds) people.push({ i, personId });
    else roles.push({ i, role: to.role, unitId: to.unitId, unitOnly: to.reach === 'unit' });
  });
  const at = now.toISOString();
  const keyPrefix = (input: NotifyInput) => `${callerWorkflowId(input.workflowId)}|${input.event}|`;
  const notices = inputs.map((n, i) => ({ i, kind: n.kind, title: n.title, body: n.body, link: n.link ?? null, prefix: keyPrefix(n) }));
  // Each target's units by their paths (the unit's own, or every prefix ending in "/": itself and those above it),
  // each looked up on the unique path index, and then each unit's grants of the role on (unitId, role). Joined
  // as plain tables, the planner's guess for a parameter array (ten rows) made it scan every unit and every
  // grant instead: with the planned ancestors as a filter on each of a district's 1,010 units, the statement
  // took 2.0 ms on average over a full-scale year (31% of PostgreSQL's statement time) and 24 ms alone here
  // for two targets, against 1–1.5 ms with the lookups. OFFSET 0 keeps each lookup a subquery of its own
  // (the planner does not flatten it back into a join), so every row is read by an index whatever the
  // estimates.
  // The inputs come as JSON rows rather than arrays: PostgreSQL estimates an array's length from the value
  // (unnest's planner support), so each call's plan was cheaper than the prepared generic one and the statement
  // was planned again on every call (0.6 ms a step, as long as it ran: pg_stat_statements, 2026-12-07); a JSON
  // row set is estimated the same whatever it holds, and after five calls the connection keeps one plan.
  const rows = await db.$queryRaw<{ i: number; personId: string }[]>`
    WITH covering AS MATERIALIZED (
      SELECT t.i, t.role, g.id AS "unitId"
        FROM jsonb_to_recordset(${JSON.stringify(roles)}::jsonb) AS t(i int, role text, "unitId" text, "unitOnly" bool)
        CROSS JOIN LATERAL (SELECT u.path FROM "Unit" u WHERE u.id = t."unitId" OFFSET 0) u
        CROSS JOIN LATERAL unnest(CASE WHEN t."unitOnly" THEN ARRAY[u.path] ELSE ARRAY(SELECT left(u.path, k) FROM generate_series(1, length(u.path)) k WHERE substr(u.path, k, 1) = '/') END) AS a(path)
        CROSS JOIN LATERAL (SELECT g.id FROM "Unit" g WHERE g.path = a.path OFFSET 0) g),
    recipients AS (
      SELECT c.i, ra."personId" FROM covering c
        CROSS JOIN LATERAL (SELECT ra."personId" FROM "RoleAssignment" ra WHERE ra."unitId" = c."unitId" AND ra.role = c.role::"RoleName" OFFSET 0) ra
        CROSS JOIN LATERAL (SELECT 1 FROM "Person" p WHERE p.id = ra."personId" AND p.active OFFSET 0) p
      UNION
      SELECT t.i, p.id FROM jsonb_to_recordset(${JSON.stringify(people)}::jsonb) AS t(i int, "personId" text)
        CROSS JOIN LATERAL (SELECT p.id FROM "Person" p WHERE p.id = t."personId" OFFSET 0) p),
    notices AS (
      SELECT n.i, n.kind, n.title, n.body, n.link, n.prefix
        FROM jsonb_to_recordset(${JSON.stringify(notices)}::jsonb) AS n(i int, kind text, title text, body text, link text, prefix text)),
    written AS (
      INSERT INTO "Notification" (id, "recipientId", kind, title, body, link, "idempotencyKey", "createdAt")
      SELECT gen_random_uuid()::text, r."personId", n.kind, n.title, n.body, n.link, n.prefix || r."personId", ${at}::timestamp(3)
        FROM recipients r JOIN notices n ON n.i = r.i
      ON CONFLICT DO NOTHING)
    SELECT i::int AS i, "personId" FROM recipients`;
  const byNotice = inputs.map(() => new Set<string>());
  for (const row of rows) byNotice[row.i]!.add(row.personId);
  const results = byNotice.map((ids) => ({ recipientIds: [...ids].sort() }));
  const jobs: TNotificationJob[] = inputs.flatMap((input, i) =>
    results[i]!.recipientIds.map((recipientId) => ({
      idempotencyKey: `${keyPrefix(input)}${recipientId}`,
      recipientId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      ...(input.link ? { link: input.link } : {}),
      at,
    })),
  );
  return { results, jobs };
}

export function createNotifyActivities({ prisma, queue, clock }: ActivityDeps) {
  return {
    async notify(input: NotifyInput): Promise<NotifyResult> {
      const { results, jobs } = await writeNotices(rawDb(prisma), [input], clock.now());
      await queue.enqueueNotifications(jobs);
      return results[0]!;
    },
  };
}
