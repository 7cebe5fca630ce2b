// 双向述职 and 民主评议 (DOMAIN.md §2). Three workflows:
// - reportingYearly: a long-running schedule per unit; sleeps until the
//   configured day, starts that year's cycle, continues as new.
// - reportingCycle: one year over the communities of a street or district;
//   starts one reportingCommunity child per community.
// - reportingCommunity: one community's year, the kit's `runMachine` over
//   the machine of domain/reporting (timed.ts: its clock). This file names
//   the save activities and fetches what a step asks for (its period, the
//   project results, the roll). Reports started before run the code their
//   histories were written by: ./reporting-legacy.ts (no `kit` in the
//   input), ./reporting-kit-v1.ts (`kit` without `runner`).
import {
  ParentClosePolicy,
  continueAsNew,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import { workingDeadlines } from '../domain/calendar';
import {
  cycleStartFor,
  initialReportingState,
  lastRoundOutcome,
  nextScheduledYear,
  publicReport,
  reportingMachine,
  reportPendingTasks,
  voterStatus,
  workflowIds,
  type ReportingState,
} from '../domain/reporting';
import { reportingTimedMachine, type ReportingAnswers } from '../domain/reporting/timed';
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
import { ACTIVITY_OPTIONS } from './failures';
import { workflowCalendar } from './kit/calendar';
import { localFirstActivities } from './kit/local-first';
import { runMachine } from './kit/runner';
import { kitV1ReportingCommunity } from './reporting-kit-v1';
import { legacyReportingCommunity } from './reporting-legacy';

// Unlimited attempts for what a retry can cure; data the database refuses
// fails at once (./failures). A community's steps run local first (./kit/local-first).
const acts = localFirstActivities<Activities>(
  ['reportingSaveStep', 'reportingSaveResult', 'reportingDeadline', 'reportingProjectResults', 'reportingFixRoll'],
  { ...ACTIVITY_OPTIONS, startToCloseTimeout: '1 minute' },
);

export type { ReportOutcome } from './reporting-shared';

// ─────────────────────────────────────────────────────────────────────────
// One community's yearly report
// ─────────────────────────────────────────────────────────────────────────

export async function reportingCommunity(input: ReportingCommunityInput): Promise<ReportOutcome> {
  // Told apart by the input, not a patch marker (the one payload the codec would leave in clear text).
  if (!input.kit) return legacyReportingCommunity(input);
  if (!input.runner) return kitV1ReportingCommunity(input);
  const { community, reportId } = input;
  const machine = reportingTimedMachine();
  const calendar = workflowCalendar();
  const period = ({ workingDays, reminderLeadDays }: { workingDays: number; reminderLeadDays: number }) => {
    const from = new Date().toISOString();
    if (!input.workingDaysInWorkflow) return acts.reportingDeadline({ from, workingDays, reminderLeadDays });
    return calendar.use((cal) => {
      const [d] = workingDeadlines(cal, new Date(from), [{ key: 'due', workingDays, remindLeadDays: reminderLeadDays }]);
      return { dueAt: d!.dueAt, remindAt: d!.remindAt! };
    });
  };
  const initial = initialReportingState({ reportId, cycleId: input.cycleId, year: input.year, community, street: input.street, rules: input.rules });
  const resultOf = (state: ReportingState, finalized: boolean) => {
    const r = state.result!;
    const counted = state.voteRounds.at(-1)?.outcome === 'counted' ? lastRoundOutcome(state) : null;
    return {
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
      rectificationStatus: state.rectification?.status ?? (r.needsRectification ? ('open' as const) : null),
      decidedAt: r.decidedAt,
      publishedUntil: state.publicNotice?.endsAt ?? null,
      finalized,
    };
  };
  const final = await runMachine(machine, ACTION_UPDATES, {
    start: machine.start(initial),
    prepare: async (step) => {
      const needs = step.effects.needs;
      if (!needs) return step;
      const answers: ReportingAnswers = {};
      if (needs.projectResults) answers.projectResults = await acts.reportingProjectResults({ communityId: community.id, year: input.year });
      if (needs.rollRound) answers.roll = (await acts.reportingFixRoll({ reportId, round: needs.rollRound, communityPath: community.path })).map((v) => v.personId);
      if (needs.period) answers.deadline = await period(needs.period);
      return machine.settle(step, answers, new Date());
    },
    calendar,
    /** The one save of a step: state, timeline, ballot, the inbox from pendingTasks, notifications; then the result table when the step says so. */
    save: async (step) => {
      await acts.reportingSaveStep({
        state: publicReport(step.state),
        entries: step.effects.timeline,
        tasks: reportPendingTasks(step.state),
        notifications: step.effects.notifications,
        ballot: step.effects.ballot ?? null,
        calendarVersion: calendar.usedVersion(),
      });
      if (step.effects.result) await acts.reportingSaveResult(resultOf(step.state, step.effects.result.finalized));
    },
    incidents: { acts, process: reportingMachine.process, subjectId: reportId, unitId: community.id },
    stepNames: { start: '保存述职进展', deadline: '保存述职进展' },
    // Secret ballot: the report without its ballot box, and per person only whether they voted.
    queries: (state) => {
      setHandler(reportStateQuery, () => publicReport(state()));
      setHandler(voterStatusQuery, (personId: string) => voterStatus(state(), personId));
    },
  });
  return { reportId, grade: final.result!.grade, combinedCenti: final.result!.combinedCenti };
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
        args: [{ reportId, cycleId, year: input.year, community, street, rules: prepared.rules, kit: true, runner: true, workingDaysInWorkflow: true }],
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
