// The inbox (HumanTask rows). Activities may run more than once (retries after
// a timeout, a worker crash), so both operations are idempotent: a task is
// identified by (workflowId, key), and closing only touches open tasks.
import { expandSigners, stepKeyOf, type SignMode } from '../domain/kit/countersign';
import type { NotificationIntent, PendingTask, TimelineEntry } from '../domain/kit/machine';
import { parentTaskKey, signerTaskKey } from '../domain/kit/signers';
import type { RoleName } from '../domain/roles';
import { isoOrNull, rawTransaction, type RawDb } from '../db/raw-sql';
import { Prisma } from '../prisma/generated/client';
import { writeAuditEntries } from './audit';
import { assertCalendarCurrent } from './calendar';
import type { ActivityDeps } from './deps';
import { writeNotices, type NotifyInput } from './notify';
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
 * The client or a step's transaction (rawTransaction, on the pool beneath
 * Prisma): a step's save opens and closes its tasks inside the transaction
 * that saves the record, so both go through here. The inbox is written on
 * every step of every process, so its statements are SQL of their own rather
 * than Prisma model queries: measured here, a model query costs the worker
 * 0.7–0.9 ms of CPU (building, planning and interpreting it) against
 * 0.2–0.35 ms for the same statement raw, and the worker's main thread is
 * what a busy district waits on.
 */
export type InboxDb = RawDb;

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

/**
 * Closes the workflow's open tasks under `done` (as done) and `cancelled`
 * (as cancelled), both completed by `completedById`, in one statement; a
 * 加签 signer's task ends with the step it was added to (nothing left to
 * sign), as cancelled. Returns how many of the named tasks this call closed.
 */
async function closeKeys(db: InboxDb, workflowId: string, done: readonly string[], cancelled: readonly string[], completedById: string | null, now: Date): Promise<number> {
  const keys = [...done, ...cancelled];
  if (keys.length === 0) return 0;
  const signerPrefixes = keys.filter((key) => parentTaskKey(key) === null).map((key) => signerTaskKey(stepKeyOf(key), ''));
  // Two updates of one statement must not touch one row: the signers' excludes the named keys.
  const [{ closed }] = await db.$queryRaw<{ closed: number }[]>`
    WITH named AS (
      UPDATE "HumanTask"
         SET status = (CASE WHEN key = ANY(${done}::text[]) THEN 'done' ELSE 'cancelled' END)::"HumanTaskStatus",
             "completedAt" = ${now}, "completedById" = ${completedById}
       WHERE "workflowId" = ${workflowId} AND status = 'open' AND key = ANY(${keys}::text[])
      RETURNING 1
    ), signers AS (
      UPDATE "HumanTask" SET status = 'cancelled', "completedAt" = ${now}
       WHERE "workflowId" = ${workflowId} AND status = 'open' AND NOT (key = ANY(${keys}::text[]))
         AND EXISTS (SELECT 1 FROM unnest(${signerPrefixes}::text[]) AS p(prefix) WHERE starts_with(key, p.prefix))
    )
    SELECT count(*)::int AS closed FROM named`;
  return closed;
}

/** Closes open tasks of the workflow; returns how many were closed by this call. */
export async function closeOpenHumanTasks(db: InboxDb, input: CloseHumanTasksInput & { workflowId: string }, now: Date): Promise<number> {
  const status = input.status ?? 'done';
  if (!input.keys) {
    return db.$executeRaw`
      UPDATE "HumanTask" SET status = ${status}::"HumanTaskStatus", "completedAt" = ${now}, "completedById" = ${input.completedById ?? null}
       WHERE "workflowId" = ${input.workflowId} AND status = 'open'`;
  }
  const { keys } = input;
  return closeKeys(db, input.workflowId, status === 'done' ? keys : [], status === 'done' ? [] : keys, input.completedById ?? null, now);
}

