// Activities of the mediation workflow. Every write is idempotent: the case
// row is updated only by a newer `version`, rounds and the agreement are
// upserts keyed by case (+ level), timeline events by case + event number,
// inbox tasks by workflow + key, notifications by workflow + event + person.
import { addWorkingDays } from '../domain/calendar';
import { pendingTasks, type MediationState, type TimelineEvent } from '../domain/mediation/case-state';
import { loadCalendar } from '../db/calendar-store';
import { createMediationDocumentQueue, type MediationDocumentQueue } from '../queue/jobs/mediation-agreement-job';
import { mediationWorkflowId } from '../domain/mediation/types';
import type { ActivityDeps } from './deps';
import { createAuditActivities } from './audit';
import { syncHumanTasks } from './inbox';
import { createNotifyActivities, type NotifyInput } from './notify';

export interface SaveMediationCaseInput {
  state: MediationState;
  events: TimelineEvent[];
}

export interface MediationActivityDeps extends ActivityDeps {
  /** Where the agreement document job goes; default: a queue on the Redis of `queue` (when it exposes redisUrl/prefix). */
  documents?: MediationDocumentQueue;
}

export function createMediationActivities(deps: MediationActivityDeps) {
  const { prisma, clock } = deps;
  const { notify } = createNotifyActivities(deps);
  const { recordAudit } = createAuditActivities(deps);
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
    /** Working-day deadline (Asia/Shanghai, end of day) with the administrator-loaded holidays. */
    async mediationWorkingDeadline(input: { from: string; workingDays: number }): Promise<string> {
      const calendar = await loadCalendar(prisma);
      return addWorkingDays(new Date(input.from), input.workingDays, calendar).toISOString();
    },

    /**
     * Saves the workflow's state into the read model and makes the inbox match
     * it, in one transaction: the row lock taken by the version-guarded update
     * orders concurrent saves, so a late, older save changes nothing.
     */
    async saveMediationCase({ state, events }: SaveMediationCaseInput): Promise<{ applied: boolean; openedTasks: string[] }> {
      const workflowId = mediationWorkflowId(state.caseId);
      const round = state.rounds.at(-1) ?? null;
      const tasks = pendingTasks(state);
      const lastActor = [...events].reverse().find((e) => e.actorId)?.actorId ?? null;

      const result = await prisma.$transaction(async (tx) => {
        await tx.mediationEvent.createMany({
          data: events.map((e) => ({
            caseId: state.caseId,
            seq: e.seq,
            at: new Date(e.at),
            action: e.action,
            actorId: e.actorId,
            actorName: e.actorName,
            summary: e.summary,
            data: e.data as object,
          })),
          skipDuplicates: true,
        });

        const { count } = await tx.mediationCase.updateMany({
          where: { id: state.caseId, version: { lt: state.version } },
          data: {
            stage: state.stage,
            highRisk: state.triage?.kind === 'mediate' ? state.triage.highRisk : false,
            startLevel: state.triage?.kind === 'mediate' ? state.triage.startLevel : null,
            currentLevel: round?.level ?? null,
            mediatorId: round?.mediatorId ?? null,
            nextDueAt: tasks.map((t) => t.dueAt).filter((d): d is string => d !== null).sort()[0] ?? null,
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
        if (count === 0) return { applied: false, openedTasks: [] as string[] };

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

        // The inbox follows the state: open what it waits for, close the rest.
        const openedTasks = await syncHumanTasks(tx, { workflowId, process: 'mediation', subjectId: state.caseId, tasks, completedById: lastActor }, clock.now());
        return { applied: true, openedTasks };
      });

      // Outside the transaction: both are idempotent by key and may be retried.
      for (const key of result.openedTasks) {
        const t = tasks.find((x) => x.key === key)!;
        const to: NotifyInput['to'] = t.assigneeId ? { personIds: [t.assigneeId] } : { role: t.role, unitId: t.unitId, reach: 'unit' };
        await notify({ workflowId, event: `task:${key}`, to, kind: 'task.opened', title: `待办:${t.title}`, body: t.dueAt ? `请于${t.dueAt.slice(0, 10)}前办理。` : '请及时办理。', link: `/api/mediation-cases/${state.caseId}` });
      }
      for (const e of events) {
        if (!e.actorId) continue;
        await recordAudit({
          actorId: e.actorId,
          action: e.action,
          subjectType: 'mediation_case',
          subjectId: state.caseId,
          unitId: state.facts.place.id,
          data: { summary: e.summary },
          eventId: `${workflowId}:${e.seq}`,
        });
      }
      return result;
    },

    /** Queues the 调解协议 document; the job id is the case's, so this is safe to repeat. */
    async enqueueMediationAgreementDocument(input: { caseId: string }): Promise<void> {
      await withDocumentQueue((q) => q.enqueueAgreement({ caseId: input.caseId }));
    },
  };
}

export type MediationActivities = ReturnType<typeof createMediationActivities>;
