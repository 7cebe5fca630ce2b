// The inbox's word on a process action, asked by every process's action
// route before it sends the update: a delegate may not decide, a task handed
// to someone is theirs, and a deputy acts as the person they cover for
// ("代 X") while the arrangement covers today. The process then judges the
// action as usual, with the principal as its actor.
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { actingAs, type TaskFacts } from '../../domain/inbox/rules';
import { Prisma, type HumanTask, type OutOfOfficeProxy, type PrismaClient } from '../../prisma/generated/client';
import { resolveActor } from '../auth/resolve-actor';
import { recordInboxEvent } from './inbox-event';
import { grantRecordRead } from './record-access';
import { TASK_COLUMNS, taskFacts } from './load-task';
import { columnsOf, rawDb } from '../../db/raw-sql';
import { earlierNote, noteForResend } from '../http/idempotency';

export interface ActingAsOptions {
  prisma: PrismaClient;
  actor: Actor;
  workflowId: string;
  action: string;
  now: Date;
}

export interface Acting {
  /** Who the process sees acting. */
  actor: Actor;
  /** 代理: the person who really acted, when they act for `actor`. */
  deputy: Actor | null;
}

export async function resolveActing({ prisma, actor, workflowId, action, now }: ActingAsOptions): Promise<Acting> {
  // Every action route asks this before its update: one round-trip for the
  // record's open tasks with what the verdict reads of each (its unit's path,
  // a 委派 not handed back), beside the caller's 代理 arrangements.
  const [tasks, proxies] = await Promise.all([
    rawDb(prisma).$queryRaw<Array<HumanTask & { unitPath: string | null; delegateId: string | null }>>`
      SELECT ${TASK_COLUMNS}, u.path AS "unitPath",
             (SELECT d."delegateId" FROM "TaskDelegation" d WHERE d."taskId" = t.id AND d."returnedAt" IS NULL LIMIT 1) AS "delegateId"
        FROM "HumanTask" t LEFT JOIN "Unit" u ON u.id = t."unitId"
       WHERE t."workflowId" = ${workflowId} AND t.status = 'open'::"HumanTaskStatus"`,
    proxiesOf(prisma, actor),
  ]);
  const acting: Acting =
    tasks.length === 0 ? { actor, deputy: null } : await judge(prisma, actor, tasks.map((t) => taskFacts(t, t.unitPath ?? '', t.delegateId === null ? null : { delegateId: t.delegateId })), proxies, action, now);
  if (!acting.deputy) return (await deputyOfEarlierAttempt(prisma, actor, workflowId)) ?? acting;
  // The action will close the principal's task, and with it what lets the deputy read the record and act for
  // the principal: the resend of this request after a crash past the update learns both from this note.
  const task = tasks.find((t) => t.assigneeId === acting.actor.personId) ?? tasks[0]!;
  await noteForResend(prisma, { deputy: { process: task.process, subjectId: task.subjectId, workflowId, principalId: acting.actor.personId } });
  return acting;
}

/**
 * The resend of a deputy's action whose first attempt died after the update
 * closed the principal's task: acting for the same principal again, so that
 * the update (sent under the same id) answers with the first attempt's
 * outcome and the "代 X" line is written. Null for anything else.
 */
async function deputyOfEarlierAttempt(prisma: PrismaClient, actor: Actor, workflowId: string): Promise<Acting | null> {
  const noted = earlierNote()?.deputy;
  if (!noted || noted.workflowId !== workflowId) return null;
  const principal = await resolveActor({ prisma, personId: noted.principalId });
  return principal && { actor: principal, deputy: actor };
}

/** The inbox's word on `action` given these open tasks (one task: claiming it "代 X"). */
export async function resolveActingOn(prisma: PrismaClient, actor: Actor, tasks: HumanTask[], action: string, now: Date): Promise<Acting> {
  if (tasks.length === 0) return { actor, deputy: null };
  const [units, delegations, proxies] = await Promise.all([
    prisma.unit.findMany({ where: { id: { in: [...new Set(tasks.map((t) => t.unitId))] } }, select: { id: true, path: true } }),
    prisma.taskDelegation.findMany({ where: { taskId: { in: tasks.map((t) => t.id) }, returnedAt: null } }),
    proxiesOf(prisma, actor),
  ]);
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const facts = tasks.map((t) => taskFacts(t, pathOf.get(t.unitId) ?? '', delegations.find((d) => d.taskId === t.id) ?? null));
  return judge(prisma, actor, facts, proxies, action, now);
}

// Read on every action: raw, so the statement is prepared once per connection (db/raw-sql).
const PROXY_COLUMNS = columnsOf(Prisma.OutOfOfficeProxyScalarFieldEnum, 'o');
const proxiesOf = (prisma: PrismaClient, actor: Actor) =>
  rawDb(prisma).$queryRaw<OutOfOfficeProxy[]>`SELECT ${PROXY_COLUMNS} FROM "OutOfOfficeProxy" o WHERE o."deputyId" = ${actor.personId} AND o."cancelledAt" IS NULL`;

async function judge(prisma: PrismaClient, actor: Actor, facts: TaskFacts[], proxies: OutOfOfficeProxy[], action: string, now: Date): Promise<Acting> {
  const principals = (await Promise.all([...new Set(proxies.map((p) => p.personId))].map((personId) => resolveActor({ prisma, personId })))).filter((a): a is Actor => a !== null);
  const verdict = actingAs(
    actor,
    action,
    facts,
    proxies.map((p) => ({ personId: p.personId, deputyId: p.deputyId, startsOn: p.startsOn, endsOn: p.endsOn, cancelled: false })),
    principals,
    now,
  );
  if (verdict.kind === 'refused') throw new AppError(verdict.refusal.code, verdict.refusal.message);
  if (verdict.kind === 'self') return { actor, deputy: null };
  return { actor: principals.find((p) => p.personId === verdict.principalId)!, deputy: actor };
}

/** After a deputy's action went through: the record's timeline and the audit say who acted for whom. */
export async function recordDeputyAction(
  prisma: PrismaClient,
  acting: Acting,
  at: { workflowId: string; action: string; label: string; now: Date; requestId?: string },
): Promise<void> {
  if (!acting.deputy) return;
  const task =
    (await prisma.humanTask.findFirst({ where: { workflowId: at.workflowId, action: at.action }, orderBy: { createdAt: 'desc' } })) ??
    (await prisma.humanTask.findFirst({ where: { workflowId: at.workflowId }, orderBy: { createdAt: 'desc' } }));
  if (!task) return;
  await prisma.$transaction(async (tx) => {
    // The deputy read the record through the principal's open task, which the action may have closed: they keep
    // reading what they decided (the page they acted on, and a resend of the action, still find it).
    await grantRecordRead(tx, task, acting.deputy!.personId, { reason: 'deputy', byId: acting.actor.personId, at: at.now });
    await recordInboxEvent(tx, {
      task,
      action: 'actAsDeputy',
      actor: acting.deputy!,
      onBehalfOf: acting.actor,
      summary: `代 ${acting.actor.displayName} 办理「${at.label}」`,
      data: { processAction: at.action },
      now: at.now,
      requestId: at.requestId,
      notify: { personIds: [acting.actor.personId], kind: 'task.deputy_acted', title: `代理人已代您办理:${at.label}`, body: `${acting.deputy!.displayName}在您的代理期间代您办理了「${at.label}」。` },
    });
  });
}