export interface SyncHumanTasksInput {
  workflowId: string;
  process: string;
  subjectId: string;
  /** What the state waits for now (the machine's `pendingTasks`). */
  tasks: readonly { key: string; action: string; title: string; role: RoleName; unitId: string; assigneeId: string | null; dueAt: string | null; signers?: { mode: SignMode; personIds: string[] } }[];
  /** Who made the step: open tasks that are no longer wanted close as done by them, or as cancelled when the process moved by itself. */
  completedById: string | null;
  /** Keys the process moved past without the person (e.g. a release request of a terminated project): they close as cancelled. */
  cancelledKeys?: readonly string[];
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
  const wanted = new Map(tasks.map((t) => [t.key, t]));
  // One read for both questions: which tasks are open, and which of the wanted ones exist (open or not).
  const rows = await db.$queryRaw<{ key: string; status: string; assigneeId: string | null }[]>`
    SELECT key, status::text AS status, "assigneeId" FROM "HumanTask"
     WHERE "workflowId" = ${workflowId} AND (status = 'open' OR key = ANY(${[...wanted.keys()]}::text[]))`;
  const cancelled = new Set(input.cancelledKeys ?? []);
  // An added signer's task (加签, opened by the API) is not the state's: it stays while its step is wanted and closes with it.
  const stale = rows.filter((t) => t.status === 'open' && !wanted.has(t.key) && parentTaskKey(t.key) === null).map((t) => t.key);
  const done = input.completedById ? stale.filter((k) => !cancelled.has(k)) : [];
  await closeKeys(db, workflowId, done, stale.filter((k) => !done.includes(k)), input.completedById, now);
  for (const row of rows) {
    const t = wanted.get(row.key);
    if (!t) continue;
    // A step the process moved to another person (转交 through the kit's reassign) keeps its key: its task follows.
    if (row.status === 'open' && t.assigneeId && t.assigneeId !== row.assigneeId) {
      await db.$executeRaw`UPDATE "HumanTask" SET "assigneeId" = ${t.assigneeId} WHERE "workflowId" = ${workflowId} AND key = ${row.key} AND status = 'open'`;
    }
    // A step taken back (撤回) is wanted again under its old key: its task reopens.
    if (row.status !== 'open') {
      await db.$executeRaw`
        UPDATE "HumanTask"
           SET status = 'open', "completedAt" = NULL, "completedById" = NULL, "assigneeId" = ${t.assigneeId ?? null}, "claimedAt" = NULL, "transferredAt" = NULL
         WHERE "workflowId" = ${workflowId} AND key = ${row.key} AND status <> 'open'`;
    }
  }
  const existing = new Set(rows.map((t) => t.key));
  const opened = tasks.filter((t) => !existing.has(t.key));
  if (opened.length > 0) {
    const col = <K extends keyof (typeof opened)[number]>(k: K) => opened.map((t) => t[k]);
    await db.$executeRaw`
      INSERT INTO "HumanTask" (id, "workflowId", key, process, "subjectId", action, title, role, "unitId", "assigneeId", "dueAt", "createdAt")
      SELECT gen_random_uuid()::text, ${workflowId}, t.key, ${input.process}, ${input.subjectId}, t.action, t.title, t.role::"RoleName", t.unit, t.assignee, t.due, ${now}
        FROM unnest(${col('key')}::text[], ${col('action')}::text[], ${col('title')}::text[], ${col('role')}::text[], ${col('unitId')}::text[],
                    ${col('assigneeId')}::text[], ${opened.map((t) => isoOrNull(t.dueAt))}::timestamp(3)[])
          AS t(key, action, title, role, unit, assignee, due)`;
  }
  return opened.map((t) => t.key);
}

/** The columns every process's timeline table shares (each adds its subject and its summary or label). */
export function timelineRow(e: { seq: number; at: string; action: string; actorId: string | null; actorName: string | null; data?: Record<string, unknown> | null }) {
  return { seq: e.seq, at: new Date(e.at), action: e.action, actorId: e.actorId, actorName: e.actorName, data: (e.data ?? {}) as Prisma.InputJsonValue };
}

/**
 * The INSERT of a step's timeline events into a timeline table of the shape
 * mediation and grid share (subject, seq, at, action, actor, summary, data),
 * events written before skipped: a part of a process's one-statement write.
 */
