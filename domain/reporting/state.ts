// The state of one community's yearly report: what the workflow keeps and
// its queries return (ballots never appear here), what the read model saves.

import type { UnitRef } from '../access';
import type { ReportingRules } from './rules';
import type { ReportStage } from './stages';
import type { RatingGrade } from './terms';
import type { BranchVerdict, Tally } from './vote';

/** A project of the community in the report's year, as the report cites it. */
export interface ProjectResult {
  projectId: string;
  title: string;
  status: string;
  rating: string | null;
  budgetFen: number | null;
}

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
