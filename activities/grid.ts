// The one save of the grid incident workflow, through the kit's step saver
// (./inbox): the incident row is updated only by a newer `version`, timeline
// events are keyed by incident + event number, inbox tasks by workflow + key,
// notifications by workflow + event + person.
import type { Effects } from '../domain/kit/machine';
import { handlingFigures } from '../domain/grid/statistics';
import { pendingTasksOf, type GridIncidentState } from '../domain/grid/machine';
import { gridIncidentWorkflowId } from '../domain/grid/types';
import type { ActivityDeps } from './deps';
import { createStepSaver, earliestDue, timelineRow } from './inbox';

export interface SaveGridIncidentInput {
  state: GridIncidentState;
  effects: Effects;
}

export function createGridActivities(deps: ActivityDeps) {
  const saveStep = createStepSaver(deps);

  return {
    /** Saves a step: the incident's read model and timeline, the inbox the state calls for, its notifications and audit lines. */
    async saveGridIncident({ state, effects }: SaveGridIncidentInput): Promise<{ applied: boolean; openedTasks: string[] }> {
      const tasks = pendingTasksOf(state);
      const handling = state.handlings.at(-1) ?? null;
      const figures = handlingFigures(state);
      return saveStep({
        workflowId: gridIncidentWorkflowId(state.incidentId),
        process: 'grid',
        subjectId: state.incidentId,
        link: `/api/grid-incidents/${state.incidentId}`,
        tasks,
        entries: effects.timeline,
        notifications: effects.notifications,
        announceTasks: true,
        audit: { subjectType: 'grid_incident', unitId: state.facts.place.id },
        write: async (tx) => {
          await tx.gridIncidentEvent.createMany({ data: effects.timeline.map((e) => ({ incidentId: state.incidentId, ...timelineRow(e), summary: e.summary })), skipDuplicates: true });
          const { count } = await tx.gridIncident.updateMany({
            where: { id: state.incidentId, version: { lt: state.version } },
            data: {
              stage: state.stage,
              assigneeUnitId: handling?.unit.id ?? null,
              department: handling?.department ?? null,
              nextDueAt: earliestDue(tasks),
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
          return count > 0;
        },
      });
    },
  };
}

export type GridActivities = ReturnType<typeof createGridActivities>;
