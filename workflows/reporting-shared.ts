// What the reporting workflows and the API share: inputs, the state the
// queries return, and one update per human action. Every update carries the
// Actor resolved by the API (`ActionCommand`); the workflow's validator checks role, scope,
// stage (and for `castVote` the roll) again, so a refused action changes nothing.

import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UnitRef } from '../domain/access';
import type { ActionCommand, ActionResult } from '../domain/kit/command';
import type { UpdateDefinition } from '@temporalio/common';
import type { ReportAction, ReportInputs, ReportingRules, ReportState, ReportStage } from '../domain/reporting';

export type { Objection, ProjectResult, Question, Rectification, ReportResult, ReportState, TimelineEntry, UpwardScore, VoteRoundState } from '../domain/reporting';


// ── inputs ──────────────────────────────────────────────────────────────

export interface ReportingYearlyInput {
  unitId: string;
  /** Set by continue-as-new: the next work year to start; computed from now when absent. */
  nextYear?: number;
  /** Years this schedule has started (kept short across continue-as-new). */
  startedYears?: number[];
}

export interface ReportingCycleInput {
  unitId: string;
  year: number;
  trigger: 'schedule' | 'manual';
  startedById?: string | null;
}

export interface ReportingCommunityInput {
  reportId: string;
  cycleId: string;
  year: number;
  community: UnitRef;
  /** The street above the community, whose party committee hears the upward report. */
  street: UnitRef | null;
  rules: ReportingRules;
  /**
   * Set by the cycles of this version: the report runs on the process kit.
   * Reports started before have no such field and keep the code their
   * histories were written by (the input, not a patch marker, tells them
   * apart: a marker is the one payload the codec leaves in clear text).
   */
  kit?: boolean;
  /** Set by the cycles of this version (with `kit`): the report runs on the kit's `runMachine`. */
  runner?: boolean;
  /**
   * Set by the cycles of this version (with `runner`): the report computes its
   * periods on its calendar snapshot (workflows/kit/calendar.ts); without it,
   * each is the activity `reportingDeadline`, as its history has it.
   */
  workingDaysInWorkflow?: boolean;
}

export interface ReportOutcome {
  reportId: string;
  grade: string | null;
  combinedCenti: number | null;
}

export interface CycleCommunity {
  community: UnitRef;
  reportId: string;
  /** False when another cycle already runs this community's report for the year. */
  ownedByThisCycle: boolean;
  done: boolean;
}

export interface CycleState {
  cycleId: string;
  unitId: string;
  year: number;
  trigger: 'schedule' | 'manual';
  status: 'preparing' | 'running' | 'completed';
  communities: CycleCommunity[];
}

export interface YearlyState {
  unitId: string;
  nextYear: number | null;
  nextStartAt: string | null;
  startedYears: number[];
}

// ── updates (one per action of REPORT_ACTIONS) ─────────────────────────

/** What every reporting update answers; `Extra` carries the ids an action creates. */
export type ReportActionResult<Extra extends object = object> = ActionResult<ReportStage, Extra>;

type ActionUpdate<A extends ReportAction, Extra extends object = object> = UpdateDefinition<ReportActionResult<Extra>, [ActionCommand<ReportInputs[A]>], A>;
const update = <A extends ReportAction, Extra extends object = object>(name: A) => defineUpdate<ReportActionResult<Extra>, [ActionCommand<ReportInputs[A]>], A>(name);

export const submitReportUpdate: ActionUpdate<'submitReport'> = update('submitReport');
export const scoreUpwardUpdate: ActionUpdate<'scoreUpward'> = update('scoreUpward');
export const askQuestionUpdate: ActionUpdate<'askQuestion', { questionId: string }> = update('askQuestion');
export const answerQuestionUpdate: ActionUpdate<'answerQuestion'> = update('answerQuestion');
export const closeUpwardUpdate: ActionUpdate<'closeUpward'> = update('closeUpward');
export const recordDownwardUpdate: ActionUpdate<'recordDownward'> = update('recordDownward');
/** The answer says only that the ballot was received: never the choice. */
export const castVoteUpdate: ActionUpdate<'castVote', { round: number }> = update('castVote');
export const raiseObjectionUpdate: ActionUpdate<'raiseObjection', { objectionId: string }> = update('raiseObjection');
export const answerObjectionUpdate: ActionUpdate<'answerObjection'> = update('answerObjection');
export const submitRectificationUpdate: ActionUpdate<'submitRectification'> = update('submitRectification');
export const reviewRectificationUpdate: ActionUpdate<'reviewRectification'> = update('reviewRectification');

/** The update of each action: its name is the action's name. */
export const ACTION_UPDATES = {
  submitReport: submitReportUpdate,
  scoreUpward: scoreUpwardUpdate,
  askQuestion: askQuestionUpdate,
  answerQuestion: answerQuestionUpdate,
  closeUpward: closeUpwardUpdate,
  recordDownward: recordDownwardUpdate,
  castVote: castVoteUpdate,
  raiseObjection: raiseObjectionUpdate,
  answerObjection: answerObjectionUpdate,
  submitRectification: submitRectificationUpdate,
  reviewRectification: reviewRectificationUpdate,
} as const satisfies { [A in ReportAction]: UpdateDefinition<ReportActionResult, [ActionCommand<ReportInputs[A]>], A> };

// ── queries ─────────────────────────────────────────────────────────────

export const reportStateQuery = defineQuery<ReportState>('reportState');
/** Whether one person is on the current roll and has voted (never what they chose). */
export const voterStatusQuery = defineQuery<{ round: number | null; onRoll: boolean; voted: boolean }, [string]>('voterStatus');
export const cycleStateQuery = defineQuery<CycleState>('cycleState');
export const yearlyStateQuery = defineQuery<YearlyState>('yearlyState');
