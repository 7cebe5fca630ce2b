// The steps of one community's yearly report and the actions that move
// them, with zh-CN labels. The API's `{action}` path segment, the inbox
// task's action and the workflow update are all the key of REPORT_ACTIONS; the workflow's update of the same action checks the role,
// the scope and the stage again, so the API can never skip a rule.

import type { RoleName } from '../roles';

export const REPORT_STAGES = ['report', 'upward', 'downward', 'vote', 'public_notice', 'rectification', 'completed'] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];

export const REPORT_STAGE_LABELS: Record<ReportStage, string> = {
  report: '撰写述职报告',
  upward: '向上述职(街道党工委评分、质询)',
  downward: '向下述职(党员和居民代表会议)',
  vote: '民主评议投票',
  public_notice: '结果公示',
  rectification: '整改',
  completed: '已完成',
};

export interface ReportActionSpec {
  label: string;
  /** Who may act, over the community's unit; `castVote` is further limited to the roll. */
  roles: readonly RoleName[];
  stages: readonly ReportStage[];
}

export const REPORT_ACTIONS = {
  submitReport: { label: '提交述职报告', roles: ['community'], stages: ['report'] },
  scoreUpward: { label: '向上述职评分', roles: ['street_office'], stages: ['upward'] },
  askQuestion: { label: '提出质询', roles: ['street_office'], stages: ['upward'] },
  answerQuestion: { label: '答复质询', roles: ['community'], stages: ['upward'] },
  closeUpward: { label: '结束向上述职', roles: ['street_office'], stages: ['upward'] },
  recordDownward: { label: '登记向下述职会议', roles: ['community'], stages: ['downward'] },
  castVote: { label: '民主评议投票', roles: ['resident_rep'], stages: ['vote'] },
  raiseObjection: { label: '对公示结果提出异议', roles: ['resident_rep', 'community', 'street_office', 'district_org'], stages: ['public_notice'] },
  answerObjection: { label: '答复异议', roles: ['street_office', 'district_org'], stages: ['public_notice'] },
  submitRectification: { label: '提交整改报告', roles: ['community'], stages: ['rectification'] },
  reviewRectification: { label: '审核整改报告', roles: ['street_office'], stages: ['rectification'] },
} as const satisfies Record<string, ReportActionSpec>;

export type ReportAction = keyof typeof REPORT_ACTIONS;

/**
 * Steps only the person named takes, never through the inbox's hands (转交,
 * 委派, 代理, 抄送, 批量): a 民主评议 vote is personal and secret — a deputy
 * voting for a representative would break one-person-one-vote and the
 * ballot's secrecy.
 */
export const PERSONAL_REPORT_ACTIONS: readonly ReportAction[] = ['castVote'];
export const REPORT_ACTION_NAMES = Object.keys(REPORT_ACTIONS) as ReportAction[];

/** Roles that may read a report in their scope (the roll's members read it too, as resident_rep). */
export const REPORT_READER_ROLES: readonly RoleName[] = ['district_org', 'street_office', 'community', 'resident_rep', 'auditor', 'admin'];

/** Only these see who voted what (the auditor-only ballot view). */
export const BALLOT_AUDITOR_ROLES: readonly RoleName[] = ['auditor'];

/** Who may start a cycle or a yearly schedule. */
export const CYCLE_STARTER_ROLES: readonly RoleName[] = ['district_org'];

export const workflowIds = {
  report: (communityId: string, year: number) => `reporting-${communityId}-${year}`,
  cycle: (unitId: string, year: number) => `reporting-cycle-${unitId}-${year}`,
  yearly: (unitId: string) => `reporting-yearly-${unitId}`,
};
