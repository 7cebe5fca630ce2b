// The human actions of a project (each one a Temporal update) and who may
// take them. `actionRefusal` is the validator every layer shares: it says why
// an actor may not take an action now, or null when they may.

import { accessRefusal, reachesUnit, type Actor } from '../access';
import type { ErrorCode } from '../errors';
import { ROLE_LABELS, type RoleName } from '../roles';
import { STAGE_LABELS, type ProjectState } from './state';
import { PROJECT_ACTION_SPECS, type ActionInputs, type ProjectAction } from './action-specs';
import { derivePendingSteps } from './pending';

export { PROJECT_ACTION_SPECS, PROJECT_ACTIONS, type ActionInputs, type ProjectAction } from './action-specs';

export interface Refusal {
  code: ErrorCode;
  message: string;
}

const refuse = (code: ErrorCode, message: string): Refusal => ({ code, message });

/**
 * 公示异议 come from residents' representatives and grid workers of the
 * community: their grant sits on the community or below it (a grid), or on a
 * unit above it. A grant on a sibling community never counts.
 */
function objectionAccessRefusal(actor: Actor, communityPath: string): Refusal | null {
  const roles: readonly RoleName[] = PROJECT_ACTION_SPECS.raiseObjection.roles;
  const relevant = actor.grants.filter((g) => roles.includes(g.role));
  if (relevant.length === 0) return refuse('FORBIDDEN_ROLE', '只有党员/居民代表或网格员可以提出公示异议');
  const ok = relevant.some((g) => reachesUnit(g, communityPath));
  return ok ? null : refuse('FORBIDDEN_SCOPE', '只能对本社区的项目提出异议');
}

/** The open step for `action`, derived from the state (the inbox mirrors it, possibly a moment later). */
function pendingFor(state: ProjectState, action: ProjectAction, match: (ref: Record<string, string | number>) => boolean) {
  return derivePendingSteps(state).find((p) => p.action === action && match(p.ref));
}

const IMPLEMENTATION_LIKE = ['implementation', 'acceptance', 'reward'] as const;

/**
 * Role and scope alone, whatever the project's stage: the first check of every
 * action, in the workflow's validator and in the API (also for a closed
 * project), so a refusal never tells an outsider about the stage.
 */
export function actionAccessRefusal(actor: Actor, action: ProjectAction, community: { path: string; name: string }): Refusal | null {
  const spec = PROJECT_ACTION_SPECS[action];
  if (!spec) return refuse('VALIDATION_FAILED', `未知操作:${String(action)}`);
  if (action === 'raiseObjection') return objectionAccessRefusal(actor, community.path);
  const access = accessRefusal(actor, spec.roles, community.path);
  if (access === 'FORBIDDEN_ROLE') return refuse(access, `${spec.label}需要以下角色之一:${spec.roles.map((r) => ROLE_LABELS[r]).join('、')}`);
  if (access === 'FORBIDDEN_SCOPE') return refuse(access, `无权对「${community.name}」的项目执行「${spec.label}」`);
  return null;
}

