// The inbox (HumanTask rows). Activities may run more than once (retries after
// a timeout, a worker crash), so both operations are idempotent: a task is
// identified by (workflowId, key), and closing only touches open tasks.
import { expandSigners, stepKeyOf, type SignMode } from '../domain/kit/countersign';
import { parentTaskKey, signerTaskKey } from '../domain/kit/signers';
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
  // 加签: a signer's task ends with the step it was added to (nothing left to sign).
  for (const key of input.keys ?? []) {
    if (parentTaskKey(key) !== null) continue;
    await db.humanTask.updateMany({ where: { workflowId: input.workflowId, status: 'open', key: { startsWith: signerTaskKey(stepKeyOf(key), '') } }, data: { status: 'cancelled', completedAt: now } });
  }
  return count;
}

export interface SyncHumanTasksInput {
  workflowId: string;
  process: string;
  subjectId: string;
  /** What the state waits for now (the machine's `pendingTasks`). */
  tasks: readonly { key: string; action: string; title: string; role: RoleName; unitId: string; assigneeId: string | null; dueAt: string | null; signers?: { mode: SignMode; personIds: string[] } }[];
  /** Who made the step: open tasks that are no longer wanted close as done by them, or as cancelled when the process moved by itself. */
  completedById: string | null;
}

/**
 * Makes the inbox match the state, inside the caller's transaction: opens
 * what it waits for, closes the rest. Returns the keys opened by this call
 * (a key that existed before, even closed, is not reopened: a step that
 * comes back carries a new key).
 */
export async function syncHumanTasks(db: InboxDb, input: SyncHumanTasksInput, now: Date): Promise<string[]> {
  const { workflowId } = input;
  // 会签/或签: one task per signer the step still waits for.
  const tasks = expandSigners(input.tasks).map(({ signers: _, ...t }) => t);
  const wanted = new Set(tasks.map((t) => t.key));
  const open = await db.humanTask.findMany({ where: { workflowId, status: 'open' }, select: { key: true } });
  // An added signer's task (加签, opened by the API) is not the state's: it stays while its step is wanted and closes with it.
  const stale = open.map((t) => t.key).filter((k) => !wanted.has(k) && parentTaskKey(k) === null);
  await closeOpenHumanTasks(db, { workflowId, keys: stale, status: input.completedById ? 'done' : 'cancelled', completedById: input.completedById }, now);
  const rows = await db.humanTask.findMany({ where: { workflowId, key: { in: [...wanted] } }, select: { key: true, status: true, assigneeId: true } });
  const existing = new Set(rows.map((t) => t.key));
  for (const row of rows) {
    const t = tasks.find((x) => x.key === row.key)!;
    // A step the process moved to another person (转交 through the kit's reassign) keeps its key: its task follows.
    if (row.status === 'open' && t.assigneeId && t.assigneeId !== row.assigneeId) {
      await db.humanTask.updateMany({ where: { workflowId, key: row.key, status: 'open' }, data: { assigneeId: t.assigneeId } });
    }
    // A step taken back (撤回) is wanted again under its old key: its task reopens.
    if (row.status !== 'open') {
      await db.humanTask.updateMany({
        where: { workflowId, key: row.key, status: { not: 'open' } },
        data: { status: 'open', completedAt: null, completedById: null, assigneeId: t.assigneeId ?? null, claimedAt: null, transferredAt: null },
      });
    }
  }
  const opened: string[] = [];
  for (const t of tasks) {
    if (existing.has(t.key)) continue;
    await db.humanTask.create({ data: humanTaskRow({ workflowId, process: input.process, subjectId: input.subjectId, ...t }, now) });
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
