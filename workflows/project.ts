// 党建项目化管理: one workflow per project, 立项 → 公示 → 实施 → 验收 → 激励
// (../shared/DOMAIN.md §1). The whole process is the machine in
// domain/project/machine.ts: its rules, steps, timeline, notices, inbox
// steps and its clock (the 公示 end, reminders, escalation). The kit's
// runner serves its actions, waits on its deadlines and ends it when it is
// closed; this file names the save activity and carries out what a step
// needs from outside (the reservation, the 公示 end in working days, a
// payment, the due dates of the steps it opens). Money moves only through
// idempotent activities keyed by business keys (the payable, the project's
// reservation). Periods in working days are computed here, on the project's
// calendar snapshot (./kit/calendar). Projects started before the runner
// replay ./project-legacy.ts.
import { ApplicationFailure, patched, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ProjectActivities } from '../activities/project';
import type { ComputeDeadlinesInput, StepReservation } from '../activities/project';
import { workingDeadlines } from '../domain/calendar';
import { projectMachine, type ProjectAnswers, type ProjectStep, type TaskDeadline } from '../domain/project/machine';
import { initialProjectState } from '../domain/project/state';
import { workflowCalendar } from './kit/calendar';
import { localFirstActivities } from './kit/local-first';
import { runMachine } from './kit/runner';
import { legacyProjectWorkflow } from './project-legacy';
import { projectStateQuery, projectUpdates, type ProjectOutcome, type ProjectWorkflowInput } from './project-shared';

// Unlimited attempts for what a retry can cure: a payment or a reservation
// must eventually land; the activities are idempotent, so a retry after a lost
// completion is harmless. Data the database refuses fails at once (./failures).
// The save runs local first (./kit/local-first), and so do the due dates of
// the projects from before they were computed here. The reservation
// (bookkeeping against the community's cap, set to an absolute amount: a
// repeat changes nothing) goes with the step's save, in its transaction
// (patch 'reservation-in-save'): a rise past the cap refuses the step with
// nothing written, and a refused save takes its reservation back with it.
// Histories from before reserved first, as a regular activity and then, under
// 'reservation-local-first', as a local one; they replay through the same
// code. A payment stays a regular activity, visible to operators from its
// first attempt.
const acts = localFirstActivities<ProjectActivities & Pick<Activities, 'openIncident'>>(['syncProjectStep', 'computeProjectDeadlines']);
const reservations = localFirstActivities<Pick<ProjectActivities, 'setProjectReservation'>>(['setProjectReservation'], undefined, 'reservation-local-first');