/** Why `actor` may not take `action` with `input` now; null when allowed. */
export function actionRefusal<A extends ProjectAction>(
  state: ProjectState,
  action: A,
  actor: Actor,
  input: ActionInputs[A],
): Refusal | null {
  const spec = PROJECT_ACTION_SPECS[action];
  if (!spec) return refuse('VALIDATION_FAILED', `未知操作:${String(action)}`);

  const access = actionAccessRefusal(actor, action, state.community);
  if (access) return access;

  if (state.stage === 'completed' || state.stage === 'rejected' || state.stage === 'cancelled' || state.stage === 'terminated' || state.stage === 'failed') {
    return refuse('WRONG_STAGE', `项目已结束(${STAGE_LABELS[state.stage]}),不能再${spec.label}`);
  }

  const suspendedBlocks = state.suspended && action !== 'resumeProject' && action !== 'terminateProject';
  if (suspendedBlocks) return refuse('WRONG_STAGE', `项目已暂停(${state.suspended!.reason}),恢复后才能${spec.label}`);

  switch (action) {
    case 'withdrawApplication':
      if (state.stage !== 'approval' && state.stage !== 'notice') return refuse('WRONG_STAGE', '项目已开始实施,不能撤回;如需停止请申请终止');
      return null;
    case 'raiseObjection':
      if (state.stage !== 'notice') return refuse('WRONG_STAGE', '只能在公示期内提出异议');
      return null;
    case 'requestChange': {
      if (state.stage !== 'implementation') return refuse('WRONG_STAGE', '只能在实施阶段申请变更');
      if (state.changes.some((c) => c.status === 'street_review' || c.status === 'district_review')) {
        return refuse('CONFLICT', '已有待审批的变更申请');
      }
      return null;
    }
    case 'suspendProject':
      if (!(IMPLEMENTATION_LIKE as readonly string[]).includes(state.stage) && state.stage !== 'notice') {
        return refuse('WRONG_STAGE', '只有已立项的项目可以暂停');
      }
      if (state.suspended) return refuse('ALREADY_DONE', '项目已处于暂停状态');
      return null;
    case 'resumeProject':
      if (!state.suspended) return refuse('WRONG_STAGE', '项目未暂停');
      return null;
    case 'terminateProject':
      if (!(IMPLEMENTATION_LIKE as readonly string[]).includes(state.stage) && state.stage !== 'notice') {
        return refuse('WRONG_STAGE', '立项审批中的项目请直接驳回,不能终止');
      }
      if (state.disbursements.some((d) => d.status === 'releasing')) return refuse('CONFLICT', '有资金正在拨付,请稍后再终止');
      return null;
  }

  // Tasked actions: the matching inbox step must be open.
  const i = input as ActionInputs[ProjectAction];
  switch (action) {
    case 'reviewApplication':
    case 'resubmitApplication':
    case 'decideDistrictApproval':
    case 'submitCompletionReport':
    case 'scoreAcceptance':
    case 'submitRectification':
    case 'proposeReward':
    case 'confirmReward':
      if (!pendingFor(state, action, () => true)) return refuse('WRONG_STAGE', `当前阶段(${STAGE_LABELS[state.stage]})不能${spec.label}`);
      return null;
    case 'answerObjection': {
      if (state.stage !== 'notice') return refuse('WRONG_STAGE', `当前阶段(${STAGE_LABELS[state.stage]})没有待答复的公示异议`);
      const { objectionId } = i as ActionInputs['answerObjection'];
      const objection = state.objections.find((o) => o.id === objectionId);
      if (!objection) return refuse('NOT_FOUND', `异议不存在:${objectionId}`);
      if (objection.answeredAt) return refuse('ALREADY_DONE', '该异议已答复');
      return null;
    }
    case 'reportMilestone':
    case 'verifyMilestone': {
      const { milestoneSeq } = i as ActionInputs['reportMilestone'];
      if (state.stage !== 'implementation') return refuse('WRONG_STAGE', `当前阶段(${STAGE_LABELS[state.stage]})不能${spec.label}`);
      const milestone = state.milestones.find((m) => m.seq === milestoneSeq);
      if (!milestone) return refuse('NOT_FOUND', `实施节点不存在:${milestoneSeq}`);
      if (pendingFor(state, action, (r) => r.milestoneSeq === milestoneSeq)) return null;
      if (milestone.status === 'paid' || milestone.status === 'verified' || (action === 'reportMilestone' && milestone.status === 'reported')) {
        return refuse('ALREADY_DONE', `节点「${milestone.title}」已${action === 'reportMilestone' ? '报告' : '核验'}`);
      }
      return refuse('WRONG_STAGE', `节点「${milestone.title}」当前不能${spec.label}`);
    }
    case 'releaseFunds':
    case 'returnDisbursement':
    case 'resubmitDisbursement': {
      if (!(IMPLEMENTATION_LIKE as readonly string[]).includes(state.stage)) return refuse('WRONG_STAGE', `当前阶段(${STAGE_LABELS[state.stage]})没有拨付申请`);
      const { disbursementId } = i as ActionInputs['releaseFunds'];
      const d = state.disbursements.find((x) => x.id === disbursementId);
      if (!d) return refuse('NOT_FOUND', `拨付申请不存在:${disbursementId}`);
      if (d.status === 'released' || d.status === 'releasing') return refuse('ALREADY_DONE', `拨付申请${d.id}已拨付`);
      const task = action === 'resubmitDisbursement' ? 'resubmitDisbursement' : 'releaseFunds';
      if (!pendingFor(state, task, (r) => r.disbursementId === disbursementId)) {
        return refuse(d.status === 'returned' || d.status === 'cancelled' ? 'ALREADY_DONE' : 'WRONG_STAGE', `拨付申请${d.id}当前状态为${d.status},不能${spec.label}`);
      }
      return null;
    }
    case 'reviewChange':
    case 'decideChangeApproval': {
      if (state.stage !== 'implementation') return refuse('WRONG_STAGE', `当前阶段(${STAGE_LABELS[state.stage]})没有待审批的变更申请`);
      const { changeId } = i as ActionInputs['reviewChange'];
      const change = state.changes.find((c) => c.id === changeId);
      if (!change) return refuse('NOT_FOUND', `变更申请不存在:${changeId}`);
      if (!pendingFor(state, action, (r) => r.changeId === changeId)) {
        return refuse(change.status === 'approved' || change.status === 'rejected' ? 'ALREADY_DONE' : 'WRONG_STAGE', `变更申请${change.id}当前不能${spec.label}`);
      }
      return null;
    }
  }
  return null;
}
