// The one save of the grid incident workflow. Idempotent like every activity:
// the incident row is updated only by a newer `version`, timeline events are
// keyed by incident + event number, inbox tasks by workflow + key,
// notifications by workflow + event + person.
import { expandSigners } from '../domain/kit/countersign';
import type { Effects } from '../domain/kit/machine';
import { handlingFigures } from '../domain/grid/statistics';
import { pendingTasksOf, type GridIncidentState } from '../domain/grid/machine';
import { gridIncidentWorkflowId } from '../domain/grid/types';
import type { ActivityDeps } from './deps';
import { createAuditActivities } from './audit';
import { syncHumanTasks } from './inbox';
import { createNotifyActivities, type NotifyInput } from './notify';

export interface SaveGridIncidentInput {
  state: GridIncidentState;
  effects: Effects;
}

export function createGridActivities(deps: ActivityDeps) {
  const { prisma, clock } = deps;
  const { notify } = createNotifyActivities(deps);
  const { recordAudit } = createAuditActivities(deps);

  return {
    /**
     * Saves a step: the incident's read model (version-guarded: the row lock
     * orders concurrent saves and a late, older save changes nothing), its
     * timeline and the inbox the state calls for, in one transaction; then
     * queues the step's notifications and audit lines, idempotent by key.
     */
    async saveGridIncident({ state, effects }: SaveGridIncidentInput): Promise<{ applied: boolean; openedTasks: string[] }> {
      const workflowId = gridIncidentWorkflowId(state.incidentId);
      const link = `/api/grid-incidents/${state.incidentId}`;
      const tasks = pendingTasksOf(state);
      const events = effects.timeline;
      const lastActor = [...events].reverse().find((e) => e.actorId)?.actorId ?? null;
      const handling = state.handlings.at(-1) ?? null;
      const figures = handlingFigures(state);

      const result = await prisma.$transaction(async (tx) => {
        await tx.gridIncidentEvent.createMany({
          data: events.map((e) => ({
            incidentId: state.incidentId,
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
        const { count } = await tx.gridIncident.updateMany({
          where: { id: state.incidentId, version: { lt: state.version } },
          data: {
            stage: state.stage,
            assigneeUnitId: handling?.unit.id ?? null,
            department: handling?.department ?? null,
            nextDueAt: tasks.map((t) => t.dueAt).filter((d): d is string => d !== null).sort()[0] ?? null,
            handledAt: figures.handledAt ? new Date(figures.handledAt) : null,
            handledOnTime: figures.onTime,
            handlingDays: figures.handlingDays,
            reopenCount: state.reopenCount,
            outcome: state.outcome,
            closedAt: state.closedAt ? new Date(state.closedAt) : null,
            satisfaction: state.satisfaction?.level ?? null,
            mediationCaseId: state.mediationCaseId,
            snapshot: state as object,
            version: state.version,
          },
        });
        if (count === 0) return { applied: false, openedTasks: [] as string[] };
        const openedTasks = await syncHumanTasks(tx, { workflowId, process: 'grid', subjectId: state.incidentId, tasks, completedById: lastActor }, clock.now());
        return { applied: true, openedTasks };
      });

      // Outside the transaction (Redis): idempotent by key, so a retried save sends nothing twice.
      for (const key of result.openedTasks) {
        const t = expandSigners(tasks).find((x) => x.key === key)!;
        const to: NotifyInput['to'] = t.assigneeId ? { personIds: [t.assigneeId] } : { role: t.role, unitId: t.unitId, reach: 'unit' };
        await notify({ workflowId, event: `task:${key}`, to, kind: 'task.opened', title: `待办:${t.title}`, body: t.dueAt ? `请于${t.dueAt.slice(0, 10)}前办理。` : '请及时办理。', link });
      }
      for (const n of effects.notifications) {
        const to: NotifyInput['to'] = 'personIds' in n.to ? n.to : { role: n.to.role, unitId: n.to.unitId, ...(n.to.reach === 'unit' ? { reach: 'unit' as const } : {}) };
        await notify({ workflowId, event: n.event, to, kind: n.kind, title: n.title, body: n.body, link });
      }
      for (const e of events) {
        if (!e.actorId) continue;
        await recordAudit({
          actorId: e.actorId,
          action: e.action,
          subjectType: 'grid_incident',
          subjectId: state.incidentId,
          unitId: state.facts.place.id,
          data: { summary: e.summary },
          eventId: `${workflowId}:${e.seq}`,
        });
      }
      return result;
    },
  };
}

export type GridActivities = ReturnType<typeof createGridActivities>;
