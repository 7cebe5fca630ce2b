// Activities of the project workflow. Each is idempotent, because Temporal
// may run an activity again after its effect committed (a lost completion, a
// worker killed mid-call):
//  - the read model keeps only the newest snapshot (version check);
//  - timeline rows are keyed (project, seq);
//  - a payment is keyed (project, payable): the second attempt finds the first;
//  - a reservation is set to an absolute target, never incremented.

import { ApplicationFailure } from '@temporalio/activity';
import { checkFundCap, fundCapMessage } from '../domain/project/application';
import type { DeadlineItem, ProjectPayment, TaskDeadline } from '../domain/project/machine';
import type { ProjectState } from '../domain/project/state';
import { Prisma } from '../prisma/generated/client';
import { isoOrNull, rawTransaction, UTC_NOW, type RawDb } from '../db/raw-sql';
import { createStepSaver, earliestDue } from './inbox';
import { createCalendarActivities } from './calendar';
import type { ActivityDeps } from './deps';
import type { NotifyInput } from './notify';

export interface ProjectEventInput {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  label: string;
  stage: string;
  data: Record<string, unknown>;
}

/** A notification the step sends; the workflow id is the step's, the link the project's. */
export type ProjectNotification = Omit<NotifyInput, 'workflowId' | 'link'>;

/**
 * One step of a project. The inbox follows `state.pending`: steps no longer
 * pending close as done by `closedById`, or as cancelled when listed in
 * `cancelTaskKeys` or nobody acted. (Saves scheduled before the kit's step
 * saver also carried `openTasks` and `doneTaskKeys`; the state says the same.)
 */
export interface SyncProjectStepInput {
  workflowId: string;
  state: ProjectState;
  events: ProjectEventInput[];
  /** Each links to the project, whatever `link` it carries. */
  notifications: ProjectNotification[];
  /** Tasks the process moved past without the person (e.g. a release request of a terminated project). */
  cancelTaskKeys: string[];
  closedById: string | null;
  /** The calendar snapshot the step's periods were computed on, for the save to check (activities/inbox.ts). */
  calendarVersion?: string | null;
  /**
   * The reservation the step sets, in the save's transaction once its write
   * applies: a rise past the cap refuses the step (FUND_CAP_EXCEEDED, nothing
   * written). Absent in saves of histories that reserved first.
   */
  reservation?: StepReservation | null;
}

/** A step's reservation: the project's, its community's and year's (from the state). */
export type StepReservation = Pick<SetReservationInput, 'targetFen' | 'capFen' | 'enforceCap'>;

export interface ComputeDeadlinesInput {
  from: string;
  /** 0: no escalation moment. */
  escalateWorkingDays: number;
  items: DeadlineItem[];
}

export interface SetReservationInput {
  projectId: string;
  communityId: string;
  year: number;
  targetFen: number;
  /** The yearly cap used when the community has no row yet (config default). */
  capFen: number;
  /** Refuse a rise that would pass the cap; lowering never is refused. */
  enforceCap: boolean;
}

/** The machine's payment (domain/project/machine.ts) and where it lands. */
export interface RecordPaymentInput extends ProjectPayment {
  projectId: string;
  communityId: string;
  streetId: string;
  year: number;
}

export interface RecordPaymentResult {
  paymentId: string;
  voucherNo: string;
  releasedAt: string;
  /** True when the payable had already been paid (a retry or a second request): nothing new was written. */
  duplicate: boolean;
}

function stepOf(s: ProjectState): string | null {
  if (s.suspended) return 'suspended';
  if (s.approvalStep) return s.approvalStep;
  if (s.stage === 'acceptance') return s.acceptance?.step ?? null;
  if (s.stage === 'reward') return s.reward?.step ?? null;
  return null;
}

/** Set, or refused with the cap's message (nothing written). */
export type ReservationResult = { ok: true; reservedFen: number } | { ok: false; reservedFen: number; message: string };

/**
 * Sets the project's reservation to `targetFen` inside `tx`, against the
 * community's yearly cap: a rise that would pass the cap is refused (ok:
 * false, nothing written) when `enforceCap`. Absolute, so a repeat changes
 * nothing.
 */
