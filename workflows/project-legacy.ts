// 党建项目 as it ran before the kit's `runMachine`, kept unchanged for the
// projects started then: the worker replays a running workflow's history
// with the code it has, and this is the code those histories were written
// by (tests/project/replay.test.ts replays recorded ones). Projects started
// since take the `kit-runner` patch in ./project.ts and never come here;
// once no project without that marker is open, this file can go.
//
// It waits by itself (the 公示 end, reminders, escalation through the
// machine's `nextWake`/`tick`), carries out what a step needs from outside
// and saves each step once; the people's actions are the kit's `serveActions`
// on a chain serialiser (the tick order the histories recorded).
import { allHandlersFinished, ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ProjectActivities } from '../activities/project';
import type { NotificationIntent } from '../domain/kit/machine';
import { projectMachine, type ProjectAnswers, type ProjectStep, type ProjectTimelineEntry } from '../domain/project/machine';
import { initialProjectState, isClosedStage, type ProjectState } from '../domain/project/state';
import { ACTIVITY_OPTIONS, incidentOnDataRejection, restoreInto } from './failures';
import { createChainSerialiser, serveActions } from './kit/runner';
import { projectStateQuery, projectUpdates, type ProjectOutcome, type ProjectWorkflowInput } from './project-shared';

// Unlimited attempts for what a retry can cure: a payment or a reservation
// must eventually land; the activities are idempotent, so a retry after a lost
// completion is harmless. Data the database refuses fails at once (./failures).
const acts = proxyActivities<ProjectActivities & Pick<Activities, 'openIncident'>>(ACTIVITY_OPTIONS);

/** The project workflow of histories without the `kit-runner` marker. */
export async function legacyProjectWorkflow(input: ProjectWorkflowInput): Promise<ProjectOutcome> {
  const { rules } = input;
  const machine = projectMachine(rules);
  const workflowId = workflowInfo().workflowId;
  const iso = () => new Date(Date.now()).toISOString();

  const state: ProjectState = initialProjectState({
    projectId: input.projectId,
    workflowId,
    year: input.year,
    community: input.community,
    street: input.street,
    district: input.district,
    applicantId: input.applicant.id,
    application: input.application,
  });
  /** One step at a time, the people's actions and the clock's alike (chained, as recorded histories expect). */
  const serial = createChainSerialiser();
  /** Set by every saved action: the clock recomputes its next wake. */
  let dirty = false;
  /** Timeline and notices of the process's own steps whose save the database refused: they go with the next save. */
  let carried: { timeline: ProjectTimelineEntry[]; notifications: NotificationIntent[] } = { timeline: [], notifications: [] };
  /** Whether the running action has set the reservation (to put it back if its save is refused). */
  let reservationTouched = false;

  // ---- what a step needs from outside, and its one save ----------------------

  /** Carries out the step's needs in the order the machine states them (reservation, 公示 end, payment), then opens its inbox steps. */
  async function prepare(step: ProjectStep): Promise<ProjectStep> {
    const { reservation, noticeWorkingDays, payment } = step.effects;
    reservationTouched = false;
    if (reservation) {
      const result = await setReservation(reservation.targetFen, reservation.enforceCap);
      reservationTouched = true;
      if (!result.ok) throw ApplicationFailure.nonRetryable(result.message ?? '超出社区年度项目资金上限', 'FUND_CAP_EXCEEDED');
    }
    const answers: ProjectAnswers = {};
    if (noticeWorkingDays !== null) {
      const [end] = await acts.computeProjectDeadlines({ from: iso(), escalateWorkingDays: 0, items: [{ key: 'notice', workingDays: noticeWorkingDays }] });
      answers.noticeEndsAt = end!.dueAt;
    }
    if (payment) {
      answers.payment = await acts.recordProjectPayment({ ...payment, projectId: state.projectId, communityId: state.community.id, streetId: state.street.id, year: state.year });
    }
    return openTasks(machine.settle(step, answers, new Date()));
  }

  async function openTasks(step: ProjectStep): Promise<ProjectStep> {
    const items = machine.deadlinesNeeded(step.state);
    const deadlines = items.length > 0 ? await acts.computeProjectDeadlines({ from: iso(), escalateWorkingDays: machine.escalateAfterWorkingDays, items }) : [];
    return machine.openTasks(step, deadlines);
  }

  function setReservation(targetFen: number, enforceCap: boolean) {
    return acts.setProjectReservation({ projectId: state.projectId, communityId: state.community.id, year: state.year, targetFen, capFen: rules.yearlyFundCapFen, enforceCap });
  }

  /** The one save of a step: snapshot, timeline, inbox and notices. */
  async function save(step: ProjectStep): Promise<void> {
    const timeline = [...carried.timeline, ...step.effects.timeline];
    const notifications = [...carried.notifications, ...step.effects.notifications];
    await acts.syncProjectStep({
      workflowId,
      state,
      events: timeline.map((e) => ({ seq: e.seq, at: e.at, actorId: e.actorId, actorName: e.actorName ?? '系统', action: e.action, label: e.summary, stage: e.stage, data: e.data })),
      notifications,
      cancelTaskKeys: step.effects.inbox.cancelled,
      closedById: step.effects.completes?.personId ?? null,
    });
    carried = { timeline: [], notifications: [] };
    dirty = true;
  }

  const incidents = { acts, process: 'project', subjectId: input.projectId, unitId: input.community.id };
  /** A step of the process's own (start, clock): refused data opens an incident instead of wedging the process. */
  async function ownStep(step: ProjectStep, what: string): Promise<void> {
    const key = `v${state.version}`;
    const ready = await openTasks(step);
    restoreInto(state, ready.state);
    if (!(await incidentOnDataRejection(incidents, what, key, () => save(ready)))) {
      // Not saved: the inbox steps it opened do not exist and those it closed are still open (the next save
      // finds both again); its timeline and notices go with the next save.
      state.pending = step.state.pending;
      carried = { timeline: [...carried.timeline, ...step.effects.timeline], notifications: [...carried.notifications, ...step.effects.notifications] };
    }
  }

  // ---- the people's actions: the kit's runner serves the machine ---------------
  serveActions(
    machine,
    projectUpdates,
    {
      state: () => state,
      adopt: (next) => restoreInto(state, next),
      prepare,
      save,
      compensate: async (before) => {
        if (reservationTouched) await setReservation(before.reservedFen, false);
      },
      busy: (label) => ({ code: 'PROCESS_BUSY', message: `项目正在处理「${label}」,请稍后重试` }),
    },
    serial,
  );
  setHandler(projectStateQuery, () => state);

  // ---- the clock: 公示 end, reminders, escalation -------------------------------
  await serial(() => ownStep(machine.submitted(state, input.applicant, new Date()), '保存立项申请'));

  while (!isClosedStage(state.stage)) {
    const wake = machine.nextWake(state, new Date());
    dirty = false;
    const woken = () => dirty || isClosedStage(state.stage);
    if (wake === null) await condition(woken);
    else await condition(woken, Math.max(wake - Date.now(), 1));
    if (isClosedStage(state.stage)) break;
    await serial(async () => {
      const step = machine.tick(state, new Date());
      if (step) await ownStep(step, '处理到期提醒');
    });
  }
  // Let in-flight handlers finish their save before the workflow completes.
  await serial(async () => undefined);
  await condition(allHandlersFinished);

  return {
    stage: state.stage,
    paidFen: state.paidFen,
    rewardPaidFen: state.rewardPaidFen,
    rating: state.acceptance?.rating ?? null,
  };
}
