// The state of one project, as the workflow holds it (the source of truth)
// and as the read model stores it. Plain JSON: it crosses the workflow/query
// boundary and is saved as a snapshot.

import type { UnitRef } from '../access';
import type { ProjectApplication, MilestonePlan } from './application';
import type { CostShare } from './cost-sharing';
import type { ProjectRating } from './scoring';
import type { RoleName } from '../roles';

export const PROJECT_STAGES = [
  'approval',
  'notice',
  'implementation',
  'acceptance',
  'reward',
  'completed',
  'rejected',
  'cancelled',
  'terminated',
  'failed',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const STAGE_LABELS: Record<ProjectStage, string> = {
  approval: '立项审批',
  notice: '立项公示',
  implementation: '项目实施',
  acceptance: '项目验收',
  reward: '激励奖补',
  completed: '已完成',
  rejected: '未予立项',
  cancelled: '已撤回',
  terminated: '已终止',
  failed: '验收不合格',
};

export const CLOSED_STAGES: readonly ProjectStage[] = ['completed', 'rejected', 'cancelled', 'terminated', 'failed'];

export function isClosedStage(stage: ProjectStage): boolean {
  return CLOSED_STAGES.includes(stage);
}


export type ApprovalStep = 'street_review' | 'district_review' | 'revision';

export type MilestoneStatus = 'pending' | 'reported' | 'verified' | 'paid';

export interface MilestoneReport {
  at: string;
  byId: string;
  summary: string;
  evidence: string[];
}

export interface MilestoneState extends MilestonePlan {
  seq: number;
  status: MilestoneStatus;
  reports: MilestoneReport[];
  /** How many times the street office rejected a report. */
  rejections: number;
  /** Set once the milestone missed its due date unreported: counts in the supervision report. */
  overdueSince: string | null;
}

export type DisbursementKind = 'milestone' | 'final' | 'reward';
export type DisbursementStatus = 'requested' | 'releasing' | 'released' | 'returned' | 'cancelled';

export interface DisbursementState {
  /** "d1", "d2", …: unique within the project. */
  id: string;
  kind: DisbursementKind;
  /**
   * What is being paid, e.g. "milestone-2", "final", "reward". A payable is
   * paid at most once: the ledger has a unique constraint on (project, payable).
   */
  payableKey: string;
  milestoneSeq: number | null;
  amountFen: number;
  attempt: number;
  status: DisbursementStatus;
  requestedAt: string;
  decidedAt: string | null;
  voucherNo: string | null;
  returnReason: string | null;
}

export interface ObjectionState {
  id: string;
  raisedById: string;
  raisedByName: string;
  raisedAt: string;
  content: string;
  answer: string | null;
  upheld: boolean | null;
  answeredAt: string | null;
}

export interface ChangeProposal {
  budgetFen: number;
  finalPaymentFen: number;
  milestones: MilestonePlan[];
}

export interface ChangeRequestState {
  id: string;
  reason: string;
  proposal: ChangeProposal;
  status: 'street_review' | 'district_review' | 'approved' | 'rejected';
  requestedAt: string;
  decidedAt: string | null;
  comment: string | null;
  /** Reservation before the change, restored if the district refuses it. */
  previousReservedFen: number;
}

export interface InspectionState {
  round: number;
  at: string;
  byId: string;
  scores: Record<string, number>;
  totalCentiPoints: number;
  rating: ProjectRating;
  comment: string;
}

export interface AcceptanceState {
  reports: { at: string; kind: 'completion' | 'rectification'; summary: string; evidence: string[] }[];
  inspections: InspectionState[];
  /** 'report' → community writes the completion report; 'inspection' → the street scores; 'rectification' → 整改. */
  step: 'report' | 'inspection' | 'rectification' | 'final_payment' | 'done';
  rating: ProjectRating | null;
}

export interface RewardState {
  step: 'proposing' | 'confirming' | 'paying' | 'done';
  round: number;
  proposedFen: number | null;
  recognition: string | null;
  proposalComment: string | null;
  confirmedFen: number | null;
  decisionComment: string | null;
}

/** One step that waits for a person: the inbox task and its clock. */
export interface PendingAction {
  /** Inbox key, unique within the workflow for this occurrence. */
  key: string;
  action: string;
  title: string;
  role: RoleName;
  unitId: string;
  dueAt: string | null;
  /** The escalation moment (due + escalation period). */
  escalateAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  /** What the action applies to, e.g. { milestoneSeq: 2 } or { disbursementId: "d3" }. */
  ref: Record<string, string | number>;
}

export interface ProjectState {
  projectId: string;
  workflowId: string;
  year: number;
  community: UnitRef;
  street: UnitRef;
  district: UnitRef;
  applicantId: string;
  application: ProjectApplication;
  stage: ProjectStage;
  approvalStep: ApprovalStep | null;
  /** How many times the application came back for revision. */
  revisionCount: number;
  /** Counts review occurrences, for unique inbox keys. */
  reviewRound: number;
  lastDecisionReason: string | null;
  suspended: { reason: string; at: string; byId: string } | null;
  reservedFen: number;
  paidFen: number;
  rewardPaidFen: number;
  notice: { startsAt: string; endsAt: string } | null;
  objections: ObjectionState[];
  milestones: MilestoneState[];
  disbursements: DisbursementState[];
  changes: ChangeRequestState[];
  acceptance: AcceptanceState | null;
  reward: RewardState | null;
  pending: PendingAction[];
  costSharing: CostShare[];
  closedReason: string | null;
  /** Monotonic: the read model keeps only the newest snapshot. */
  version: number;
  /** Timeline sequence number. */
  eventSeq: number;
}

/** What a new project starts from: the facts of its application, before any step. */
export type NewProject = Pick<ProjectState, 'projectId' | 'workflowId' | 'year' | 'community' | 'street' | 'district' | 'applicantId' | 'application'>;

/** A project as the workflow opens it: street review of the application, nothing reserved or paid. */
export function initialProjectState(project: NewProject): ProjectState {
  return {
    ...project,
    stage: 'approval',
    approvalStep: 'street_review',
    revisionCount: 0,
    reviewRound: 1,
    lastDecisionReason: null,
    suspended: null,
    reservedFen: 0,
    paidFen: 0,
    rewardPaidFen: 0,
    notice: null,
    objections: [],
    milestones: [],
    disbursements: [],
    changes: [],
    acceptance: null,
    reward: null,
    pending: [],
    costSharing: project.application.costSharing,
    closedReason: null,
    version: 0,
    eventSeq: 0,
  };
}
