// Timeout handling per step (INBOX_STEP_TIMEOUTS): a BullMQ repeatable job
// sweeps the inbox for overdue open tasks of the configured steps, reminds
// the holder once, then tells the unit above once.
//
// Why a repeatable job rather than each process's timers: the handling is the
// same for every process, so it lives once, beside the inbox, instead of in
// every machine; it applies to instances already running (no timer to add to
// a recorded history, no patched() marker per process); a change of the rules
// takes effect at the next sweep; and it sees the inbox as people do (a task
// handed on or covered by a deputy reminds its current holder). The
// processes keep their own timers for what belongs to their rules (a
// mediation round's escalation, the project's review reminder). Each
// reminder and escalation is recorded (TaskEvent) before its notices are
// queued under keys derived from it, so two sweeps never send twice.
//
// 超时自动办理: where a rule sets auto-decide hours and the process allows it
// (domain/inbox/auto-decide.ts), the sweep takes the step through the
// workflow as the system actor, with the input the process names. The
// update's id is derived from the task, the machine refuses a step no longer
// waiting, and the timeline line's id is derived from the task too: a sweep
// running twice (or two at once) decides once and says so once. The entry
// point passes `decide` (it holds the Temporal client; queue/ cannot reach
// workflows/).
import type { Logger } from 'pino';
import { proxyCovers } from '../../domain/inbox/rules';
import { autoDecision } from '../../domain/inbox/auto-decide';
import { firstTimeoutHours, SUPERVISING_ROLES, timeoutDue, type StepTimeoutRule, type TimeoutStep } from '../../domain/inbox/timeouts';
import { ROLE_LABELS } from '../../domain/roles';
import type { PrismaClient } from '../../prisma/generated/client';
import type { TNotificationJob } from '../notification-job';
import { startRepeatingJob, type RepeatingJob } from './repeating';

export const INBOX_TIMEOUTS_QUEUE = 'inbox-timeouts';
export const INBOX_SWEEP_SCHEDULER = 'inbox-timeouts-sweep';

/** Takes a step through its workflow as the system actor; throws when the process refuses it. */
export type AutoDecide = (request: { taskId: string; process: string; workflowId: string; action: string; input: unknown }) => Promise<void>;

export interface SweepOptions {
  prisma: PrismaClient;
  rules: StepTimeoutRule[];
  now: Date;
  enqueue: (jobs: TNotificationJob[]) => Promise<void>;
  /** 超时自动办理; without it auto-decide rules only remind and escalate. */
  decide?: AutoDecide;
  logger?: Pick<Logger, 'warn'>;
}

const LINKS: Record<string, string> = { mediation: '/api/mediation-cases', project: '/api/projects', reporting: '/api/reporting', grid: '/api/grid-incidents' };

/** One pass over the overdue tasks of the configured steps; returns what it did, by task id. */
export async function sweepOverdueTasks({ prisma, rules, now, enqueue, decide, logger }: SweepOptions): Promise<Record<TimeoutStep, string[]>> {
  const out: Record<TimeoutStep, string[]> = { remindTask: [], escalateTask: [], autoDecideTask: [] };
  for (const rule of rules) {
    const tasks = await prisma.humanTask.findMany({
      where: { process: rule.process, action: rule.action, status: 'open', dueAt: { lte: new Date(now.getTime() - firstTimeoutHours(rule) * 3_600_000) } },
    });
    for (const task of tasks) {
      const done = new Set(
        (await prisma.taskEvent.findMany({ where: { taskId: task.id, action: { in: ['remindTask', 'escalateTask', 'autoDecideTask'] } }, select: { action: true } })).map((e) => e.action as TimeoutStep),
      );
      let step = timeoutDue(rule, task, done, now);
      if (step === 'autoDecideTask') {
        const decision = autoDecision(task.process, task.action);
        if (!decide || !decision) {
          // Not wired (or no longer allowed): the rule still reminds and escalates.
          step = timeoutDue(rule, task, new Set([...done, 'autoDecideTask']), now);
        } else {
          try {
            await decide({ taskId: task.id, process: task.process, workflowId: task.workflowId, action: task.action, input: decision.input });
          } catch (err) {
            // The process refused (the step moved on meanwhile) or did not answer: the next sweep looks again.
            logger?.warn({ taskId: task.id, err: (err as Error).message }, 'automatic decision not taken');
            continue;
          }
          if (await recordAutoDecision(prisma, task, now, enqueue)) out.autoDecideTask.push(task.id);
          continue;
        }
      }
      if (!step) continue;
      const unit = await prisma.unit.findUniqueOrThrow({ where: { id: task.unitId }, select: { name: true, parentId: true } });
      let recipients: string[];
      if (step === 'remindTask') {
        if (task.assigneeId) {
          const proxies = await prisma.outOfOfficeProxy.findMany({ where: { personId: task.assigneeId, cancelledAt: null } });
          recipients = [task.assigneeId, ...proxies.filter((p) => proxyCovers({ ...p, cancelled: false }, now)).map((p) => p.deputyId)];
        } else {
          recipients = (await prisma.roleAssignment.findMany({ where: { role: task.role, unitId: task.unitId, person: { active: true } }, select: { personId: true } })).map((r) => r.personId);
        }
      } else {
        const above = unit.parentId ?? task.unitId;
        recipients = (
          await prisma.roleAssignment.findMany({ where: { role: { in: SUPERVISING_ROLES[task.role] }, unitId: above, person: { active: true } }, select: { personId: true } })
        ).map((r) => r.personId);
      }
      recipients = [...new Set(recipients)];
      const summary =
        step === 'remindTask'
          ? `「${task.title}」已超过办理期限,系统催办${ROLE_LABELS[task.role]}`
          : `「${task.title}」超期未办,已报上级督办`;
      const event = await prisma.$transaction(async (tx) => {
        const e = await tx.taskEvent.create({
          data: { taskId: task.id, process: task.process, workflowId: task.workflowId, subjectId: task.subjectId, action: step, actorId: 'system', actorName: '系统', summary, data: { recipientIds: recipients, dueAt: task.dueAt?.toISOString() ?? null }, at: now },
        });
        await tx.auditLog.create({
          data: { at: now, actorId: null, action: `task.${step}`, subjectType: 'HumanTask', subjectId: task.id, unitId: task.unitId, data: { process: task.process, workflowId: task.workflowId, recipientIds: recipients } },
        });
        return e;
      });
      await enqueue(
        recipients.map((recipientId) => ({
          idempotencyKey: `inbox|${event.id}|${recipientId}`,
          recipientId,
          kind: step === 'remindTask' ? 'task.overdue' : 'task.escalated',
          title: step === 'remindTask' ? `【超期催办】${task.title}` : `【超期督办】${task.title}`,
          body: step === 'remindTask' ? '该任务已超过办理期限,请尽快办理。' : `${unit.name}的该任务已超过办理期限,请督促办理。`,
          link: `${LINKS[task.process] ?? `/api/${task.process}`}/${task.subjectId}`,
        })),
      );
      out[step].push(task.id);
    }
  }
  return out;
}

