// What the reporting workflows and the API share: inputs, the state the
// queries return, and one update per human action. Every update carries the
// Actor resolved by the API; the workflow's validator checks role, scope,
// stage (and for `castVote` the roll) again, so a refused action changes nothing.

import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/access';
import type { RatingGrade, ReportingRules, ReportStage, Tally, VoteChoice, BranchVerdict } from '../domain/reporting';

export interface UnitRef {
  id: string;
  name: string;
  path: string;
}

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

export interface ProjectResult {
  projectId: string;
  title: string;
  status: string;
  rating: string | null;
  budgetFen: number | null;
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

// ── state (what queries return; ballots never appear here) ─────────────

export interface TimelineEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  label: string;
  data?: Record<string, unknown>;
}

export interface UpwardScore {
  scorerId: string;
  scorerName: string;
  score: number;
  comment: string | null;
  at: string;
}

export interface Question {
  id: string;
  askedById: string;
  askedByName: string;
  question: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface VoteRoundState {
  round: number;
  opensAt: string;
  closesAt: string;
  rollSize: number;
  quorumNeeded: number;
  voted: number;
  status: 'open' | 'closed';
  /** Only once the round has closed. */
  tally: Tally | null;
  outcome: 'counted' | 'no_quorum' | null;
  verdict: BranchVerdict | null;
}

export interface Objection {
  id: string;
  raisedById: string;
  raisedByName: string;
  content: string;
  raisedAt: string;
  answer: string | null;
  upheld: boolean | null;
  answeredById: string | null;
  answeredAt: string | null;
}

export interface ReportResult {
  upwardCenti: number | null;
  downwardCenti: number | null;
  combinedCenti: number | null;
  grade: RatingGrade;
  /** The grade before an upheld objection corrected it, if one did. */
  originalGrade: RatingGrade | null;
  reason: string;
  needsRectification: boolean;
  decidedAt: string;
}

export interface Rectification {
  deadline: string;
  submissions: Array<{ plan: string; at: string; byId: string }>;
  reviews: Array<{ accepted: boolean; comment: string | null; at: string; byId: string }>;
  status: 'open' | 'submitted' | 'accepted' | 'overdue';
}

export interface ReportState {
  reportId: string;
  cycleId: string;
  year: number;
  community: UnitRef;
  street: UnitRef | null;
  stage: ReportStage;
  /** The deadline of the current waiting step. */
  dueAt: string | null;
  overdue: boolean;
  rules: ReportingRules;
  report: { content: string; highlights: string | null; submittedAt: string; submittedById: string } | null;
  projectResults: ProjectResult[];
  upward: { scores: UpwardScore[]; questions: Question[]; closedAt: string | null; scoreCenti: number | null };
  downward: { heldOn: string; attendees: number; summary: string; recordedAt: string } | null;
  voteRounds: VoteRoundState[];
  result: ReportResult | null;
  publicNotice: { startsAt: string; endsAt: string; objections: Objection[] } | null;
  rectification: Rectification | null;
  /** Grows with every change; the read model keeps the newest. */
  version: number;
  timeline: TimelineEntry[];
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
