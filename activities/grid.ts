// The one save of the grid incident workflow, through the kit's step saver
// (./inbox): the incident row is updated only by a newer `version`, timeline
// events are keyed by incident + event number, inbox tasks by workflow + key,
// notifications by workflow + event + person.
import type { Effects } from '../domain/kit/machine';
import { handlingFigures } from '../domain/grid/statistics';
import { pendingTasksOf, type GridIncidentState } from '../domain/grid/machine';
import { gridIncidentWorkflowId } from '../domain/grid/types';
import type { ActivityDeps } from './deps';
import { isoOrNull, UTC_NOW } from '../db/raw-sql';
import { createStepSaver, earliestDue, timelineEventsInsert } from './inbox';

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
        // One statement (see InboxDb in ./inbox): the new timeline events, then the read model if this state is newer.
        write: async (tx) => {
          const [{ applied }] = await tx.$queryRaw<{ applied: boolean }[]>`
            WITH events AS (${timelineEventsInsert('GridIncidentEvent', 'incidentId', state.incidentId, effects.timeline)}),
            saved AS (
              UPDATE "GridIncident" SET
                stage = ${state.stage}, "assigneeUnitId" = ${handling?.unit.id ?? null}, department = ${handling?.department ?? null},
                "nextDueAt" = ${isoOrNull(earliestDue(tasks))}::timestamp(3), "handledAt" = ${isoOrNull(figures.handledAt)}::timestamp(3),
                "handledOnTime" = ${figures.onTime}::boolean, "handlingDays" = ${figures.handlingDays}::float8, "reopenCount" = ${state.reopenCount},
                outcome = ${state.outcome}, "closedAt" = ${isoOrNull(state.closedAt)}::timestamp(3), satisfaction = ${state.satisfaction?.level ?? null},
                "mediationCaseId" = ${state.mediationCaseId}, snapshot = ${JSON.stringify(state)}::jsonb, version = ${state.version},
                "updatedAt" = ${UTC_NOW}
              WHERE id = ${state.incidentId} AND version < ${state.version}
              RETURNING 1
            )
            SELECT EXISTS (SELECT 1 FROM saved) AS applied`;
          return applied;
        },
      });
    },
  };
}

export type GridActivities = ReturnType<typeof createGridActivities>;
