// Business checks on an action's input that need the project's state (the
// request shape itself is checked by the API's schemas).

import { applicationProblems, type ProjectApplication } from './application';
import type { ActionInputs, ProjectAction, Refusal } from './actions';
import type { ProjectRules } from './rules';
import { scoreSheetProblem } from './scoring';
import type { ChangeProposal, ProjectState } from './state';
import { isFen } from './money';

const rule = (message: string): Refusal => ({ code: 'BUSINESS_RULE', message });

/** Problems of a change proposal against what has already happened. */
export function changeProposalProblems(state: ProjectState, proposal: ChangeProposal): string[] {
  const app: ProjectApplication = { ...state.application, ...proposal, costSharing: state.costSharing };
  const problems = applicationProblems(app);
  for (const m of state.milestones) {
    if (m.status === 'pending') continue;
    const p = proposal.milestones[m.seq - 1];
    if (!p || p.title !== m.title || p.amountFen !== m.amountFen) {
      problems.push(`节点「${m.title}」已报告或已拨付,不能修改或删除`);
    }
  }
  if (proposal.budgetFen < state.paidFen) problems.push('变更后的预算不能低于已拨付金额');
  return problems;
}

export function inputRefusal<A extends ProjectAction>(
  state: ProjectState,
  action: A,
  input: ActionInputs[A],
  rules: ProjectRules,
): Refusal | null {
  const i = input as ActionInputs[ProjectAction];
  switch (action) {
    case 'reviewApplication':
    case 'decideDistrictApproval': {
      const { decision, comment } = i as ActionInputs['reviewApplication'];
      if (decision !== 'approve' && !comment.trim()) return rule('驳回或退回修改必须填写理由');
      return null;
    }
    case 'resubmitApplication': {
      const problems = applicationProblems((i as ActionInputs['resubmitApplication']).application);
      return problems.length ? rule(problems.join(';')) : null;
    }
    case 'verifyMilestone': {
      const { decision, comment } = i as ActionInputs['verifyMilestone'];
      if (decision === 'reject' && !comment.trim()) return rule('退回节点必须填写理由');
      return null;
    }
    case 'returnDisbursement':
      if (!(i as ActionInputs['returnDisbursement']).reason.trim()) return rule('退回拨付申请必须填写理由');
      return null;
    case 'releaseFunds':
      if (!(i as ActionInputs['releaseFunds']).voucherNo.trim()) return rule('拨付必须填写凭证号');
      return null;
    case 'requestChange': {
      const problems = changeProposalProblems(state, (i as ActionInputs['requestChange']).proposal);
      return problems.length ? rule(problems.join(';')) : null;
    }
    case 'reviewChange':
    case 'decideChangeApproval': {
      const { decision, comment, changeId } = i as ActionInputs['reviewChange'];
      if (decision === 'reject' && !comment.trim()) return rule('驳回变更必须填写理由');
      const change = state.changes.find((c) => c.id === changeId);
      if (change && decision === 'approve') {
        const problems = changeProposalProblems(state, change.proposal);
        if (problems.length) return rule(`项目情况已变化,变更不能批准:${problems.join(';')}`);
      }
      return null;
    }
    case 'suspendProject':
    case 'terminateProject':
    case 'withdrawApplication':
      if (!(i as { reason: string }).reason.trim()) return rule('必须填写理由');
      return null;
    case 'scoreAcceptance': {
      const problem = scoreSheetProblem(rules.criteria, (i as ActionInputs['scoreAcceptance']).scores);
      return problem ? rule(problem) : null;
    }
    case 'proposeReward':
      if (!isFen((i as ActionInputs['proposeReward']).amountFen)) return rule('奖补金额必须为非负整数(单位:分)');
      return null;
    case 'confirmReward': {
      const { decision, amountFen, comment } = i as ActionInputs['confirmReward'];
      if (amountFen !== undefined && !isFen(amountFen)) return rule('奖补金额必须为非负整数(单位:分)');
      if (decision === 'return' && !comment.trim()) return rule('退回奖补建议必须填写理由');
      return null;
    }
    case 'answerObjection':
      if (!(i as ActionInputs['answerObjection']).answer.trim()) return rule('必须填写答复内容');
      return null;
    default:
      return null;
  }
}
