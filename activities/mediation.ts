// Activities of the mediation workflow. Every write is idempotent: the case
// row is updated only by a newer `version`, rounds and the agreement are
// upserts keyed by case (+ level), timeline events by case + event number,
// inbox tasks by workflow + key, notifications by workflow + event + person.
import { pendingTasks, type MediationState, type TimelineEvent } from '../domain/mediation/case-state';
import type { NotificationIntent, PendingTask } from '../domain/kit/machine';
import { createMediationDocumentQueue, type MediationDocumentQueue } from '../queue/jobs/mediation-agreement-job';
import { mediationWorkflowId } from '../domain/mediation/types';
import { createCalendarActivities } from './calendar';
import type { ActivityDeps } from './deps';
import { isoOrNull, UTC_NOW, type RawDb } from '../db/raw-sql';
import { createStepSaver, earliestDue, timelineEventsInsert } from './inbox';

export interface SaveMediationCaseInput {
  state: MediationState;
  events: TimelineEvent[];
  /**
   * The step's own notices (high risk, overdue, returned to court), sent after
   * the save as every process's save sends them. Absent in the saves of cases
   * that sent them one `notify` at a time (before the patch 'save-carries-notices').
   */
  notifications?: readonly NotificationIntent[];
  /** The calendar snapshot the step's periods were computed on, for the save to check (activities/inbox.ts). */
  calendarVersion?: string | null;
}

export interface MediationActivityDeps extends ActivityDeps {
  /** Where the agreement document job goes; default: a queue on `redis`. */
  documents?: MediationDocumentQueue;
}

/**
 * The case's part of a step's save, in one statement: the timeline events
 * (new ones only), the read model if this state is newer than the saved one
 * (the version check; the row lock orders concurrent saves), and then, only
 * if it was, every round (upserted by case + level) and the agreement. True
 * when the read model was written. Raw SQL because mediation steps are most
 * of a district's actions (see InboxDb in ./inbox for the measured cost of a
 * model query); what it writes is what the model queries it replaced wrote.
 */
async function writeCase(tx: RawDb, state: MediationState, events: readonly TimelineEvent[], tasks: readonly PendingTask[]): Promise<boolean> {
  const round = state.rounds.at(-1) ?? null;
  const mediate = state.triage?.kind === 'mediate' ? state.triage : null;
  const rounds = state.rounds;
  const a = state.agreement;
  const [{ applied }] = await tx.$queryRaw<{ applied: boolean }[]>`
    WITH events AS (
      ${timelineEventsInsert('MediationEvent', 'caseId', state.caseId, events)}
    ), saved AS (
      UPDATE "MediationCase" SET
        stage = ${state.stage}, "highRisk" = ${mediate ? mediate.highRisk : false}, "startLevel" = ${mediate ? mediate.startLevel : null},
        "currentLevel" = ${round?.level ?? null}, "mediatorId" = ${round?.mediatorId ?? null}, "nextDueAt" = ${isoOrNull(earliestDue(tasks))}::timestamp(3),
        outcome = ${state.outcome}, "concludedAt" = ${isoOrNull(state.concludedAt)}::timestamp(3), "closedAt" = ${isoOrNull(state.closedAt)}::timestamp(3),
        "closeReason" = ${state.closeReason}, guidance = ${state.guidance}, "targetConcludeBy" = ${isoOrNull(state.targetConcludeBy)}::timestamp(3),
        "judicialStatus" = ${state.judicial?.status ?? null}, "followUpResult" = ${state.followUp?.result ?? null},
        snapshot = ${JSON.stringify(state)}::jsonb, version = ${state.version}, "updatedAt" = ${UTC_NOW}
      WHERE id = ${state.caseId} AND version < ${state.version}
      RETURNING id
    ), rounds AS (
      INSERT INTO "MediationRound" ("caseId", level, "roundNo", "unitId", "startedAt", "dueAt", "remindedAt", "mediatorId", "acceptedAt", sessions, "endedAt", outcome, reason)
      SELECT saved.id, r.level, r.no, r.unit, r.started, r.due, r.reminded, r.mediator, r.accepted, r.sessions, r.ended, r.outcome, r.reason
        FROM saved, unnest(${rounds.map((r) => r.level)}::text[], ${rounds.map((_, i) => i + 1)}::int[], ${rounds.map((r) => r.unit.id)}::text[],
                           ${rounds.map((r) => isoOrNull(r.startedAt))}::timestamp(3)[], ${rounds.map((r) => isoOrNull(r.dueAt))}::timestamp(3)[],
                           ${rounds.map((r) => isoOrNull(r.remindedAt))}::timestamp(3)[], ${rounds.map((r) => r.mediatorId)}::text[],
                           ${rounds.map((r) => isoOrNull(r.acceptedAt))}::timestamp(3)[], ${rounds.map((r) => r.sessions.length)}::int[],
                           ${rounds.map((r) => isoOrNull(r.endedAt))}::timestamp(3)[], ${rounds.map((r) => r.outcome)}::text[], ${rounds.map((r) => r.reason)}::text[])
          AS r(level, no, unit, started, due, reminded, mediator, accepted, sessions, ended, outcome, reason)
      ON CONFLICT ("caseId", level) DO UPDATE SET
        "roundNo" = EXCLUDED."roundNo", "unitId" = EXCLUDED."unitId", "startedAt" = EXCLUDED."startedAt", "dueAt" = EXCLUDED."dueAt",
        "remindedAt" = EXCLUDED."remindedAt", "mediatorId" = EXCLUDED."mediatorId", "acceptedAt" = EXCLUDED."acceptedAt",
        sessions = EXCLUDED.sessions, "endedAt" = EXCLUDED."endedAt", outcome = EXCLUDED.outcome, reason = EXCLUDED.reason
    ), agreement AS (
      INSERT INTO "MediationAgreement" ("caseId", level, "mediatorId", terms, performance, "amountFen", "performBy", "effectiveAt", "confirmationDeadline")
      SELECT saved.id, ${a?.level ?? null}, ${a?.mediatorId ?? null}, ${a?.terms ?? null}, ${a?.performance ?? null}, ${a?.amountFen ?? null}::int,
             ${a?.performBy ?? null}, ${isoOrNull(a?.effectiveAt)}::timestamp(3), ${isoOrNull(a?.confirmationDeadline)}::timestamp(3)
        FROM saved WHERE ${a != null}
      ON CONFLICT ("caseId") DO UPDATE SET
        level = EXCLUDED.level, "mediatorId" = EXCLUDED."mediatorId", terms = EXCLUDED.terms, performance = EXCLUDED.performance,
        "amountFen" = EXCLUDED."amountFen", "performBy" = EXCLUDED."performBy", "effectiveAt" = EXCLUDED."effectiveAt",
        "confirmationDeadline" = EXCLUDED."confirmationDeadline"
    )
    SELECT EXISTS (SELECT 1 FROM saved) AS applied`;
  return applied;
}

