// 网格事件处置: one workflow per incident ("grid-incident-<id>"). The whole
// process is the machine in domain/grid/machine.ts; the kit's runner serves
// its actions, waits on its deadlines and ends it when it is finished. This
// file only names the save activity.
import type { Activities } from '../activities';
import type { GridActivities } from '../activities/grid';
import { createGridMachine } from '../domain/grid/machine';
import { gridStateQuery, gridUpdates, type GridOutcome, type GridWorkflowInput } from './grid-shared';
import { localFirstActivities } from './kit/local-first';
import { runMachine } from './kit/runner';

// Unlimited attempts for what a retry can cure: the save is idempotent
// (version-guarded, keyed by incident and event); it runs local first (./kit/local-first).
const acts = localFirstActivities<GridActivities & Pick<Activities, 'openIncident'>>(['saveGridIncident']);

export async function gridIncidentWorkflow(input: GridWorkflowInput): Promise<GridOutcome> {
  const machine = createGridMachine({ rules: input.rules, calendar: input.calendar });
  const { incident } = input;
  const state = await runMachine(machine, gridUpdates, {
    start: machine.report(incident, new Date()),
    save: async (step) => {
      await acts.saveGridIncident({ state: step.state, effects: step.effects });
    },
    incidents: { acts, process: 'grid', subjectId: incident.incidentId, unitId: incident.facts.place.id },
    stateQuery: gridStateQuery,
  });
  return { stage: state.stage, outcome: state.outcome };
}
