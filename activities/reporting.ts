// Activities of 双向述职: idempotent writes to the reporting read model.
// Every write is keyed by the workflow id plus the step (report version,
// timeline seq, vote round + voter), so a retried activity changes nothing.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../prisma/generated/client';
import { DEFAULT_PROCESS_RULES } from '../config/rules';
import { type RatingGrade, type ReportingRules, type Tally, type VoteChoice, type BranchVerdict } from '../domain/reporting';
import { createCalendarActivities } from './calendar';
import type { ActivityDeps } from './deps';
import type { UnitRef } from '../domain/access';
import type { Ballot, ProjectResult, ReportState, TimelineEntry } from '../domain/reporting';
import type { NotificationIntent, PendingTask, TimelineEntry as StepEntry } from '../domain/kit/machine';
import { createStepSaver, timelineRow } from './inbox';
import { isoOrNull, UTC_NOW, type RawDb } from '../db/raw-sql';

export interface PrepareCycleInput {
  cycleId: string;
  unitId: string;
  year: number;
  trigger: 'schedule' | 'manual';
  startedById?: string | null;
}

export interface PreparedCycle {
  unit: UnitRef & { level: string };
  communities: Array<{ community: UnitRef; street: UnitRef | null }>;
  rules: ReportingRules;
}

export interface SaveResultInput {
  reportId: string;
  community: UnitRef;
  year: number;
  grade: RatingGrade;
  upwardCenti: number | null;
  downwardCenti: number | null;
  combinedCenti: number | null;
  reason: string;
  tally: Tally | null;
  verdict: BranchVerdict | null;
  rectificationRequired: boolean;
  rectificationStatus: string | null;
  decidedAt: string;
  publishedUntil: string | null;
  finalized: boolean;
}

const unitRef = (u: { id: string; name: string; path: string }): UnitRef => ({ id: u.id, name: u.name, path: u.path });

/**
 * That year's projects of a community, from the project read model when it
 * exists. The project process is built separately and may be absent or
 * shaped differently; the report must never fail because of it.
 */
async function readProjectResults(prisma: ActivityDeps['prisma'], communityId: string, year: number): Promise<ProjectResult[]> {
  const delegate = (prisma as unknown as Record<string, { findMany?: (args: unknown) => Promise<Array<Record<string, unknown>>> } | undefined>).project;
  if (!delegate?.findMany) return [];
  let rows: Array<Record<string, unknown>>;
  try {
    rows = await delegate.findMany({ where: { communityId, year }, orderBy: { createdAt: 'asc' } });
  } catch {
    return []; // a read model of another shape: no project results rather than no report
  }
  return rows.map((r) => ({
    projectId: String(r.id),
    title: String(r.title ?? r.id),
    status: String(r.stage ?? ''),
    rating: r.rating == null ? null : String(r.rating),
    budgetFen: typeof r.budgetFen === 'number' ? r.budgetFen : null,
  }));
}

/** One step of a report on the process kit, saved by `reportingSaveStep`. */
export interface SaveReportStepInput {
  /** The public state: the ballot box never leaves the workflow. */
  state: ReportState;
  entries: StepEntry[];
  tasks: PendingTask[];
  notifications: NotificationIntent[];
  /** The ballot a `castVote` step cast: who voted and what they chose go to separate tables. */
  ballot?: Ballot | null;
  /** The calendar snapshot the step's periods were computed on, for the save to check (activities/inbox.ts). */
  calendarVersion?: string | null;
}