export function createMediationActivities(deps: MediationActivityDeps) {
  const saveStep = createStepSaver(deps);
  const { workingDeadlines } = createCalendarActivities(deps);
  /**
   * Agreements are rare (a few a day per district), so without an injected
   * queue each enqueue opens its own connection and closes it: no Redis
   * connection outlives the activity, whatever shuts the worker down.
   */
  async function withDocumentQueue(fn: (q: MediationDocumentQueue) => Promise<void>): Promise<void> {
    if (deps.documents) return fn(deps.documents);
    if (!deps.redis) throw new Error('no Redis configured for the mediation document queue');
    const queue = createMediationDocumentQueue(deps.redis.url, deps.redis.prefix);
    try {
      await fn(queue);
    } finally {
      await queue.close();
    }
  }

  return {
    /** The name recorded in mediation histories for `workingDeadlines` (./calendar), kept so they replay. */
    async mediationWorkingDeadline(input: { from: string; workingDays: number }): Promise<string> {
      const [d] = await workingDeadlines({ from: input.from, items: [{ key: 'due', workingDays: input.workingDays }] });
      return d!.dueAt;
    },

    /** Saves a step: the case's read model, rounds, agreement and timeline, the inbox its state calls for, and its audit lines. */
    async saveMediationCase({ state, events, notifications = [], calendarVersion = null }: SaveMediationCaseInput): Promise<{ applied: boolean; openedTasks: string[] }> {
      const tasks = pendingTasks(state);
      return saveStep({
        workflowId: mediationWorkflowId(state.caseId),
        process: 'mediation',
        subjectId: state.caseId,
        link: `/api/mediation-cases/${state.caseId}`,
        tasks,
        entries: events,
        notifications,
        announceTasks: true,
        audit: { subjectType: 'mediation_case', unitId: state.facts.place.id },
        calendarVersion,
        write: (tx) => writeCase(tx, state, events, tasks),
      });
    },

    /** Queues the 调解协议 document; the job id is the case's, so this is safe to repeat. */
    async enqueueMediationAgreementDocument(input: { caseId: string }): Promise<void> {
      await withDocumentQueue((q) => q.enqueueAgreement({ caseId: input.caseId }));
    },
  };
}

export type MediationActivities = ReturnType<typeof createMediationActivities>;
