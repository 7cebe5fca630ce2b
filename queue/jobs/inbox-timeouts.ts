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
import { Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { proxyCovers } from '../../domain/inbox/rules';
import { SUPERVISING_ROLES, timeoutDue, type StepTimeoutRule, type TimeoutStep } from '../../domain/inbox/timeouts';
import { ROLE_LABELS } from '../../domain/roles';
import type { PrismaClient } from '../../prisma/generated/client';
import type { TNotificationJob } from '../notification-job';
import { createRedisConnection } from '../queues';

export const INBOX_TIMEOUTS_QUEUE = 'inbox-timeouts';
export const INBOX_SWEEP_SCHEDULER = 'inbox-timeouts-sweep';

export interface SweepOptions {
  prisma: PrismaClient;
  rules: StepTimeoutRule[];
  now: Date;
  enqueue: (jobs: TNotificationJob[]) => Promise<void>;
}

const LINKS: Record<string, string> = { mediation: '/api/mediation-cases', project: '/api/projects', reporting: '/api/reporting', grid: '/api/grid-incidents' };

/** One pass over the overdue tasks of the configured steps; returns what it did, by task id. */
export async function sweepOverdueTasks({ prisma, rules, now, enqueue }: SweepOptions): Promise<{ remindTask: string[]; escalateTask: string[] }> {
  const out: { remindTask: string[]; escalateTask: string[] } = { remindTask: [], escalateTask: [] };
  for (const rule of rules) {
    const tasks = await prisma.humanTask.findMany({
      where: { process: rule.process, action: rule.action, status: 'open', dueAt: { lte: new Date(now.getTime() - rule.remindAfterHours * 3_600_000) } },
    });
    for (const task of tasks) {
      const done = new Set(
        (await prisma.taskEvent.findMany({ where: { taskId: task.id, action: { in: ['remindTask', 'escalateTask'] } }, select: { action: true } })).map((e) => e.action as TimeoutStep),
      );
      const step = timeoutDue(rule, task, done, now);
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

export interface InboxTimeoutWorkerOptions {
  redisUrl: string;
  prefix: string;
  prisma: PrismaClient;
  logger: Logger;
  rules: StepTimeoutRule[];
  /** The platform clock (CLOCK=virtual: the engine's). */
  now: () => Date;
  enqueue: SweepOptions['enqueue'];
  everyMs: number;
}

/** Schedules the sweep (one scheduler per prefix, whatever the number of workers) and consumes it. */
export async function startInboxTimeoutWorker(options: InboxTimeoutWorkerOptions): Promise<{ worker: Worker; queue: Queue; close(): Promise<void> }> {
  const connection = createRedisConnection(options.redisUrl);
  const queue = new Queue(INBOX_TIMEOUTS_QUEUE, { connection, prefix: options.prefix, defaultJobOptions: { removeOnComplete: 100, removeOnFail: 100 } });
  await queue.upsertJobScheduler(INBOX_SWEEP_SCHEDULER, { every: options.everyMs }, { name: 'sweep', data: {} });
  const log = options.logger.child({ queue: INBOX_TIMEOUTS_QUEUE });
  const worker = new Worker(
    INBOX_TIMEOUTS_QUEUE,
    async () => {
      const done = await sweepOverdueTasks({ prisma: options.prisma, rules: options.rules, now: options.now(), enqueue: options.enqueue });
      if (done.remindTask.length + done.escalateTask.length > 0) log.info({ reminded: done.remindTask.length, escalated: done.escalateTask.length }, 'overdue steps handled');
      return { reminded: done.remindTask.length, escalated: done.escalateTask.length };
    },
    { connection, prefix: options.prefix, concurrency: 1 },
  );
  worker.on('error', (err) => log.error({ err: err.message }, 'inbox timeout worker error'));
  await worker.waitUntilReady();
  return {
    worker,
    queue,
    async close() {
      await worker.close();
      await queue.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
