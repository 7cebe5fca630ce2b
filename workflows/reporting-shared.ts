// What the reporting workflows and the API share: inputs, the state the
// queries return, and one update per human action. Every update carries the
// Actor resolved by the API (`ActionCommand`); the workflow's validator checks role, scope,
// stage (and for `castVote` the roll) again, so a refused action changes nothing.

import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UnitRef } from '../domain/access';
import type { ActionCommand, ActionResult } from '../domain/kit/command';
import type { RatingGrade, ReportAction, ReportingRules, ReportState, ReportStage, VoteChoice } from '../domain/reporting';

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

export const submitReportUpdate = defineUpdate<ReportActionResult, [ActionCommand<{ content: string; highlights?: string | null }>]>('submitReport');
export const scoreUpwardUpdate = defineUpdate<ReportActionResult, [ActionCommand<{ score: number; comment?: string | null }>]>('scoreUpward');
export const askQuestionUpdate = defineUpdate<ReportActionResult<{ questionId: string }>, [ActionCommand<{ question: string }>]>('askQuestion');
export const answerQuestionUpdate = defineUpdate<ReportActionResult, [ActionCommand<{ questionId: string; answer: string }>]>('answerQuestion');
export const closeUpwardUpdate = defineUpdate<ReportActionResult, [ActionCommand<Record<string, never>>]>('closeUpward');
export const recordDownwardUpdate = defineUpdate<ReportActionResult, [ActionCommand<{ heldOn: string; attendees: number; summary: string }>]>('recordDownward');
/** The answer says only that the ballot was received: never the choice. */
export const castVoteUpdate = defineUpdate<ReportActionResult<{ round: number }>, [ActionCommand<{ choice: VoteChoice; comment?: string | null }>]>('castVote');
export const raiseObjectionUpdate = defineUpdate<ReportActionResult<{ objectionId: string }>, [ActionCommand<{ content: string }>]>('raiseObjection');
export const answerObjectionUpdate = defineUpdate<ReportActionResult, [ActionCommand<{ objectionId: string; answer: string; upheld: boolean; revisedGrade?: RatingGrade | null }>]>('answerObjection');
export const submitRectificationUpdate = defineUpdate<ReportActionResult, [ActionCommand<{ plan: string }>]>('submitRectification');
export const reviewRectificationUpdate = defineUpdate<ReportActionResult, [ActionCommand<{ accepted: boolean; comment?: string | null }>]>('reviewRectification');

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
} as const satisfies Record<ReportAction, unknown>;

// ── queries ─────────────────────────────────────────────────────────────

export const reportStateQuery = defineQuery<ReportState>('reportState');
/** Whether one person is on the current roll and has voted (never what they chose). */
export const voterStatusQuery = defineQuery<{ round: number | null; onRoll: boolean; voted: boolean }, [string]>('voterStatus');
export const cycleStateQuery = defineQuery<CycleState>('cycleState');
export const yearlyStateQuery = defineQuery<YearlyState>('yearlyState');