export async function projectWorkflow(input: ProjectWorkflowInput): Promise<ProjectOutcome> {
  // Histories written before the runner have no marker here: they go on with the code that wrote them.
  if (!patched('kit-runner')) return legacyProjectWorkflow(input);
  const { rules } = input;
  const machine = projectMachine(rules);
  const workflowId = workflowInfo().workflowId;
  const fund = { projectId: input.projectId, communityId: input.community.id, year: input.year };
  const iso = () => new Date(Date.now()).toISOString();
  const setReservation = (targetFen: number, enforceCap: boolean) => reservations.setProjectReservation({ ...fund, targetFen, capFen: rules.yearlyFundCapFen, enforceCap });
  /** Whether the running step has set the reservation (to put it back if its save is refused). */
  let reservationTouched = false;
  /** A reservation a refused save did not write, for the next save (see `save`). */
  let owedReservation: StepReservation | null = null;
  const calendar = workflowCalendar();
  /** Due dates (and escalation moments): on the calendar snapshot; as an activity in histories from before. */
  const dueDates = async (due: ComputeDeadlinesInput): Promise<TaskDeadline[]> => {
    if (!patched('working-days-in-workflow')) return acts.computeProjectDeadlines(due);
    const items = due.items.map((item) => ({ ...item, escalateWorkingDays: due.escalateWorkingDays }));
    return calendar.use((cal) => workingDeadlines(cal, new Date(due.from), items).map(({ key, dueAt, escalateAt }) => ({ key, dueAt, escalateAt })));
  };

  /** Carries out the step's needs in the order the machine states them (reservation, 公示 end, payment), then dates the inbox steps it opens. */
  async function prepare(step: ProjectStep): Promise<ProjectStep> {
    const { reservation, noticeWorkingDays, payment } = step.effects;
    reservationTouched = false;
    // Histories from before reserve first, as a local activity of its own; since, the reservation goes with the save.
    const reservedFirst = reservation !== null && !patched('reservation-in-save');
    if (reservation && reservedFirst) {
      const result = await setReservation(reservation.targetFen, reservation.enforceCap);
      reservationTouched = true;
      if (!result.ok) throw ApplicationFailure.nonRetryable(result.message ?? '超出社区年度项目资金上限', 'FUND_CAP_EXCEEDED');
    }
    const answers: ProjectAnswers = {};
    if (noticeWorkingDays !== null) {
      const [end] = await dueDates({ from: iso(), escalateWorkingDays: 0, items: [{ key: 'notice', workingDays: noticeWorkingDays }] });
      answers.noticeEndsAt = end!.dueAt;
    }
    if (payment) answers.payment = await acts.recordProjectPayment({ ...payment, ...fund, streetId: input.street.id });
    const settled = machine.settle(step, answers, new Date());
    const items = machine.deadlinesNeeded(settled.state);
    const deadlines = items.length > 0 ? await dueDates({ from: iso(), escalateWorkingDays: machine.escalateAfterWorkingDays, items }) : [];
    const ready = machine.openTasks(settled, deadlines);
    // Carried out: nothing left for the save to reserve.
    return reservedFirst ? { ...ready, effects: { ...ready.effects, reservation: null } } : ready;
  }

  const { projectId, year, community, street, district, application } = input;
  const initial = initialProjectState({ projectId, workflowId, year, community, street, district, applicantId: input.applicant.id, application });
  const state = await runMachine(machine, projectUpdates, {
    start: machine.submitted(initial, input.applicant, new Date()),
    prepare,
    calendar,
    compensate: async (before) => {
      // A refused save rolled its reservation back with it: the state is back as it was, nothing is owed.
      owedReservation = null;
      if (reservationTouched) await setReservation(before.reservedFen, false);
    },
    busy: (label) => ({ code: 'PROCESS_BUSY', message: `项目正在处理「${label}」,请稍后重试` }),
    /** The one save of a step: snapshot, timeline, inbox and notices. */
    save: async ({ state, effects }) => {
      const reservation = effects.reservation ? { ...effects.reservation, capFen: rules.yearlyFundCapFen } : owedReservation;
      // Owed until a save carries it: a step of the process's own whose save the database refused keeps its state
      // (the runner's incident path), and with it the amount its save would have reserved.
      owedReservation = reservation && { ...reservation, enforceCap: false };
      await acts.syncProjectStep({
        workflowId,
        state,
        events: effects.timeline.map((e) => ({ seq: e.seq, at: e.at, actorId: e.actorId, actorName: e.actorName ?? '系统', action: e.action, label: e.summary, stage: e.stage, data: e.data })),
        notifications: effects.notifications,
        cancelTaskKeys: effects.inbox.cancelled,
        closedById: effects.completes?.personId ?? null,
        calendarVersion: calendar.usedVersion(),
        reservation,
      });
      owedReservation = null;
    },
    incidents: { acts, process: 'project', subjectId: input.projectId, unitId: input.community.id },
    stepNames: { start: '保存立项申请', deadline: '处理到期提醒' },
    stateQuery: projectStateQuery,
  });
  return { stage: state.stage, paidFen: state.paidFen, rewardPaidFen: state.rewardPaidFen, rating: state.acceptance?.rating ?? null };
}
