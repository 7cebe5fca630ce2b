// 双向述职 of one community on the process kit's `serveActions` with its own
// waits, as it ran before the kit's `runMachine`, kept unchanged for the
// reports started then (input `kit: true` without `runner`): the worker
// replays a running workflow's history with the code it has. Reports started
// since carry `runner: true` and never come here; once no report without it
// is open (a report lives through one year's cycle), this file can go.
import { allHandlersFinished, condition as engineCondition, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  downwardOpened,
  everyoneVoted,
  initialReportingState,
  lastRoundOutcome,
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
  type ReportingStep,
  type StepDeadline,
} from '../domain/reporting';
import { ACTIVITY_OPTIONS, createActionGate, incidentOnDataRejection, restoreInto } from './failures';
import { serveActions } from './kit/runner';
import { ACTION_UPDATES, reportStateQuery, voterStatusQuery, type ReportingCommunityInput, type ReportOutcome } from './reporting-shared';

// Unlimited attempts for what a retry can cure; data the database refuses fails at once (./failures).
const acts = proxyActivities<Activities>({ ...ACTIVITY_OPTIONS, startToCloseTimeout: '1 minute' });

const now = () => new Date();
const msUntil = (iso: string) => Math.max(0, new Date(iso).getTime() - Date.now());

/** The community report of inputs with `kit: true` and no `runner`. */
export async function kitV1ReportingCommunity(input: ReportingCommunityInput): Promise<ReportOutcome> {
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
