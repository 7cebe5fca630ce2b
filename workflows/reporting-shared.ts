// What the reporting workflows and the API share: inputs, the state the
// queries return, and one update per human action. Every update carries the
// Actor resolved by the API; the workflow's validator checks role, scope,
// stage (and for `castVote` the roll) again, so a refused action changes nothing.

import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, UnitRef } from '../domain/access';
import type { RatingGrade, ReportingRules, ReportState, ReportStage, VoteChoice } from '../domain/reporting';

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

export interface ActorArg {
  actor: Actor;
}

export interface UpdateAck {
  stage: ReportStage;
  version: number;
}

export const submitReportUpdate = defineUpdate<UpdateAck, [ActorArg & { content: string; highlights?: string | null }]>('submitReport');
export const scoreUpwardUpdate = defineUpdate<UpdateAck, [ActorArg & { score: number; comment?: string | null }]>('scoreUpward');
export const askQuestionUpdate = defineUpdate<UpdateAck & { questionId: string }, [ActorArg & { question: string }]>('askQuestion');
export const answerQuestionUpdate = defineUpdate<UpdateAck, [ActorArg & { questionId: string; answer: string }]>('answerQuestion');
export const closeUpwardUpdate = defineUpdate<UpdateAck, [ActorArg]>('closeUpward');
export const recordDownwardUpdate = defineUpdate<UpdateAck, [ActorArg & { heldOn: string; attendees: number; summary: string }]>('recordDownward');
/** The answer says only that the ballot was received: never the choice. */
export const castVoteUpdate = defineUpdate<UpdateAck & { round: number }, [ActorArg & { choice: VoteChoice; comment?: string | null }]>('castVote');
export const raiseObjectionUpdate = defineUpdate<UpdateAck & { objectionId: string }, [ActorArg & { content: string }]>('raiseObjection');
export const answerObjectionUpdate = defineUpdate<UpdateAck, [ActorArg & { objectionId: string; answer: string; upheld: boolean; revisedGrade?: RatingGrade | null }]>('answerObjection');
export const submitRectificationUpdate = defineUpdate<UpdateAck, [ActorArg & { plan: string }]>('submitRectification');
export const reviewRectificationUpdate = defineUpdate<UpdateAck, [ActorArg & { accepted: boolean; comment?: string | null }]>('reviewRectification');

/** The update each API action maps to. */
export const ACTION_UPDATES = {
  report: submitReportUpdate,
  scores: scoreUpwardUpdate,
  questions: askQuestionUpdate,
  answers: answerQuestionUpdate,
  'close-upward': closeUpwardUpdate,
  downward: recordDownwardUpdate,
  vote: castVoteUpdate,
  objections: raiseObjectionUpdate,
  'objection-answers': answerObjectionUpdate,
  rectification: submitRectificationUpdate,
  'rectification-review': reviewRectificationUpdate,
} as const;

// ── queries ─────────────────────────────────────────────────────────────

export const reportStateQuery = defineQuery<ReportState>('reportState');
/** Whether one person is on the current roll and has voted (never what they chose). */
export const voterStatusQuery = defineQuery<{ round: number | null; onRoll: boolean; voted: boolean }, [string]>('voterStatus');
export const cycleStateQuery = defineQuery<CycleState>('cycleState');
export const yearlyStateQuery = defineQuery<YearlyState>('yearlyState');
