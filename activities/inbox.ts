// The inbox (HumanTask rows). Activities may run more than once (retries after
// a timeout, a worker crash), so both operations are idempotent: a task is
// identified by (workflowId, key), and closing only touches open tasks.
import type { PendingTask } from '../domain/kit/machine';
import type { RoleName } from '../domain/roles';
import type { Prisma } from '../prisma/generated/client';
import type { ActivityDeps } from './deps';
import { callerWorkflowId } from './workflow-id';

export interface OpenHumanTaskInput {
  /** Defaults to the calling workflow's id. */
  workflowId?: string;
  /** "project", "reporting" or "mediation". */
  process: string;
  subjectId: string;
  /**
   * Unique within the workflow for this occurrence of the step. A step that
   * can come back (a review after a revision, a second round) must carry the
   * occurrence in its key ("review-2"): opening an existing key returns the
   * existing task unchanged, even if it is already closed.
   */
  key: string;
  action: string;
  title: string;
  role: RoleName;
  unitId: string;
  assigneeId?: string | null;
  /** ISO string or Date (workflows pass dates through JSON). */
  dueAt?: string | Date | null;
}

export interface CloseHumanTasksInput {
  workflowId?: string;
  /** Only these keys; every open task of the workflow when omitted. */
  keys?: string[];
  /** "done" when a person acted, "cancelled" when the process moved on without them. Default "done". */
  status?: 'done' | 'cancelled';
  completedById?: string | null;
}

/**
 * The client or an interactive transaction: mediation opens and closes its
 * tasks inside the transaction that saves the case, so both go through here.
 */
export type InboxDb = Pick<Prisma.TransactionClient, 'humanTask'>;

/** The row of a new task. */
export function humanTaskRow(input: OpenHumanTaskInput & { workflowId: string }, now: Date): Prisma.HumanTaskUncheckedCreateInput {
  return {
    workflowId: input.workflowId,
    key: input.key,
    process: input.process,
    subjectId: input.subjectId,
    action: input.action,
    title: input.title,
    role: input.role,
    unitId: input.unitId,
    assigneeId: input.assigneeId ?? null,
    dueAt: input.dueAt == null ? null : new Date(input.dueAt),
    createdAt: now,
  };
}

/** Closes open tasks of the workflow; returns how many were closed by this call. */
export async function closeOpenHumanTasks(db: InboxDb, input: CloseHumanTasksInput & { workflowId: string }, now: Date): Promise<number> {
  if (input.keys && input.keys.length === 0) return 0;
  const { count } = await db.humanTask.updateMany({
    where: { workflowId: input.workflowId, status: 'open', ...(input.keys ? { key: { in: input.keys } } : {}) },
    data: { status: input.status ?? 'done', completedAt: now, completedById: input.completedById ?? null },
  });
  return count;
}

export interface SyncHumanTasksInput {
  workflowId: string;
  process: string;
  subjectId: string;
  /** Every task the process waits for now (the machine's `pendingTasks`). */
  tasks: readonly PendingTask[];
  /** Who took the step: the tasks it ends are done by them; without a person they are cancelled. */
  completedById: string | null;
}

/**
 * Makes the inbox match what the process waits for: opens what is new,
 * closes what is gone. Call it inside the transaction that saves the state,
 * so the inbox never shows a step the saved state has not reached. A key
 * once used is never opened again (a step that comes back has a new key).
 * Returns the keys it opened.
 */
export async function syncHumanTasks(db: InboxDb, input: SyncHumanTasksInput, now: Date): Promise<string[]> {
  const { workflowId, tasks, completedById } = input;
  const wanted = new Set(tasks.map((t) => t.key));
  const open = await db.humanTask.findMany({ where: { workflowId, status: 'open' }, select: { key: true } });
  const stale = open.map((t) => t.key).filter((k) => !wanted.has(k));
  await closeOpenHumanTasks(db, { workflowId, keys: stale, status: completedById ? 'done' : 'cancelled', completedById }, now);
  const existing = new Set((await db.humanTask.findMany({ where: { workflowId, key: { in: [...wanted] } }, select: { key: true } })).map((t) => t.key));
  const opened: string[] = [];
  for (const t of tasks) {
    if (existing.has(t.key)) continue;
    await db.humanTask.create({
      data: humanTaskRow({ workflowId, process: input.process, subjectId: input.subjectId, key: t.key, action: t.action, title: t.title, role: t.role, unitId: t.unitId, assigneeId: t.assigneeId, dueAt: t.dueAt }, now),
    });
    opened.push(t.key);
  }
  return opened;
}

export function createInboxActivities({ prisma, clock }: ActivityDeps) {
  return {
    /** Opens (or finds) the inbox task; returns its id. */
    async openHumanTask(input: OpenHumanTaskInput): Promise<string> {
      const workflowId = callerWorkflowId(input.workflowId);
      const task = await prisma.humanTask.upsert({
        where: { workflowId_key: { workflowId, key: input.key } },
        create: humanTaskRow({ ...input, workflowId }, clock.now()),
        update: {},
        select: { id: true },
      });
      return task.id;
    },

    /** Closes open tasks of the workflow; returns how many were closed by this call. */
    async closeHumanTasks(input: CloseHumanTasksInput = {}): Promise<number> {
      return closeOpenHumanTasks(prisma, { ...input, workflowId: callerWorkflowId(input.workflowId) }, clock.now());
    },
  };
}
