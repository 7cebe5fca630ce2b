// The human actions of a project (each one a Temporal update): the input
// each takes, its label and who may take it. A leaf below the refusal rules
// (actions.ts) and the pending steps (pending.ts), which both read it.

import type { RoleName } from '../roles';
import type { ProjectApplication } from './application';
import type { ChangeProposal } from './state';

export interface ActionInputs {
  reviewApplication: { decision: 'approve' | 'reject' | 'return'; comment: string };
  resubmitApplication: { application: ProjectApplication; note: string };
  withdrawApplication: { reason: string };
  decideDistrictApproval: { decision: 'approve' | 'reject' | 'return'; comment: string };
  raiseObjection: { content: string };
  answerObjection: { objectionId: string; answer: string; upheld: boolean };
  reportMilestone: { milestoneSeq: number; summary: string; evidence: string[] };
  verifyMilestone: { milestoneSeq: number; decision: 'verify' | 'reject'; comment: string };
  releaseFunds: { disbursementId: string; voucherNo: string };
  returnDisbursement: { disbursementId: string; reason: string };
  resubmitDisbursement: { disbursementId: string; note: string };
  requestChange: { reason: string; proposal: ChangeProposal };
  reviewChange: { changeId: string; decision: 'approve' | 'reject'; comment: string };
  decideChangeApproval: { changeId: string; decision: 'approve' | 'reject'; comment: string };
  suspendProject: { reason: string };
  resumeProject: { comment: string };
  terminateProject: { reason: string };
  submitCompletionReport: { summary: string; evidence: string[] };
  scoreAcceptance: { scores: Record<string, number>; comment: string };
  submitRectification: { summary: string; evidence: string[] };
  proposeReward: { amountFen: number; recognition: string; comment: string };
  confirmReward: { decision: 'confirm' | 'return'; amountFen?: number; comment: string };
}

export type ProjectAction = keyof ActionInputs;

interface ActionSpec {
  label: string;
  roles: readonly RoleName[];
  /** The action completes an inbox task (must be pending); otherwise it is taken at will within its stages. */
  tasked: boolean;
  /** 批量办理: the inbox may take several of these steps in one request (POST /api/tasks/actions/batchApprove). */
  batchable?: boolean;
}

export const PROJECT_ACTION_SPECS: Record<ProjectAction, ActionSpec> = {
  reviewApplication: { label: '街道审核立项申请', roles: ['street_office'], tasked: true },
  resubmitApplication: { label: '修改后重新提交申请', roles: ['community'], tasked: true },
  withdrawApplication: { label: '撤回立项申请', roles: ['community'], tasked: false },
  decideDistrictApproval: { label: '区委组织部审批立项', roles: ['district_org'], tasked: true },
  raiseObjection: { label: '公示期提出异议', roles: ['resident_rep', 'grid_worker'], tasked: false },
  answerObjection: { label: '答复公示异议', roles: ['street_office'], tasked: true },
  reportMilestone: { label: '报告节点完成情况', roles: ['community'], tasked: true },
  verifyMilestone: { label: '核验实施节点', roles: ['street_office'], tasked: true, batchable: true },
  releaseFunds: { label: '拨付资金', roles: ['finance'], tasked: true, batchable: true },
  returnDisbursement: { label: '退回拨付申请', roles: ['finance'], tasked: true },
  resubmitDisbursement: { label: '重新提交拨付申请', roles: ['street_office'], tasked: true },
  requestChange: { label: '申请项目变更', roles: ['community'], tasked: false },
  reviewChange: { label: '街道审核项目变更', roles: ['street_office'], tasked: true },
  decideChangeApproval: { label: '区委组织部审批项目变更', roles: ['district_org'], tasked: true },
  suspendProject: { label: '暂停项目', roles: ['street_office', 'district_org'], tasked: false },
  resumeProject: { label: '恢复项目', roles: ['street_office', 'district_org'], tasked: false },
  terminateProject: { label: '终止项目', roles: ['street_office', 'district_org'], tasked: false },
  submitCompletionReport: { label: '提交结项报告', roles: ['community'], tasked: true },
  scoreAcceptance: { label: '验收评分', roles: ['street_office'], tasked: true },
  submitRectification: { label: '提交整改报告', roles: ['community'], tasked: true },
  proposeReward: { label: '提出奖补建议', roles: ['street_office'], tasked: true },
  confirmReward: { label: '确认奖补', roles: ['district_org'], tasked: true },
};

export const PROJECT_ACTIONS = Object.keys(PROJECT_ACTION_SPECS) as ProjectAction[];
