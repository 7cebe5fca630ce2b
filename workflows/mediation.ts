// 三级三轮调解: one workflow per case ("mediation-<caseId>"). The whole
// process is the machine in domain/mediation/timed.ts (rules, rounds, the
// 诉前调解 term, 司法确认 and 回访, and when each of its own steps is due);
// the kit's runner serves its actions, waits on its deadlines and ends it
// when it is closed. This file names the save activity and computes the
// periods in working days a step asks for, on the case's calendar snapshot
// (./kit/calendar). Cases started before the runner replay ./mediation-legacy.ts.
import { patched } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { MediationActivities } from '../activities/mediation';
import { workingDeadlines } from '../domain/calendar';
import { mediationTimedMachine } from '../domain/mediation/timed';
import { workflowCalendar } from './kit/calendar';
import { localFirstActivities } from './kit/local-first';
import { runMachine } from './kit/runner';
import { legacyMediationWorkflow } from './mediation-legacy';
import { mediationStateQuery, mediationUpdates, type MediationOutcome, type MediationWorkflowInput } from './mediation-shared';

// Unlimited attempts for what a retry can cure: every activity is idempotent
// (keyed by case and event number), and a lost save would leave the read model
// behind the process. Data the database refuses fails at once (./failures).
// The save (with the step's notices) runs local first (./kit/local-first);
// so do the periods and `notify` that cases from before replay (a period was
// an activity of its own, and the save did not carry the notices).
const acts = localFirstActivities<MediationActivities & Pick<Activities, 'notify' | 'openIncident'>>(['saveMediationCase', 'mediationWorkingDeadline', 'notify']);

export async function mediationWorkflow(input: MediationWorkflowInput): Promise<MediationOutcome> {
  // Histories written before the runner have no marker here: they go on with the code that wrote them.
  if (!patched('kit-runner')) return legacyMediationWorkflow(input);
  const machine = mediationTimedMachine(input.rules);
  const link = `/api/mediation-cases/${input.caseId}`;
  const calendar = workflowCalendar();
  const dueAt = ({ from, workingDays }: { from: string; workingDays: number }): Promise<string> =>
    patched('working-days-in-workflow')
      ? calendar.use((cal) => workingDeadlines(cal, new Date(from), [{ key: 'due', workingDays }])[0]!.dueAt)
      : acts.mediationWorkingDeadline({ from, workingDays });
  const state = await runMachine(machine, mediationUpdates, {
    start: machine.register(input, new Date()),
    prepare: async (step) => {
      const period = step.effects.period;
      if (!period) return step;
      return machine.settle(step, await dueAt(period), new Date());
    },
    calendar,
    save: async ({ state, effects }) => {
      // The step's notices go with its save, as every process's do: one local activity a step, not one more per notice.
      // Cases that sent them one notify at a time replay that way.
      if (patched('save-carries-notices')) {
        await acts.saveMediationCase({ state, events: effects.timeline, notifications: effects.notifications, calendarVersion: calendar.usedVersion() });
      } else {
        await acts.saveMediationCase({ state, events: effects.timeline });
        for (const n of effects.notifications) await acts.notify({ ...n, link });
      }
      // Made once the agreement is saved: the document job reads it.
      if (effects.makeDocument) await acts.enqueueMediationAgreementDocument({ caseId: state.caseId });
    },
    incidents: { acts, process: 'mediation', subjectId: input.caseId, unitId: input.facts.place.id },
    stepNames: { start: '保存案件进展', deadline: '保存案件进展' },
    stateQuery: mediationStateQuery,
  });
  return { stage: state.stage, outcome: state.outcome };
}