export function createReportingActivities(deps: ActivityDeps) {
  const { prisma, clock, rules: configured = DEFAULT_PROCESS_RULES } = deps;
  const saveStep = createStepSaver(deps);
  const { workingDeadlines } = createCalendarActivities(deps);

  /**
   * The newest snapshot (an older version never overwrites a newer one: the
   * row is inserted on the first step, updated only by a newer version) and
   * the new timeline entries, in one statement. True when the row was written.
   */
  async function writeReport(tx: RawDb, state: ReportState, entries: TimelineEntry[]): Promise<boolean> {
    const { timeline: _timeline, ...snapshot } = state;
    const rows = entries.map((e) => ({ ...timelineRow(e), label: e.label }));
    const [{ applied }] = await tx.$queryRaw<{ applied: boolean }[]>`
      WITH saved AS (
        INSERT INTO "ReportingReport" (id, "cycleId", "communityId", "communityPath", "streetId", year, stage, "dueAt", grade, "combinedCenti",
                                       state, version, "completedAt", "createdAt", "updatedAt")
        VALUES (${state.reportId}, ${state.cycleId}, ${state.community.id}, ${state.community.path}, ${state.street?.id ?? null}, ${state.year}::int,
                ${state.stage}, ${isoOrNull(state.dueAt)}::timestamp(3), ${state.result?.grade ?? null}, ${state.result?.combinedCenti ?? null}::int,
                ${JSON.stringify(snapshot)}::jsonb, ${state.version}::int, ${isoOrNull(state.stage === 'completed' ? clock.now() : null)}::timestamp(3),
                ${clock.now().toISOString()}::timestamp(3), ${UTC_NOW})
        ON CONFLICT (id) DO UPDATE SET
          "cycleId" = EXCLUDED."cycleId", "communityId" = EXCLUDED."communityId", "communityPath" = EXCLUDED."communityPath",
          "streetId" = EXCLUDED."streetId", year = EXCLUDED.year, stage = EXCLUDED.stage, "dueAt" = EXCLUDED."dueAt", grade = EXCLUDED.grade,
          "combinedCenti" = EXCLUDED."combinedCenti", state = EXCLUDED.state, version = EXCLUDED.version,
          "completedAt" = EXCLUDED."completedAt", "updatedAt" = EXCLUDED."updatedAt"
        WHERE "ReportingReport".version < EXCLUDED.version
        RETURNING id
      ), entries AS (
        INSERT INTO "ReportingTimelineEntry" ("reportId", seq, at, "actorId", "actorName", action, label, data)
        SELECT ${state.reportId}, e.seq, e.at, e.actor, e.name, e.action, e.label, e.data::jsonb
          FROM unnest(${rows.map((r) => r.seq)}::int[], ${rows.map((r) => isoOrNull(r.at))}::timestamp(3)[], ${rows.map((r) => r.actorId)}::text[],
                      ${rows.map((r) => r.actorName)}::text[], ${rows.map((r) => r.action)}::text[], ${rows.map((r) => r.label)}::text[],
                      ${rows.map((r) => JSON.stringify(r.data))}::text[])
            AS e(seq, at, actor, name, action, label, data)
        ON CONFLICT DO NOTHING
      )
      SELECT EXISTS (SELECT 1 FROM saved) AS applied`;
    return applied;
  }

  /** That a voter voted, and apart from it the ballot: once per voter and round (a second ballot finds the participation and writes nothing). */
  async function writeBallot(tx: RawDb, reportId: string, b: { round: number; voterId: string; ballotId: string; choice: VoteChoice; comment: string | null; at: string }): Promise<void> {
    await tx.$executeRaw`
      WITH voted AS (
        INSERT INTO "ReportingVoteParticipation" ("reportId", round, "personId", "votedAt", "ballotId")
        VALUES (${reportId}, ${b.round}::int, ${b.voterId}, ${isoOrNull(b.at)}::timestamp(3), ${b.ballotId})
        ON CONFLICT DO NOTHING
        RETURNING "ballotId"
      )
      INSERT INTO "ReportingBallot" (id, "reportId", round, choice, comment)
      SELECT voted."ballotId", ${reportId}, ${b.round}::int, ${b.choice}, ${b.comment} FROM voted`;
  }

  return {
    /**
     * Saves one step of a report on the process kit, in one transaction: the
     * snapshot (version-guarded), the new timeline entries, the ballot, and
     * an inbox matching `tasks`. The step's notifications are queued after
     * the commit, keyed by report and event, so a retried save sends each once.
     */
    async reportingSaveStep(input: SaveReportStepInput): Promise<void> {
      const { state } = input;
      const reportId = state.reportId;
      const entries: TimelineEntry[] = input.entries.map((e) => ({ seq: e.seq, at: e.at, actorId: e.actorId, actorName: e.actorName, action: e.action, label: e.summary, data: e.data }));
      await saveStep({
        workflowId: reportId,
        process: 'reporting',
        subjectId: reportId,
        link: `/reporting/reports/${reportId}`,
        tasks: input.tasks,
        entries: input.entries,
        notifications: input.notifications,
        announceTasks: false,
        calendarVersion: input.calendarVersion ?? null,
        write: async (tx) => {
          const newest = await writeReport(tx, state, entries);
          if (input.ballot) await writeBallot(tx, reportId, { ...input.ballot, ballotId: randomUUID() });
          return newest;
        },
      });
    },

    /** Resolves the communities of a cycle and snapshots the rules; records the cycle. */
    async reportingPrepareCycle(input: PrepareCycleInput): Promise<PreparedCycle> {
      const unit = await prisma.unit.findUnique({ where: { id: input.unitId } });
      if (!unit) throw new Error(`unit ${input.unitId} not found`);
      const rules = configured.reporting;
      const communities = await prisma.unit.findMany({
        where: { level: 'community', path: { startsWith: unit.path } },
        include: { parent: true },
        orderBy: { path: 'asc' },
      });
      await prisma.reportingCycle.upsert({
        where: { id: input.cycleId },
        create: {
          id: input.cycleId,
          unitId: unit.id,
          unitPath: unit.path,
          year: input.year,
          trigger: input.trigger,
          startedById: input.startedById ?? null,
          communityCount: communities.length,
          createdAt: clock.now(),
        },
        update: { communityCount: communities.length },
      });
      return {
        unit: { ...unitRef(unit), level: unit.level },
        communities: communities.map((c) => ({
          community: unitRef(c),
          street: c.parent && c.parent.level === 'street' ? unitRef(c.parent) : null,
        })),
        rules,
      };
    },

    async reportingCycleStatus(input: { cycleId: string; status: 'running' | 'completed' }): Promise<void> {
      await prisma.reportingCycle.update({
        where: { id: input.cycleId },
        data: { status: input.status, completedAt: input.status === 'completed' ? clock.now() : null },
      });
    },

    async reportingScheduleStatus(input: { unitId: string; workflowId: string; nextYear: number; nextStartAt: string }): Promise<void> {
      await prisma.reportingSchedule.upsert({
        where: { unitId: input.unitId },
        create: { unitId: input.unitId, workflowId: input.workflowId, nextYear: input.nextYear, nextStartAt: new Date(input.nextStartAt), enabledAt: clock.now() },
        update: { nextYear: input.nextYear, nextStartAt: new Date(input.nextStartAt) },
      });
    },

    /** The configured yearly start, read when the schedule decides its next year. */
    async reportingYearlyStart(): Promise<ReportingRules['yearlyStart']> {
      return configured.reporting.yearlyStart;
    },

    /** The name recorded in reporting histories for `workingDeadlines` (./calendar), kept so they replay: a deadline and when to remind before it. */
    async reportingDeadline(input: { from: string; workingDays: number; reminderLeadDays: number }): Promise<{ dueAt: string; remindAt: string }> {
      const [d] = await workingDeadlines({ from: input.from, items: [{ key: 'due', workingDays: input.workingDays, remindLeadDays: input.reminderLeadDays }] });
      return { dueAt: d!.dueAt, remindAt: d!.remindAt! };
    },

    async reportingProjectResults(input: { communityId: string; year: number }): Promise<ProjectResult[]> {
      return readProjectResults(prisma, input.communityId, input.year);
    },

    /** Reports started before the process kit: saves the newest snapshot and appends timeline entries. */
    async reportingSaveState(input: { state: ReportState; entries: TimelineEntry[] }): Promise<void> {
      await prisma.$transaction((tx) => writeReport(tx, input.state, input.entries));
    },

    /**
     * Fixes the roll of a vote round: the resident representatives of the
     * community and of the units below it (its grids). Fixed once: a retry,
     * or a representative appointed later, does not change it.
     */
    async reportingFixRoll(input: { reportId: string; round: number; communityPath: string }): Promise<Array<{ personId: string; displayName: string }>> {
      const existing = await prisma.reportingVoterRoll.findMany({ where: { reportId: input.reportId, round: input.round }, orderBy: { personId: 'asc' } });
      if (existing.length > 0) return existing.map((r) => ({ personId: r.personId, displayName: r.displayName }));
      const holders = await prisma.roleAssignment.findMany({
        where: { role: 'resident_rep', unit: { path: { startsWith: input.communityPath } }, person: { active: true } },
        select: { person: { select: { id: true, displayName: true } } },
      });
      const voters = [...new Map(holders.map((h) => [h.person.id, h.person.displayName])).entries()]
        .map(([personId, displayName]) => ({ personId, displayName }))
        .sort((a, b) => a.personId.localeCompare(b.personId));
      const fixedAt = clock.now();
      await prisma.reportingVoterRoll.createMany({
        data: voters.map((v) => ({ reportId: input.reportId, round: input.round, personId: v.personId, displayName: v.displayName, fixedAt })),
        skipDuplicates: true,
      });
      // A concurrent first attempt may have written a different set; the stored one wins.
      const stored = await prisma.reportingVoterRoll.findMany({ where: { reportId: input.reportId, round: input.round }, orderBy: { personId: 'asc' } });
      return stored.map((r) => ({ personId: r.personId, displayName: r.displayName }));
    },

    /** Reports started before the process kit: records that a voter voted and, separately, the ballot. */
    async reportingRecordBallot(input: { reportId: string; round: number; voterId: string; ballotId: string; choice: VoteChoice; comment: string | null; at: string }): Promise<void> {
      await prisma.$transaction((tx) => writeBallot(tx, input.reportId, input));
    },

    /** The year's result for the annual assessment, with that year's project ratings. */
    async reportingSaveResult(input: SaveResultInput): Promise<void> {
      const projectRatings = await readProjectResults(prisma, input.community.id, input.year);
      const data = {
        communityId: input.community.id,
        communityPath: input.community.path,
        year: input.year,
        grade: input.grade,
        upwardCenti: input.upwardCenti,
        downwardCenti: input.downwardCenti,
        combinedCenti: input.combinedCenti,
        reason: input.reason,
        tally: input.tally === null ? Prisma.DbNull : (input.tally as unknown as Prisma.InputJsonValue),
        verdict: input.verdict === null ? Prisma.DbNull : (input.verdict as unknown as Prisma.InputJsonValue),
        projectRatings: projectRatings as unknown as Prisma.InputJsonValue,
        rectificationRequired: input.rectificationRequired,
        rectificationStatus: input.rectificationStatus,
        decidedAt: new Date(input.decidedAt),
        publishedUntil: input.publishedUntil ? new Date(input.publishedUntil) : null,
        finalizedAt: input.finalized ? clock.now() : null,
      };
      await prisma.reportingResult.upsert({ where: { reportId: input.reportId }, create: { reportId: input.reportId, ...data }, update: data });
    },
  };
}
