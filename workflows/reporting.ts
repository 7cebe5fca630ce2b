// 双向述职 and 民主评议 (DOMAIN.md §2). Three workflows:
// - reportingYearly: a long-running schedule per unit; sleeps until the
//   configured day, starts that year's cycle, continues as new.
// - reportingCycle: one year over the communities of a street or district;
//   starts one reportingCommunity child per community.
// - reportingCommunity: one community's year on the process kit. The rules,
//   the state, the timeline, the notifications and the inbox come from the
//   machine (domain/reporting/machine.ts); the people's actions are served by
//   the kit's runner; this file only waits for the deadlines and the vote
//   windows and saves each step once. Reports started before the kit run the
//   code their histories were written by (./reporting-legacy.ts).
import {
  allHandlersFinished,
  ParentClosePolicy,
  condition as engineCondition,
  continueAsNew,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import {
  cycleStartFor,
  downwardOpened,
  everyoneVoted,
  initialReportingState,
  lastRoundOutcome,
  nextScheduledYear,
  noticeEnded,
  noticeOpened,
  objectionsAnswered,
  publicReport,
  reportCompleted,
  reportingMachine,
  reportOpened,
  reportPendingTasks,
  stepOverdue,
  stepReminded,
  upwardBlocker,
  upwardOpened,
  voteClosed,
  voteOpened,
  voterStatus,
  workflowIds,
  type ReportingStep,
  type StepDeadline,
} from '../domain/reporting';
import {
  ACTION_UPDATES,
  cycleStateQuery,
  reportStateQuery,
  voterStatusQuery,
  yearlyStateQuery,
  type CycleState,
  type ReportingCommunityInput,
  type ReportingCycleInput,
  type ReportingYearlyInput,
  type ReportOutcome,
  type YearlyState,
} from './reporting-shared';
import { ACTIVITY_OPTIONS, createActionGate, incidentOnDataRejection, restoreInto } from './failures';
import { serveActions } from './kit/runner';
import { legacyReportingCommunity } from './reporting-legacy';

// Unlimited attempts for what a retry can cure; data the database refuses fails at once (./failures).
const acts = proxyActivities<Activities>({ ...ACTIVITY_OPTIONS, startToCloseTimeout: '1 minute' });

const now = () => new Date();
const msUntil = (iso: string) => Math.max(0, new Date(iso).getTime() - Date.now());

export type { ReportOutcome } from './reporting-shared';

// ─────────────────────────────────────────────────────────────────────────
// One community's yearly report
// ─────────────────────────────────────────────────────────────────────────

export async function reportingCommunity(input: ReportingCommunityInput): Promise<ReportOutcome> {
  if (!input.kit) return legacyReportingCommunity(input);
  const { rules, community, reportId } = input;
  const state = initialReportingState({ reportId, cycleId: input.cycleId, year: input.year, community, street: input.street, rules });

  // Unversioned: a patch marker would be the one payload of the history the codec does not encrypt.
  const gate = createActionGate({ versioned: false });
  /** The one save of a step: state, timeline, ballot, the inbox from pendingTasks, notifications. */
  const save = (step: ReportingStep) =>
    acts.reportingSaveStep({ state: publicReport(state), entries: step.effects.timeline, tasks: reportPendingTasks(state), notifications: step.effects.notifications, ballot: step.effects.ballot ?? null });
  const incidents = { acts, process: reportingMachine.process, subjectId: reportId, unitId: community.id };
  /** A step of the process's own; refused data opens an incident instead of wedging the report. */
  async function commit(step: ReportingStep): Promise<void> {
    restoreInto(state, step.state);
    await incidentOnDataRejection(incidents, '保存述职进展', `v${state.version}`, () => save(step));
  }
  const deadline = (workingDays: number, reminderLeadDays = rules.reminderLeadDays): Promise<StepDeadline> =>
    acts.reportingDeadline({ from: now().toISOString(), workingDays, reminderLeadDays });
  /** Waits for `done` until the step's reminder, then until its deadline; false when the deadline passed first. */
  async function waitStep(d: StepDeadline, done: () => boolean): Promise<boolean> {
    if (d.remindAt < d.dueAt && !(await gate.condition(done, msUntil(d.remindAt)))) await commit(stepReminded(state, now()));
    return gate.condition(done, msUntil(d.dueAt));
  }
  const saveResult = (finalized: boolean) => {
    const r = state.result!;
    const counted = state.voteRounds.at(-1)?.outcome === 'counted' ? lastRoundOutcome(state) : null;
    return acts.reportingSaveResult({
      reportId,
      community,
      year: input.year,
      grade: r.grade,
      upwardCenti: r.upwardCenti,
      downwardCenti: r.downwardCenti,
      combinedCenti: r.combinedCenti,
      reason: r.reason,
      tally: counted?.tally ?? null,
      verdict: counted?.kind === 'counted' ? counted.verdict : null,
      rectificationRequired: r.needsRectification,
      rectificationStatus: state.rectification?.status ?? (r.needsRectification ? 'open' : null),
      decidedAt: r.decidedAt,
      publishedUntil: state.publicNotice?.endsAt ?? null,
      finalized,
    });
  };

  setHandler(reportStateQuery, () => publicReport(state));
  setHandler(voterStatusQuery, (personId: string) => voterStatus(state, personId));
  serveActions(reportingMachine, ACTION_UPDATES, {
    state: () => state,
    // In place: the waits below read the state they were given.
    adopt: (next) => restoreInto(state, next),
    save,
    around: (fn) => gate.act(fn),
  });

  // 1. the written report
  const projectResults = await acts.reportingProjectResults({ communityId: community.id, year: input.year });
  const reportDue = await deadline(rules.reportDays);
  await commit(reportOpened(state, projectResults, reportDue, now()));
  const submitted = () => state.report !== null;
  if (!(await waitStep(reportDue, submitted))) {
    await commit(stepOverdue(state, now()));
    await gate.condition(submitted);
  }

  // 2. upward 述职: closes on the committee's word, or by itself once the window
  // has passed — but never with a question unanswered or with no score.
  const upwardDue = await deadline(rules.upwardDays);
  await commit(upwardOpened(state, upwardDue, now()));
  const closed = () => state.upward.closedAt !== null;
  if (!(await waitStep(upwardDue, closed)) && upwardBlocker(state)) {
    await commit(stepOverdue(state, now()));
    await gate.condition(() => closed() || upwardBlocker(state) === null);
  }

  // 3. downward 述职
  const downwardDue = await deadline(rules.downwardDays);
  await commit(downwardOpened(state, downwardDue, now()));
  const met = () => state.downward !== null;
  if (!(await waitStep(downwardDue, met))) {
    await commit(stepOverdue(state, now()));
    await gate.condition(met);
  }

  // 4. 民主评议: a round per run; a round missing quorum is re-run (rules.voteReruns times).
  for (;;) {
    const round = state.voteRounds.length + 1;
    const roll = await acts.reportingFixRoll({ reportId, round, communityPath: community.path });
    const window = await deadline(rules.voteWindowDays, Math.min(1, rules.reminderLeadDays));
    await commit(voteOpened(state, roll.map((v) => v.personId), window, now()));
    await waitStep(window, () => everyoneVoted(state));
    await commit(voteClosed(state, now()));
    const outcome = lastRoundOutcome(state);
    if (outcome.kind === 'counted' || !outcome.rerun) break;
  }

  // 5. result and 公示, until every objection is answered
  const { dueAt: noticeEnds } = await deadline(rules.publicNoticeDays, 0);
  await commit(noticeOpened(state, noticeEnds, now()));
  await saveResult(false);
  await sleep(msUntil(noticeEnds));
  if (!objectionsAnswered(state)) {
    await commit(stepOverdue(state, now()));
    await gate.condition(() => objectionsAnswered(state));
  }

  // 6. rectification for a poor final grade
  const rectificationDue = state.result!.needsRectification ? await deadline(rules.rectificationDays) : null;
  await commit(noticeEnded(state, rectificationDue, now()));
  if (rectificationDue) {
    await saveResult(false);
    const accepted = () => state.rectification!.status === 'accepted';
    if (!(await waitStep(rectificationDue, accepted))) {
      await commit(stepOverdue(state, now()));
      await saveResult(false);
      await gate.condition(accepted);
    }
  }

  await commit(reportCompleted(state, now()));
  await saveResult(true);
  // An update still finishing (the answer that released the 公示) must get its reply.
  await engineCondition(allHandlersFinished);
  return { reportId, grade: state.result!.grade, combinedCenti: state.result!.combinedCenti };
}

// ─────────────────────────────────────────────────────────────────────────
// One year's cycle over the communities of a unit
// ─────────────────────────────────────────────────────────────────────────

export async function reportingCycle(input: ReportingCycleInput): Promise<{ cycleId: string; communities: number }> {
  const cycleId = workflowInfo().workflowId;
  const state: CycleState = { cycleId, unitId: input.unitId, year: input.year, trigger: input.trigger, status: 'preparing', communities: [] };
  setHandler(cycleStateQuery, () => state);

  const prepared = await acts.reportingPrepareCycle({ cycleId, unitId: input.unitId, year: input.year, trigger: input.trigger, startedById: input.startedById ?? null });
  const children: Array<Promise<unknown>> = [];
  for (const { community, street } of prepared.communities) {
    const reportId = workflowIds.report(community.id, input.year);
    const entry = { community, reportId, ownedByThisCycle: true, done: false };
    state.communities.push(entry);
    let handle: ChildWorkflowHandle<typeof reportingCommunity>;
    try {
      handle = await startChild(reportingCommunity, {
        workflowId: reportId,
        args: [{ reportId, cycleId, year: input.year, community, street, rules: prepared.rules, kit: true }],
        // A report outlives a cancelled or reset cycle: people have acted on it.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      // Another cycle (the street's, or the district's) already runs this community's year.
      entry.ownedByThisCycle = false;
      entry.done = true;
      continue;
    }
    children.push(handle.result().finally(() => { entry.done = true; }));
  }
  state.status = 'running';
  // A report that failed is the operators' concern; the cycle still closes for the others.
  await Promise.allSettled(children);
  state.status = 'completed';
  await acts.reportingCycleStatus({ cycleId, status: 'completed' });
  return { cycleId, communities: state.communities.length };
}

// ─────────────────────────────────────────────────────────────────────────
// The yearly schedule of a unit
// ─────────────────────────────────────────────────────────────────────────

export async function reportingYearly(input: ReportingYearlyInput): Promise<void> {
  const workflowId = workflowInfo().workflowId;
  const startedYears = input.startedYears ?? [];
  const state: YearlyState = { unitId: input.unitId, nextYear: null, nextStartAt: null, startedYears };
  setHandler(yearlyStateQuery, () => state);

  const yearlyStart = await acts.reportingYearlyStart();
  const year = input.nextYear ?? nextScheduledYear(new Date(), yearlyStart);
  const startAt = cycleStartFor(year, yearlyStart);
  state.nextYear = year;
  state.nextStartAt = startAt.toISOString();
  await acts.reportingScheduleStatus({ unitId: input.unitId, workflowId, nextYear: year, nextStartAt: startAt.toISOString() });

  await sleep(Math.max(0, startAt.getTime() - Date.now()));
  try {
    await startChild(reportingCycle, {
      workflowId: workflowIds.cycle(input.unitId, year),
      args: [{ unitId: input.unitId, year, trigger: 'schedule', startedById: null }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (err) {
    // district_org may have started this year's cycle by hand already.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  await continueAsNew<typeof reportingYearly>({ unitId: input.unitId, nextYear: year + 1, startedYears: [...startedYears, year].slice(-10) });
}
