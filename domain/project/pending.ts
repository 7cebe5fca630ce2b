// Which steps of a project wait for a person, derived from the state. The
// workflow diffs this list against the open inbox tasks: new keys open a
// task, vanished keys close theirs. Keys carry the occurrence (review round,
// report number, request id) so a step that comes back opens a new task.

import type { RoleName } from '../roles';
import { PROJECT_ACTION_SPECS, type ProjectAction } from './action-specs';
import type { ProjectState } from './state';

export interface PendingStep {
  key: string;
  action: ProjectAction;
  title: string;
  role: RoleName;
  unitId: string;
  ref: Record<string, string | number>;
  /** For milestone reports: the planned date; other steps get a working-day period. */
  dueDate: string | null;
}

export function derivePendingSteps(s: ProjectState): PendingStep[] {
  const steps: PendingStep[] = [];
  const at = (role: RoleName) => (role === 'community' ? s.community.id : role === 'street_office' ? s.street.id : s.district.id);
  const add = (action: ProjectAction, key: string, role: RoleName, title: string, ref: Record<string, string | number> = {}, dueDate: string | null = null) =>
    steps.push({ key, action, role, unitId: at(role), title: `${PROJECT_ACTION_SPECS[action].label}:${title}`, ref, dueDate });
  const name = `「${s.application.title}」`;

  switch (s.stage) {
    case 'approval':
      if (s.approvalStep === 'street_review') add('reviewApplication', `review-${s.reviewRound}`, 'street_office', name);
      if (s.approvalStep === 'district_review') add('decideDistrictApproval', `district-${s.reviewRound}`, 'district_org', name);
      if (s.approvalStep === 'revision') add('resubmitApplication', `revise-${s.revisionCount}`, 'community', name);
      break;
    case 'notice':
      for (const o of s.objections) {
        if (!o.answeredAt) add('answerObjection', `objection-${o.id}`, 'street_office', `${name}公示异议`, { objectionId: o.id });
      }
      break;
    case 'implementation':
      for (const m of s.milestones) {
        const n = m.reports.length + 1;
        if (m.status === 'pending') add('reportMilestone', `report-${m.seq}-${n}`, 'community', `${name}节点${m.seq}「${m.title}」`, { milestoneSeq: m.seq }, m.dueDate);
        if (m.status === 'reported') add('verifyMilestone', `verify-${m.seq}-${m.reports.length}`, 'street_office', `${name}节点${m.seq}「${m.title}」`, { milestoneSeq: m.seq });
      }
      for (const c of s.changes) {
        if (c.status === 'street_review') add('reviewChange', `change-${c.id}`, 'street_office', `${name}变更申请${c.id}`, { changeId: c.id });
        if (c.status === 'district_review') add('decideChangeApproval', `change-district-${c.id}`, 'district_org', `${name}变更申请${c.id}`, { changeId: c.id });
      }
      break;
    case 'acceptance': {
      const a = s.acceptance;
      if (a?.step === 'report') add('submitCompletionReport', 'completion-report', 'community', name);
      if (a?.step === 'inspection') add('scoreAcceptance', `inspection-${a.inspections.length + 1}`, 'street_office', name);
      if (a?.step === 'rectification') add('submitRectification', 'rectification', 'community', name);
      break;
    }
    case 'reward': {
      const r = s.reward;
      if (r?.step === 'proposing') add('proposeReward', `reward-propose-${r.round}`, 'street_office', name);
      if (r?.step === 'confirming') add('confirmReward', `reward-confirm-${r.round}`, 'district_org', name);
      break;
    }
    default:
      break;
  }
  // Disbursement requests wait in finance's queue whatever the stage (a
  // final payment or reward is requested during acceptance or reward).
  if (s.stage === 'implementation' || s.stage === 'acceptance' || s.stage === 'reward') {
    for (const d of s.disbursements) {
      const what = `${name}${d.kind === 'milestone' ? `节点${d.milestoneSeq}` : d.kind === 'final' ? '尾款' : '奖补'}`;
      if (d.status === 'requested') add('releaseFunds', `release-${d.id}`, 'finance', what, { disbursementId: d.id });
      if (d.status === 'returned' && !s.disbursements.some((x) => x.payableKey === d.payableKey && x.attempt > d.attempt)) {
        add('resubmitDisbursement', `resubmit-${d.id}`, 'street_office', what, { disbursementId: d.id });
      }
    }
  }
  return steps;
}

/** Who hears about a missed step after the reminder: the supervising unit. */
export function escalationTarget(role: RoleName): RoleName {
  return role === 'community' ? 'street_office' : 'district_org';
}