/**
 * The timeline line, audit row and notices of one automatic decision, once:
 * the line's id is derived from the task, so a second sweep that also saw
 * the update succeed (the same update id answers twice) records nothing.
 */
async function recordAutoDecision(prisma: PrismaClient, task: Awaited<ReturnType<PrismaClient['humanTask']['findFirstOrThrow']>>, now: Date, enqueue: SweepOptions['enqueue']): Promise<boolean> {
  const recipients = task.assigneeId
    ? [task.assigneeId]
    : (await prisma.roleAssignment.findMany({ where: { role: task.role, unitId: task.unitId, person: { active: true } }, select: { personId: true } })).map((r) => r.personId);
  const eventId = `auto-decide-${task.id}`;
  try {
    await prisma.$transaction(async (tx) => {
      await tx.taskEvent.create({
        data: { id: eventId, taskId: task.id, process: task.process, workflowId: task.workflowId, subjectId: task.subjectId, action: 'autoDecideTask', actorId: 'system', actorName: '系统', summary: `超时自动办理「${task.title}」`, data: { recipientIds: recipients, dueAt: task.dueAt?.toISOString() ?? null }, at: now },
      });
      await tx.auditLog.create({
        data: { at: now, actorId: null, action: 'task.autoDecideTask', subjectType: 'HumanTask', subjectId: task.id, unitId: task.unitId, data: { process: task.process, workflowId: task.workflowId, taskAction: task.action } },
      });
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') return false;
    throw err;
  }
  await enqueue(
    [...new Set(recipients)].map((recipientId) => ({
      idempotencyKey: `inbox|${eventId}|${recipientId}`,
      recipientId,
      kind: 'task.auto_decided',
      title: `【超时自动办理】${task.title}`,
      body: '该任务超过办理期限仍未办理,系统已按规定自动办理。',
      link: `${LINKS[task.process] ?? `/api/${task.process}`}/${task.subjectId}`,
    })),
  );
  return true;
}

export interface InboxTimeoutWorkerOptions {
  redisUrl: string;
  prefix: string;
  prisma: PrismaClient;
  logger: Logger;
  rules: StepTimeoutRule[];
  /** The platform clock (CLOCK=virtual: the engine's). */
  now: () => Date;
  enqueue: SweepOptions['enqueue'];
  /** 超时自动办理 (built by the entry point, which holds the Temporal client). */
  decide?: AutoDecide;
  everyMs: number;
}

/** Schedules the sweep (one scheduler per prefix, whatever the number of workers) and consumes it. */
export function startInboxTimeoutWorker(options: InboxTimeoutWorkerOptions): Promise<RepeatingJob> {
  return startRepeatingJob({
    ...options,
    queue: INBOX_TIMEOUTS_QUEUE,
    scheduler: INBOX_SWEEP_SCHEDULER,
    run: async (log) => {
      const done = await sweepOverdueTasks({ prisma: options.prisma, rules: options.rules, now: options.now(), enqueue: options.enqueue, decide: options.decide, logger: log });
      const counts = { reminded: done.remindTask.length, escalated: done.escalateTask.length, decided: done.autoDecideTask.length };
      if (counts.reminded + counts.escalated + counts.decided > 0) log.info(counts, 'overdue steps handled');
      return counts;
    },
  });
}
