// Activities of the mediation workflow. Every write is idempotent: the case
// row is updated only by a newer `version`, rounds and the agreement are
// upserts keyed by case (+ level), timeline events by case + event number,
// inbox tasks by workflow + key, notifications by workflow + event + person.
import { pendingTasks, type MediationState, type TimelineEvent } from '../domain/mediation/case-state';
import { createMediationDocumentQueue, type MediationDocumentQueue } from '../queue/jobs/mediation-agreement-job';
import { mediationWorkflowId } from '../domain/mediation/types';
import { createCalendarActivities } from './calendar';
import type { ActivityDeps } from './deps';
import type { Prisma } from '../prisma/generated/client';
import { createStepSaver, earliestDue, timelineRow } from './inbox';

export interface SaveMediationCaseInput {
  state: MediationState;
  events: TimelineEvent[];
}

export interface MediationActivityDeps extends ActivityDeps {
  /** Where the agreement document job goes; default: a queue on the Redis of `queue` (when it exposes redisUrl/prefix). */
  documents?: MediationDocumentQueue;
}

/** The rounds and the agreement of a case, upserted by case (+ level) inside the save's transaction. */
async function writeRoundsAndAgreement(tx: Prisma.TransactionClient, state: MediationState): Promise<void> {
  for (const [i, r] of state.rounds.entries()) {
    const data = {
      roundNo: i + 1,
      unitId: r.unit.id,
      startedAt: new Date(r.startedAt),
      dueAt: new Date(r.dueAt),
      remindedAt: r.remindedAt ? new Date(r.remindedAt) : null,
      mediatorId: r.mediatorId,
      acceptedAt: r.acceptedAt ? new Date(r.acceptedAt) : null,
      sessions: r.sessions.length,
      endedAt: r.endedAt ? new Date(r.endedAt) : null,
      outcome: r.outcome,
      reason: r.reason,
    };
    await tx.mediationRound.upsert({
      where: { caseId_level: { caseId: state.caseId, level: r.level } },
      create: { caseId: state.caseId, level: r.level, ...data },
      update: data,
    });
  }

  const a = state.agreement;
  if (a) {
    const data = {
      level: a.level,
      mediatorId: a.mediatorId,
      terms: a.terms,
      performance: a.performance,
      amountFen: a.amountFen,
      performBy: a.performBy,
      effectiveAt: new Date(a.effectiveAt),
      confirmationDeadline: new Date(a.confirmationDeadline),
    };
    await tx.mediationAgreement.upsert({ where: { caseId: state.caseId }, create: { caseId: state.caseId, ...data }, update: data });
  }
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
    const q = deps.queue as { redisUrl?: string; prefix?: string };
    if (!q.redisUrl || q.prefix === undefined) throw new Error('no Redis configured for the mediation document queue');
    const queue = createMediationDocumentQueue(q.redisUrl, q.prefix);
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
    async saveMediationCase({ state, events }: SaveMediationCaseInput): Promise<{ applied: boolean; openedTasks: string[] }> {
      const round = state.rounds.at(-1) ?? null;
      const tasks = pendingTasks(state);
      return saveStep({
        workflowId: mediationWorkflowId(state.caseId),
        process: 'mediation',
        subjectId: state.caseId,
        link: `/api/mediation-cases/${state.caseId}`,
        tasks,
        entries: events,
        // The workflow sends mediation's own notices itself (high risk, overdue, returned to court).
        notifications: [],
        announceTasks: true,
        audit: { subjectType: 'mediation_case', unitId: state.facts.place.id },
        write: async (tx) => {
          await tx.mediationEvent.createMany({ data: events.map((e) => ({ caseId: state.caseId, ...timelineRow(e), summary: e.summary })), skipDuplicates: true });
          const { count } = await tx.mediationCase.updateMany({
            where: { id: state.caseId, version: { lt: state.version } },
            data: {
              stage: state.stage,
              highRisk: state.triage?.kind === 'mediate' ? state.triage.highRisk : false,
              startLevel: state.triage?.kind === 'mediate' ? state.triage.startLevel : null,
              currentLevel: round?.level ?? null,
              mediatorId: round?.mediatorId ?? null,
              nextDueAt: earliestDue(tasks),
              outcome: state.outcome,
              concludedAt: state.concludedAt ? new Date(state.concludedAt) : null,
              closedAt: state.closedAt ? new Date(state.closedAt) : null,
              closeReason: state.closeReason,
              guidance: state.guidance,
              targetConcludeBy: new Date(state.targetConcludeBy),
              judicialStatus: state.judicial?.status ?? null,
              followUpResult: state.followUp?.result ?? null,
              snapshot: state as object,
              version: state.version,
            },
          });
          if (count === 0) return false;
          await writeRoundsAndAgreement(tx, state);
          return true;
        },
      });
    },

    /** Queues the 调解协议 document; the job id is the case's, so this is safe to repeat. */
    async enqueueMediationAgreementDocument(input: { caseId: string }): Promise<void> {
      await withDocumentQueue((q) => q.enqueueAgreement({ caseId: input.caseId }));
    },
  };
}

export type MediationActivities = ReturnType<typeof createMediationActivities>;