async function reserveFunds(tx: RawDb, input: SetReservationInput): Promise<ReservationResult> {
  // The community's year, created with the default cap when it has no row
  // yet, and locked (an upsert that finds the row locks it as an update
  // does): two projects of one community reserving at once are serialised
  // here, until the transaction ends. One statement, not an insert that may
  // do nothing and then a SELECT … FOR UPDATE: each statement run while the
  // row is locked is time every other step of the community waits (the
  // bench's ten approvals at once over two communities waited 16 ms each on
  // this row). An upsert, not a read then an insert: two first projects of
  // one community and year at once both inserted, and the loser's unique
  // violation (23505) refused its reservation for good.
  const [fund] = await tx.$queryRaw<{ capFen: number; reservedFen: number; currentFen: number | null }[]>`
    WITH f AS (
      INSERT INTO "ProjectFundYear" ("communityId", "year", "capFen", "reservedFen", "updatedAt")
      VALUES (${input.communityId}, ${input.year}, ${input.capFen}, 0, ${UTC_NOW})
      ON CONFLICT ("communityId", "year") DO UPDATE SET "capFen" = "ProjectFundYear"."capFen"
      RETURNING "capFen", "reservedFen")
    SELECT f."capFen", f."reservedFen", (SELECT r."amountFen" FROM "ProjectReservation" r WHERE r."projectId" = ${input.projectId}) AS "currentFen" FROM f`;
  const current = fund!.currentFen ?? 0;
  if (current === input.targetFen) return { ok: true, reservedFen: current };
  const others = fund!.reservedFen - current;
  if (input.enforceCap && input.targetFen > current) {
    const check = checkFundCap(fund!.capFen, others, input.targetFen);
    if (!check.ok) return { ok: false, reservedFen: current, message: fundCapMessage(check) };
  }
  await tx.$executeRaw`
    WITH fund AS (
      UPDATE "ProjectFundYear" SET "reservedFen" = ${others + input.targetFen}, "updatedAt" = ${UTC_NOW}
      WHERE "communityId" = ${input.communityId} AND "year" = ${input.year})
    INSERT INTO "ProjectReservation" ("projectId", "communityId", "year", "amountFen", "updatedAt")
    VALUES (${input.projectId}, ${input.communityId}, ${input.year}, ${input.targetFen}, ${UTC_NOW})
    ON CONFLICT ("projectId") DO UPDATE SET "amountFen" = EXCLUDED."amountFen", "updatedAt" = EXCLUDED."updatedAt"`;
  return { ok: true, reservedFen: input.targetFen };
}