export function timelineEventsInsert(
  table: 'MediationEvent' | 'GridIncidentEvent',
  subjectColumn: 'caseId' | 'incidentId',
  subjectId: string,
  events: readonly { seq: number; at: string; action: string; actorId: string | null; actorName: string | null; summary: string; data?: Record<string, unknown> | null }[],
): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO ${Prisma.raw(`"${table}"`)} (${Prisma.raw(`"${subjectColumn}"`)}, seq, at, action, "actorId", "actorName", summary, data)
    SELECT ${subjectId}, e.seq, e.at, e.action, e.actor, e.name, e.summary, e.data::jsonb
      FROM unnest(${events.map((e) => e.seq)}::int[], ${events.map((e) => isoOrNull(e.at))}::timestamp(3)[], ${events.map((e) => e.action)}::text[],
                  ${events.map((e) => e.actorId)}::text[], ${events.map((e) => e.actorName)}::text[], ${events.map((e) => e.summary)}::text[],
                  ${events.map((e) => JSON.stringify(e.data ?? {}))}::text[])
        AS e(seq, at, action, actor, name, summary, data)
    ON CONFLICT DO NOTHING`;
}

/** The earliest due date among the open tasks: the read model's `nextDueAt`. */
export function earliestDue(tasks: readonly Pick<PendingTask, 'dueAt'>[]): string | null {
  return tasks.map((t) => t.dueAt).filter((d): d is string => d !== null).sort()[0] ?? null;
}

export interface SaveStepInput {
  workflowId: string;
  /** "project", "reporting", "mediation" or "grid". */
  process: string;
  subjectId: string;
  /** Where the step's notifications point. */
  link: string;
  /** What the new state waits for (the machine's `pendingTasks`). */
  tasks: readonly PendingTask[];
  /** The step's timeline: its last acting person completes the tasks it closes, and each person's entry is audited when `audit` is given. */
  entries: readonly Pick<TimelineEntry, 'seq' | 'actorId' | 'action' | 'summary'>[];
  /** Who completed the closed tasks when it is not the timeline's last actor (a project step names it). */
  completedById?: string | null;
  cancelledKeys?: readonly string[];
  notifications: readonly NotificationIntent[];
  /** Tell the holders of each task the step opens ("task.opened"); processes whose machine sends its own notice leave it off. */
  announceTasks: boolean;
  /** Audit each person's entry under this subject type and unit (idempotent by workflow and seq). */
  audit?: { subjectType: string; unitId: string };
  /**
   * Inside the transaction: the timeline rows and the version-checked write of
   * the read model, in raw statements. False when a newer save got there
   * first (the row lock orders concurrent saves): the inbox is then left to
   * that newer save.
   */
  write: (tx: RawDb) => Promise<boolean>;
  /**
   * The version of the calendar snapshot the step's periods were computed on
   * (workflows/kit/calendar.ts), absent when it computed none: a step that
   * applies is refused (CALENDAR_CHANGED, its transaction rolled back) when
   * the stored calendar is another by now.
   */
  calendarVersion?: string | null;
  /**
   * Inside the transaction, last and only when the write applied: for a row
   * that other steps lock too (a community's yearly fund), so that it is held
   * from here to the commit only. Throwing rolls the whole step back.
   */
  lastInTransaction?: (tx: RawDb) => Promise<void>;
}

/**
 * The one save of a process step, for every process on the kit: the read
 * model and timeline (the caller's `write`, version-checked), an inbox that
 * matches the state, in one transaction; then the step's notifications and
 * audit lines, idempotent by key, so a retried save sends nothing twice.
 */
export function createStepSaver(deps: ActivityDeps) {
  const { prisma, clock, queue } = deps;

  return async function saveStep(input: SaveStepInput): Promise<{ applied: boolean; openedTasks: string[] }> {
    const { workflowId, tasks } = input;
    const completedById = input.completedById !== undefined ? input.completedById : (input.entries.findLast((e) => e.actorId)?.actorId ?? null);
    const now = clock.now();
    const { result, jobs } = await rawTransaction(prisma, async (tx) => {
      const applied = await input.write(tx);
      // Checked once the write applies: a retried save of a step already saved keeps what it saved.
      if (applied && input.calendarVersion) await assertCalendarCurrent(tx, input.calendarVersion);
      const openedTasks = applied
        ? await syncHumanTasks(tx, { workflowId, process: input.process, subjectId: input.subjectId, tasks, completedById, cancelledKeys: input.cancelledKeys }, now)
        : [];
      // The notices and audit lines commit with the step (idempotent by key: a retried save, or one a newer
      // save got ahead of, writes nothing twice).
      const { jobs } = await writeNotices(tx, noticesOf(input, openedTasks), now);
      if (input.audit) {
        const { subjectType, unitId } = input.audit;
        await writeAuditEntries(
          tx,
          input.entries
            .filter((e) => e.actorId)
            .map((e) => ({ actorId: e.actorId, action: e.action, subjectType, subjectId: input.subjectId, unitId, data: { summary: e.summary }, eventId: `${workflowId}:${e.seq}` })),
          now,
        );
      }
      if (applied && input.lastInTransaction) await input.lastInTransaction(tx);
      return { result: { applied, openedTasks }, jobs };
    });
    // The outbound channel's notices, once the step is saved (for a gateway a queued job per recipient and key,
    // so a retry adds none; the log channel writes its lines at once).
    await queue.enqueueNotifications(jobs);
    return result;
  };

  /** What the step tells whom: the holders of each task it opens (when the process announces them), and its own notices. */
  function noticesOf(input: SaveStepInput, openedTasks: readonly string[]): NotifyInput[] {
    const { workflowId, link } = input;
    const notices: NotifyInput[] = [];
    if (input.announceTasks) {
      // 会签/或签 steps open one task per signer, under the keys expandSigners gives them.
      const opened = expandSigners(input.tasks);
      for (const key of openedTasks) {
        const t = opened.find((x) => x.key === key)!;
        const to = t.assigneeId ? { personIds: [t.assigneeId] } : { role: t.role, unitId: t.unitId, reach: 'unit' as const };
        notices.push({ workflowId, event: `task:${key}`, to, kind: 'task.opened', title: `待办:${t.title}`, body: t.dueAt ? `请于${t.dueAt.slice(0, 10)}前办理。` : '请及时办理。', link });
      }
    }
    for (const n of input.notifications) {
      const to = 'personIds' in n.to ? n.to : { role: n.to.role, unitId: n.to.unitId, ...(n.to.reach === 'unit' ? { reach: 'unit' as const } : {}) };
      notices.push({ workflowId, event: n.event, to, kind: n.kind, title: n.title, body: n.body, link });
    }
    return notices;
  }
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