export function createProjectActivities(deps: ActivityDeps) {
  const { prisma, clock } = deps;
  const saveStep = createStepSaver(deps);
  const { workingDeadlines } = createCalendarActivities(deps);

  return {
    /** The name recorded in project histories for `workingDeadlines` (./calendar), kept so they replay. */
    async computeProjectDeadlines(input: ComputeDeadlinesInput): Promise<TaskDeadline[]> {
      const items = input.items.map((item) => ({ ...item, escalateWorkingDays: input.escalateWorkingDays }));
      return (await workingDeadlines({ from: input.from, items })).map(({ key, dueAt, escalateAt }) => ({ key, dueAt, escalateAt }));
    },

    /** The reservation as a step of its own: projects whose histories reserve before the save (./project's `reserveFunds`). */
    async setProjectReservation(input: SetReservationInput): Promise<ReservationResult> {
      // Raw statements on the pool, each prepared once per connection: the
      // approval waits on this one (it runs inside the action's workflow task).
      return rawTransaction(prisma, (tx) => reserveFunds(tx, input));
    },

    async recordProjectPayment(input: RecordPaymentInput): Promise<RecordPaymentResult> {
      const sum = input.lines.reduce((s, l) => s + l.amountFen, 0);
      if (sum !== input.amountFen) {
        throw ApplicationFailure.nonRetryable(`ledger lines (${sum}) do not sum to the payment (${input.amountFen})`, 'INTERNAL');
      }
      const key = { projectId_payableKey: { projectId: input.projectId, payableKey: input.payableKey } };
      const found = async () => {
        const p = await prisma.projectPayment.findUnique({ where: key });
        return p && { paymentId: p.id, voucherNo: p.voucherNo, releasedAt: p.releasedAt.toISOString(), duplicate: true };
      };
      const existing = await found();
      if (existing) return existing;
      let payment;
      try {
        payment = await prisma.projectPayment.create({
          data: {
            projectId: input.projectId,
            payableKey: input.payableKey,
            disbursementId: input.disbursementId,
            kind: input.kind,
            amountFen: input.amountFen,
            voucherNo: input.voucherNo,
            releasedById: input.releasedById,
            releasedAt: clock.now(),
            communityId: input.communityId,
            streetId: input.streetId,
            year: input.year,
            lines: { create: input.lines.map((l) => ({ projectId: input.projectId, party: l.party, label: l.label, amountFen: l.amountFen })) },
          },
        });
      } catch (err) {
        // A concurrent attempt won the unique key: its payment is the payment.
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
          const winner = await found();
          if (winner) return winner;
        }
        throw err;
      }
      return { paymentId: payment.id, voucherNo: payment.voucherNo, releasedAt: payment.releasedAt.toISOString(), duplicate: false };
    },

    async syncProjectStep(input: SyncProjectStepInput): Promise<void> {
      const s = input.state;
      const last = s.acceptance?.inspections.at(-1);
      const row = {
        workflowId: s.workflowId,
        title: s.application.title,
        category: s.application.category,
        year: s.year,
        communityId: s.community.id,
        communityName: s.community.name,
        unitPath: s.community.path,
        streetId: s.street.id,
        applicantId: s.applicantId,
        stage: s.stage,
        step: stepOf(s),
        budgetFen: s.application.budgetFen,
        finalPaymentFen: s.application.finalPaymentFen,
        reservedFen: s.reservedFen,
        paidFen: s.paidFen,
        rewardPaidFen: s.rewardPaidFen,
        revisionCount: s.revisionCount,
        suspended: !!s.suspended,
        pending: s.pending as unknown as Prisma.InputJsonValue,
        nextDueAt: earliestDue(s.pending),
        overdue: s.pending.some((p) => p.remindedAt) || s.milestones.some((m) => m.overdueSince && m.status === 'pending'),
        escalated: s.pending.some((p) => p.escalatedAt),
        rating: s.acceptance?.rating ?? null,
        scoreCentiPoints: last?.totalCentiPoints ?? null,
        ratedAt: s.acceptance?.rating && last ? new Date(last.at) : null,
        snapshot: s as unknown as Prisma.InputJsonValue,
        version: s.version,
        closedReason: s.closedReason,
      };

      await saveStep({
        workflowId: input.workflowId,
        process: 'project',
        subjectId: s.projectId,
        link: `/projects/${s.projectId}`,
        tasks: s.pending.map((p) => ({ key: p.key, action: p.action, title: p.title, role: p.role, unitId: p.unitId, assigneeId: null, dueAt: p.dueAt })),
        // The step names who completed its tasks; the project's timeline is not audited here (the API audits people's actions).
        entries: [],
        completedById: input.closedById,
        cancelledKeys: input.cancelTaskKeys,
        notifications: input.notifications,
        calendarVersion: input.calendarVersion ?? null,
        // The machine's own "待办" notice goes with the step's notifications.
        announceTasks: false,
        // One statement (see InboxDb in ./inbox): the project row if this
        // state is newer (inserted on the first step), then its milestones and
        // disbursements; the new timeline events either way.
        write: async (tx) => {
          const ms = s.milestones.map((m) => ({
            ...m,
            reportedAt: m.reports.at(-1)?.at ?? null,
            paidAt: m.status === 'paid' ? (s.disbursements.find((d) => d.milestoneSeq === m.seq && d.status === 'released')?.decidedAt ?? clock.now().toISOString()) : null,
          }));
          const ds = s.disbursements;
          const es = input.events;
          const [{ applied }] = await tx.$queryRaw<{ applied: boolean }[]>`
            WITH saved AS (
              INSERT INTO "Project" (id, "workflowId", title, category, year, "communityId", "communityName", "unitPath", "streetId", "applicantId",
                                     stage, step, "budgetFen", "finalPaymentFen", "reservedFen", "paidFen", "rewardPaidFen", "revisionCount", suspended,
                                     pending, "nextDueAt", overdue, escalated, rating, "scoreCentiPoints", "ratedAt", snapshot, version, "closedReason",
                                     "createdAt", "updatedAt")
              VALUES (${s.projectId}, ${row.workflowId}, ${row.title}, ${row.category}, ${row.year}, ${row.communityId}, ${row.communityName}, ${row.unitPath},
                      ${row.streetId}, ${row.applicantId}, ${row.stage}, ${row.step}, ${row.budgetFen}, ${row.finalPaymentFen}, ${row.reservedFen},
                      ${row.paidFen}, ${row.rewardPaidFen}, ${row.revisionCount}, ${row.suspended}, ${JSON.stringify(s.pending)}::jsonb,
                      ${isoOrNull(row.nextDueAt)}::timestamp(3), ${row.overdue}, ${row.escalated}, ${row.rating}, ${row.scoreCentiPoints}::int,
                      ${isoOrNull(row.ratedAt)}::timestamp(3), ${JSON.stringify(s)}::jsonb, ${row.version}, ${row.closedReason},
                      ${UTC_NOW}, ${UTC_NOW})
              ON CONFLICT (id) DO UPDATE SET
                "workflowId" = EXCLUDED."workflowId", title = EXCLUDED.title, category = EXCLUDED.category, year = EXCLUDED.year,
                "communityId" = EXCLUDED."communityId", "communityName" = EXCLUDED."communityName", "unitPath" = EXCLUDED."unitPath",
                "streetId" = EXCLUDED."streetId", "applicantId" = EXCLUDED."applicantId", stage = EXCLUDED.stage, step = EXCLUDED.step,
                "budgetFen" = EXCLUDED."budgetFen", "finalPaymentFen" = EXCLUDED."finalPaymentFen", "reservedFen" = EXCLUDED."reservedFen",
                "paidFen" = EXCLUDED."paidFen", "rewardPaidFen" = EXCLUDED."rewardPaidFen", "revisionCount" = EXCLUDED."revisionCount",
                suspended = EXCLUDED.suspended, pending = EXCLUDED.pending, "nextDueAt" = EXCLUDED."nextDueAt", overdue = EXCLUDED.overdue,
                escalated = EXCLUDED.escalated, rating = EXCLUDED.rating, "scoreCentiPoints" = EXCLUDED."scoreCentiPoints",
                "ratedAt" = EXCLUDED."ratedAt", snapshot = EXCLUDED.snapshot, version = EXCLUDED.version, "closedReason" = EXCLUDED."closedReason",
                "updatedAt" = EXCLUDED."updatedAt"
              WHERE "Project".version < EXCLUDED.version
              RETURNING id
            ), milestones AS (
              INSERT INTO "ProjectMilestone" ("projectId", seq, title, "amountFen", "dueDate", status, "overdueSince", "reportedAt", "paidAt")
              SELECT saved.id, m.seq, m.title, m.amount, m.due, m.status, m.overdue, m.reported, m.paid
                FROM saved, unnest(${ms.map((m) => m.seq)}::int[], ${ms.map((m) => m.title)}::text[], ${ms.map((m) => m.amountFen)}::int[],
                                   ${ms.map((m) => m.dueDate)}::date[], ${ms.map((m) => m.status)}::text[], ${ms.map((m) => isoOrNull(m.overdueSince))}::timestamp(3)[],
                                   ${ms.map((m) => isoOrNull(m.reportedAt))}::timestamp(3)[], ${ms.map((m) => isoOrNull(m.paidAt))}::timestamp(3)[])
                  AS m(seq, title, amount, due, status, overdue, reported, paid)
              ON CONFLICT ("projectId", seq) DO UPDATE SET
                title = EXCLUDED.title, "amountFen" = EXCLUDED."amountFen", "dueDate" = EXCLUDED."dueDate", status = EXCLUDED.status,
                "overdueSince" = EXCLUDED."overdueSince", "reportedAt" = EXCLUDED."reportedAt", "paidAt" = EXCLUDED."paidAt"
            ), dropped AS (
              DELETE FROM "ProjectMilestone" WHERE "projectId" = (SELECT id FROM saved) AND seq > ${ms.length}
            ), disbursements AS (
              INSERT INTO "ProjectDisbursement" ("projectId", id, kind, "payableKey", "milestoneSeq", attempt, "amountFen", status, "unitPath", "streetId",
                                                 "requestedAt", "decidedAt", "voucherNo", "returnReason")
              SELECT saved.id, d.id, d.kind, d.payable, d.milestone, d.attempt, d.amount, d.status, ${s.community.path}, ${s.street.id},
                     d.requested, d.decided, d.voucher, d.reason
                FROM saved, unnest(${ds.map((d) => d.id)}::text[], ${ds.map((d) => d.kind)}::text[], ${ds.map((d) => d.payableKey)}::text[],
                                   ${ds.map((d) => d.milestoneSeq)}::int[], ${ds.map((d) => d.attempt)}::int[], ${ds.map((d) => d.amountFen)}::int[],
                                   ${ds.map((d) => d.status)}::text[], ${ds.map((d) => isoOrNull(d.requestedAt))}::timestamp(3)[],
                                   ${ds.map((d) => isoOrNull(d.decidedAt))}::timestamp(3)[], ${ds.map((d) => d.voucherNo)}::text[], ${ds.map((d) => d.returnReason)}::text[])
                  AS d(id, kind, payable, milestone, attempt, amount, status, requested, decided, voucher, reason)
              ON CONFLICT ("projectId", id) DO UPDATE SET
                kind = EXCLUDED.kind, "payableKey" = EXCLUDED."payableKey", "milestoneSeq" = EXCLUDED."milestoneSeq", attempt = EXCLUDED.attempt,
                "amountFen" = EXCLUDED."amountFen", status = EXCLUDED.status, "unitPath" = EXCLUDED."unitPath", "streetId" = EXCLUDED."streetId",
                "requestedAt" = EXCLUDED."requestedAt", "decidedAt" = EXCLUDED."decidedAt", "voucherNo" = EXCLUDED."voucherNo",
                "returnReason" = EXCLUDED."returnReason"
            ), events AS (
              INSERT INTO "ProjectEvent" ("projectId", seq, at, "actorId", "actorName", action, label, stage, data)
              SELECT ${s.projectId}, e.seq, e.at, e.actor, e.name, e.action, e.label, e.stage, e.data::jsonb
                FROM unnest(${es.map((e) => e.seq)}::int[], ${es.map((e) => isoOrNull(e.at))}::timestamp(3)[], ${es.map((e) => e.actorId)}::text[],
                            ${es.map((e) => e.actorName)}::text[], ${es.map((e) => e.action)}::text[], ${es.map((e) => e.label)}::text[],
                            ${es.map((e) => e.stage)}::text[], ${es.map((e) => JSON.stringify(e.data ?? {}))}::text[])
                  AS e(seq, at, actor, name, action, label, stage, data)
              ON CONFLICT DO NOTHING
            )
            SELECT EXISTS (SELECT 1 FROM saved) AS applied`;
          return applied;
        },
        // Last, so that the community's fund row is locked only from here to the commit; and only with the write:
        // a save that a newer one got ahead of must not set an older amount.
        lastInTransaction: async (tx) => {
          if (!input.reservation) return;
          const reserved = await reserveFunds(tx, { ...input.reservation, projectId: s.projectId, communityId: s.community.id, year: s.year });
          if (!reserved.ok) throw ApplicationFailure.create({ type: 'FUND_CAP_EXCEEDED', message: reserved.message, nonRetryable: true });
        },
      });
    },
  };
}

export type ProjectActivities = ReturnType<typeof createProjectActivities>;
