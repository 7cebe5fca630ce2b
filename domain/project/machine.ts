// 党建项目 as a machine of the process kit (domain/kit/machine.ts): every
// state change, timeline entry, notification and inbox step of a project is
// decided here, without a clock, a database or the environment. The workflow
// (workflows/project.ts) only waits, carries out what a step needs from
// outside and saves.
//
// A step of a project needs three things from outside, which the machine
// names in its effects and the host answers before the step counts:
//  - the community's yearly reservation set to an absolute amount (refused
//    when a rise would pass the cap: then the action is refused);
//  - the end of the 公示 period (working days: the calendar is in the database);
//  - a payment, recorded idempotently under its payable key;
// and then the due dates of the inbox steps it opened. `settle` and
// `openTasks` fold the answers in; they are pure as well.
import type { Actor } from '../access';
import type { Deadline, Effects, Refusal, Step, TimedMachine, TimelineEntry } from '../kit/machine';
import { PROJECT_SEND_BACK_TARGETS } from './send-back-targets';
import { actionRefusal, PROJECT_ACTION_SPECS, PROJECT_ACTIONS, type ActionInputs, type ProjectAction } from './actions';
import { needsDistrictApproval } from './application';
import { splitByCostSharing, type LedgerSplitLine } from './cost-sharing';
import { inputRefusal } from './input-checks';
import { formatYuan } from './money';
import { derivePendingSteps, escalationTarget } from './pending';
import type { ProjectRules } from './rules';
import { isPassingRating, RATING_LABELS, rateScores } from './scoring';
import { isClosedStage, type DisbursementKind, type DisbursementState, type PendingAction, type ProjectStage, type ProjectState } from './state';

export interface ProjectTimelineEntry extends TimelineEntry {
  /** The stage when it happened (a step may pass through two). */
  stage: ProjectStage;
}

/** A release of funds the step makes: recorded once per payable, split by the cost-sharing parties. */
export interface ProjectPayment {
  disbursementId: string;
  payableKey: string;
  kind: DisbursementKind;
  amountFen: number;
  voucherNo: string;
  releasedById: string;
  lines: LedgerSplitLine[];
}

export interface ProjectEffects extends Effects {
  timeline: ProjectTimelineEntry[];
  /** Set the project's reservation to this (absolute) amount first; a refused rise refuses the step. */
  reservation: { targetFen: number; enforceCap: boolean } | null;
  /** The 公示 starts: its end is this many working days on (folded in by `settle`). */
  noticeWorkingDays: number | null;
  payment: ProjectPayment | null;
  /** The action that made the step, and who took it: its own inbox step is done, others it made moot are cancelled. */
  completes: { action: ProjectAction; personId: string } | null;
  /** Filled by `openTasks`: the inbox changes of the step. */
  inbox: { opened: PendingAction[]; done: string[]; cancelled: string[] };
}

export type ProjectStep = Step<ProjectState, ProjectEffects>;

/** What the host found out for `settle`. */
export interface ProjectAnswers {
  noticeEndsAt?: string;
  payment?: { voucherNo: string; releasedAt: string };
}

/** A due date to compute for an inbox step: a planned date, or working days from when it opened. */
export interface DeadlineItem {
  key: string;
  workingDays?: number;
  date?: string;
}

/** An inbox step's due date and escalation moment, as the calendar activity answers them. */
export interface TaskDeadline {
  key: string;
  dueAt: string;
  escalateAt: string | null;
}

const SYSTEM = null;

/** A step in the making: a private copy of the state plus what happened to it. */
class Draft {
  readonly state: ProjectState;
  readonly effects: ProjectEffects;
  message: string | undefined;

  constructor(
    state: ProjectState,
    readonly now: Date,
  ) {
    // JSON, not structuredClone: the workflow sandbox has none, and the state is JSON by construction.
    this.state = JSON.parse(JSON.stringify(state)) as ProjectState;
    this.effects = { timeline: [], notifications: [], reservation: null, noticeWorkingDays: null, payment: null, completes: null, inbox: { opened: [], done: [], cancelled: [] } };
  }

  get iso() {
    return this.now.toISOString();
  }

  get title() {
    return `「${this.state.application.title}」`;
  }

  record(action: string, summary: string, actor: Actor | null, data: Record<string, unknown> = {}) {
    this.state.eventSeq += 1;
    this.effects.timeline.push({
      seq: this.state.eventSeq,
      at: this.iso,
      action,
      actorId: actor?.personId ?? null,
      actorName: actor?.displayName ?? '系统',
      summary,
      stage: this.state.stage,
      data,
    });
  }

  tellApplicant(event: string, title: string, body: string) {
    this.effects.notifications.push({ event, to: { personIds: [this.state.applicantId] }, kind: 'project.decision', title, body });
  }

  reserve(targetFen: number, enforceCap: boolean) {
    this.effects.reservation = { targetFen, enforceCap };
    this.state.reservedFen = targetFen;
  }

  /** The step as it stands; `counted` gives the state its next version (one per step). */
  step(counted = true): ProjectStep {
    if (counted) this.state.version += 1;
    return { state: this.state, effects: this.effects, ...(this.message === undefined ? {} : { message: this.message }) };
  }
}

// ---- stage transitions -------------------------------------------------------

function startImplementation(d: Draft) {
  const s = d.state;
  s.stage = 'implementation';
  s.milestones = s.application.milestones.map((m, i) => ({ ...m, seq: i + 1, status: 'pending', reports: [], rejections: 0, overdueSince: null }));
  d.record('startImplementation', '公示期满无异议(或异议已答复),项目进入实施', SYSTEM);
  d.tellApplicant('implementation', `项目${d.title}进入实施阶段`, '请按计划报告各实施节点的完成情况。');
}

function startAcceptance(d: Draft) {
  d.state.stage = 'acceptance';
  d.state.acceptance = { reports: [], inspections: [], step: 'report', rating: null };
  d.record('startAcceptance', '全部节点资金已拨付,进入验收', SYSTEM);
  d.tellApplicant('acceptance', `项目${d.title}进入验收阶段`, '请提交结项报告。');
}

function startReward(d: Draft) {
  d.state.stage = 'reward';
  d.state.reward = { step: 'proposing', round: 1, proposedFen: null, recognition: null, proposalComment: null, confirmedFen: null, decisionComment: null };
  d.record('startReward', '验收通过,进入激励奖补', SYSTEM);
}

/** The 公示 starts once its end is known (`settle`); until then the step only asks for it. */
function askForNotice(d: Draft, rules: ProjectRules) {
  d.effects.noticeWorkingDays = rules.noticeWorkingDays;
  d.state.approvalStep = null;
}

function close(d: Draft, stage: 'completed' | 'rejected' | 'cancelled' | 'terminated' | 'failed', reason: string) {
  d.state.stage = stage;
  d.state.approvalStep = null;
  d.state.closedReason = reason;
  for (const x of d.state.disbursements) if (x.status === 'requested' || x.status === 'returned') x.status = 'cancelled';
}

function requestDisbursement(d: Draft, kind: DisbursementKind, payableKey: string, amountFen: number, milestoneSeq: number | null): DisbursementState {
  const s = d.state;
  const attempt = s.disbursements.filter((x) => x.payableKey === payableKey).length + 1;
  const request: DisbursementState = {
    id: `d${s.disbursements.length + 1}`,
    kind,
    payableKey,
    milestoneSeq,
    amountFen,
    attempt,
    status: 'requested',
    requestedAt: d.iso,
    decidedAt: null,
    voucherNo: null,
    returnReason: null,
  };
  s.disbursements.push(request);
  d.record('requestDisbursement', `生成拨付申请${request.id}:${formatYuan(amountFen)}`, SYSTEM, { disbursementId: request.id, kind, amountFen });
  return request;
}

function maybeEndNotice(d: Draft) {
  const s = d.state;
  if (s.stage !== 'notice' || !s.notice) return;
  if (d.now.getTime() < Date.parse(s.notice.endsAt)) return;
  if (s.objections.some((o) => !o.answeredAt)) return;
  startImplementation(d);
}

function applyChange(d: Draft, changeId: string, comment: string) {
  const s = d.state;
  const c = s.changes.find((x) => x.id === changeId)!;
  Object.assign(c, { status: 'approved', decidedAt: d.iso, comment });
  const kept = s.milestones.filter((m) => m.status !== 'pending');
  s.application = { ...s.application, budgetFen: c.proposal.budgetFen, finalPaymentFen: c.proposal.finalPaymentFen, milestones: c.proposal.milestones };
  s.milestones = c.proposal.milestones.map((plan, i) => {
    const old = kept.find((m) => m.seq === i + 1);
    if (old) return old;
    const prior = s.milestones.find((m) => m.seq === i + 1);
    return { ...plan, seq: i + 1, status: 'pending' as const, reports: prior?.reports ?? [], rejections: prior?.rejections ?? 0, overdueSince: null };
  });
  d.tellApplicant(`change-${c.id}`, `项目${d.title}变更已批准`, `预算调整为${formatYuan(c.proposal.budgetFen)}。`);
}

const releaseSummary = (x: DisbursementState, voucherNo: string) => `财政拨付${x.id}:${formatYuan(x.amountFen)},凭证号${voucherNo}`;
const releaseNotice = (x: DisbursementState, voucherNo: string) => `${formatYuan(x.amountFen)},凭证号${voucherNo}。`;

// ---- the human actions -------------------------------------------------------

type Handler<A extends ProjectAction> = (d: Draft, actor: Actor, input: ActionInputs[A], rules: ProjectRules) => string;

const HANDLERS: { [A in ProjectAction]: Handler<A> } = {
  reviewApplication(d, actor, { decision, comment }, rules) {
    const s = d.state;
    s.lastDecisionReason = comment || null;
    if (decision === 'approve') {
      d.reserve(s.application.budgetFen, true);
      if (needsDistrictApproval(s.application.budgetFen, rules.districtApprovalThresholdFen)) {
        s.approvalStep = 'district_review';
        d.record('reviewApplication', `街道审核通过,预算${formatYuan(s.application.budgetFen)}超过限额,报区委组织部审批`, actor, { decision, comment });
        d.tellApplicant(`review-${s.reviewRound}`, `项目${d.title}街道审核通过`, '预算超过限额,已报区委组织部审批。');
        return '街道审核通过,待区委组织部审批';
      }
      d.record('reviewApplication', '街道审核通过', actor, { decision, comment });
      askForNotice(d, rules);
      return '审核通过,项目进入公示';
    }
    if (decision === 'reject') {
      close(d, 'rejected', comment);
      d.record('reviewApplication', `街道驳回:${comment}`, actor, { decision, comment });
      d.tellApplicant(`review-${s.reviewRound}`, `项目${d.title}未通过街道审核`, `驳回理由:${comment}`);
      return '已驳回';
    }
    s.approvalStep = 'revision';
    s.revisionCount += 1;
    d.record('reviewApplication', `退回修改:${comment}`, actor, { decision, comment });
    d.tellApplicant(`review-${s.reviewRound}`, `项目${d.title}被退回修改`, `退回理由:${comment}`);
    return '已退回修改';
  },

  resubmitApplication(d, actor, { application, note }) {
    const s = d.state;
    s.application = application;
    s.costSharing = application.costSharing;
    s.approvalStep = 'street_review';
    s.reviewRound += 1;
    d.record('resubmitApplication', `第${s.revisionCount}次修改后重新提交`, actor, { note, budgetFen: application.budgetFen });
    return '已重新提交,待街道审核';
  },

  withdrawApplication(d, actor, { reason }) {
    d.reserve(0, false);
    close(d, 'cancelled', reason);
    d.record('withdrawApplication', `申请撤回:${reason}`, actor, { reason });
    return '已撤回,预留资金已释放';
  },

  decideDistrictApproval(d, actor, { decision, comment }, rules) {
    const s = d.state;
    s.lastDecisionReason = comment || null;
    if (decision === 'approve') {
      d.record('decideDistrictApproval', '区委组织部审批通过', actor, { decision, comment });
      askForNotice(d, rules);
      return '审批通过,项目进入公示';
    }
    d.reserve(0, false);
    if (decision === 'reject') {
      close(d, 'rejected', comment);
      d.record('decideDistrictApproval', `区委组织部不予立项:${comment}`, actor, { decision, comment });
      d.tellApplicant(`district-${s.reviewRound}`, `项目${d.title}未获区委组织部批准`, `理由:${comment}`);
      return '已驳回';
    }
    s.approvalStep = 'revision';
    s.revisionCount += 1;
    d.record('decideDistrictApproval', `区委组织部退回修改:${comment}`, actor, { decision, comment });
    d.tellApplicant(`district-${s.reviewRound}`, `项目${d.title}被区委组织部退回修改`, `理由:${comment}`);
    return '已退回修改';
  },

  raiseObjection(d, actor, { content }) {
    const s = d.state;
    const id = `o${s.objections.length + 1}`;
    s.objections.push({ id, raisedById: actor.personId, raisedByName: actor.displayName, raisedAt: d.iso, content, answer: null, upheld: null, answeredAt: null });
    d.record('raiseObjection', `公示期收到异议${id}`, actor, { objectionId: id, content });
    return `异议${id}已登记,待街道答复`;
  },

  answerObjection(d, actor, { objectionId, answer, upheld }) {
    const s = d.state;
    const o = s.objections.find((x) => x.id === objectionId)!;
    Object.assign(o, { answer, upheld, answeredAt: d.iso });
    d.effects.notifications.push({ event: `objection-${o.id}-answer`, to: { personIds: [o.raisedById] }, kind: 'project.objection', title: `您对项目${d.title}的异议已答复`, body: answer });
    if (upheld) {
      for (const other of s.objections) if (!other.answeredAt) Object.assign(other, { answer: '公示因其他异议成立而终止', upheld: null, answeredAt: d.iso });
      d.reserve(0, false);
      s.stage = 'approval';
      s.approvalStep = 'revision';
      s.revisionCount += 1;
      s.notice = null;
      d.record('answerObjection', `异议${o.id}成立,项目退回修改:${answer}`, actor, { objectionId, upheld, answer });
      d.tellApplicant(`objection-${o.id}`, `项目${d.title}公示异议成立`, `项目退回修改,预留资金已释放。答复:${answer}`);
      return '异议成立,项目退回修改';
    }
    d.record('answerObjection', `异议${o.id}不成立,已答复`, actor, { objectionId, upheld, answer });
    maybeEndNotice(d);
    return '已答复异议';
  },

  reportMilestone(d, actor, { milestoneSeq, summary, evidence }) {
    const m = d.state.milestones.find((x) => x.seq === milestoneSeq)!;
    m.status = 'reported';
    m.reports.push({ at: d.iso, byId: actor.personId, summary, evidence });
    d.record('reportMilestone', `报告节点${m.seq}「${m.title}」完成`, actor, { milestoneSeq, summary, evidence });
    return '节点已报告,待街道核验';
  },

  verifyMilestone(d, actor, { milestoneSeq, decision, comment }) {
    const m = d.state.milestones.find((x) => x.seq === milestoneSeq)!;
    if (decision === 'reject') {
      m.status = 'pending';
      m.rejections += 1;
      d.record('verifyMilestone', `节点${m.seq}核验未通过:${comment}`, actor, { milestoneSeq, decision, comment });
      d.tellApplicant(`verify-${m.seq}-${m.reports.length}`, `项目${d.title}节点「${m.title}」核验未通过`, `理由:${comment}。请补充材料后重新报告。`);
      return '核验未通过,已退回社区';
    }
    m.status = 'verified';
    d.record('verifyMilestone', `节点${m.seq}核验通过`, actor, { milestoneSeq, decision, comment });
    const request = requestDisbursement(d, 'milestone', `milestone-${m.seq}`, m.amountFen, m.seq);
    d.tellApplicant(`verify-${m.seq}-${m.reports.length}`, `项目${d.title}节点「${m.title}」核验通过`, `已生成拨付申请${request.id}(${formatYuan(request.amountFen)})。`);
    return `核验通过,已生成拨付申请${request.id}`;
  },

  releaseFunds(d, actor, { disbursementId, voucherNo }) {
    const s = d.state;
    const x = s.disbursements.find((r) => r.id === disbursementId)!;
    d.effects.payment = {
      disbursementId: x.id,
      payableKey: x.payableKey,
      kind: x.kind,
      amountFen: x.amountFen,
      voucherNo,
      releasedById: actor.personId,
      lines: splitByCostSharing(x.amountFen, s.costSharing),
    };
    // Released as the payment answers (settle puts in its voucher and time: a repeated payable answers the first).
    x.status = 'released';
    x.voucherNo = voucherNo;
    x.decidedAt = d.iso;
    if (x.kind === 'reward') s.rewardPaidFen += x.amountFen;
    else s.paidFen += x.amountFen;
    d.record('releaseFunds', releaseSummary(x, voucherNo), actor, { disbursementId, voucherNo, amountFen: x.amountFen });
    d.tellApplicant(`release-${x.id}`, `项目${d.title}资金已拨付`, releaseNotice(x, voucherNo));

    if (x.kind === 'milestone') {
      s.milestones.find((m) => m.seq === x.milestoneSeq)!.status = 'paid';
      if (s.milestones.every((m) => m.status === 'paid')) startAcceptance(d);
    } else if (x.kind === 'final') {
      s.acceptance!.step = 'done';
      startReward(d);
    } else {
      s.reward!.step = 'done';
      close(d, 'completed', '项目完成,奖补已拨付');
      d.record('complete', '项目完成', SYSTEM);
    }
    return `已拨付${formatYuan(x.amountFen)}`;
  },

  returnDisbursement(d, actor, { disbursementId, reason }) {
    const x = d.state.disbursements.find((r) => r.id === disbursementId)!;
    x.status = 'returned';
    x.returnReason = reason;
    x.decidedAt = d.iso;
    d.record('returnDisbursement', `财政退回拨付申请${x.id}:${reason}`, actor, { disbursementId, reason });
    d.tellApplicant(`return-${x.id}`, `项目${d.title}拨付申请被退回`, `理由:${reason}`);
    return '已退回,待街道重新提交';
  },

  resubmitDisbursement(d, actor, { disbursementId, note }) {
    const old = d.state.disbursements.find((r) => r.id === disbursementId)!;
    const request = requestDisbursement(d, old.kind, old.payableKey, old.amountFen, old.milestoneSeq);
    d.record('resubmitDisbursement', `重新提交拨付申请${request.id}(原${old.id})`, actor, { disbursementId, newId: request.id, note });
    return `已重新提交拨付申请${request.id}`;
  },

  requestChange(d, actor, { reason, proposal }) {
    const s = d.state;
    const id = `c${s.changes.length + 1}`;
    s.changes.push({ id, reason, proposal, status: 'street_review', requestedAt: d.iso, decidedAt: null, comment: null, previousReservedFen: s.reservedFen });
    d.record('requestChange', `申请变更${id}:预算${formatYuan(s.application.budgetFen)}→${formatYuan(proposal.budgetFen)}`, actor, { changeId: id, reason, proposal });
    return `变更申请${id}已提交,待街道审核`;
  },

  reviewChange(d, actor, { changeId, decision, comment }, rules) {
    const s = d.state;
    const c = s.changes.find((x) => x.id === changeId)!;
    if (decision === 'reject') {
      Object.assign(c, { status: 'rejected', decidedAt: d.iso, comment });
      d.record('reviewChange', `变更${c.id}未获批准:${comment}`, actor, { changeId, decision, comment });
      d.tellApplicant(`change-${c.id}`, `项目${d.title}变更申请未获批准`, `理由:${comment}`);
      return '变更已驳回';
    }
    c.previousReservedFen = s.reservedFen;
    d.reserve(c.proposal.budgetFen, true);
    if (needsDistrictApproval(c.proposal.budgetFen, rules.districtApprovalThresholdFen)) {
      c.status = 'district_review';
      d.record('reviewChange', `街道同意变更${c.id},报区委组织部审批`, actor, { changeId, decision, comment });
      return '街道同意,待区委组织部审批';
    }
    applyChange(d, c.id, comment);
    d.record('reviewChange', `变更${c.id}已批准`, actor, { changeId, decision, comment });
    return '变更已批准';
  },

  decideChangeApproval(d, actor, { changeId, decision, comment }) {
    const c = d.state.changes.find((x) => x.id === changeId)!;
    if (decision === 'reject') {
      d.reserve(c.previousReservedFen, false);
      Object.assign(c, { status: 'rejected', decidedAt: d.iso, comment });
      d.record('decideChangeApproval', `区委组织部不同意变更${c.id}:${comment}`, actor, { changeId, decision, comment });
      d.tellApplicant(`change-${c.id}`, `项目${d.title}变更申请未获批准`, `理由:${comment}`);
      return '变更已驳回';
    }
    applyChange(d, c.id, comment);
    d.record('decideChangeApproval', `区委组织部批准变更${c.id}`, actor, { changeId, decision, comment });
    return '变更已批准';
  },

  suspendProject(d, actor, { reason }) {
    d.state.suspended = { reason, at: d.iso, byId: actor.personId };
    d.record('suspendProject', `项目暂停:${reason}`, actor, { reason });
    d.tellApplicant(`suspend-${d.state.eventSeq}`, `项目${d.title}已暂停`, `理由:${reason}`);
    return '项目已暂停';
  },

  resumeProject(d, actor, { comment }) {
    d.state.suspended = null;
    d.record('resumeProject', `项目恢复${comment ? `:${comment}` : ''}`, actor, { comment });
    d.tellApplicant(`resume-${d.state.eventSeq}`, `项目${d.title}已恢复`, comment || '请继续实施。');
    return '项目已恢复';
  },

  terminateProject(d, actor, { reason }) {
    const s = d.state;
    d.reserve(s.paidFen, false);
    s.suspended = null;
    close(d, 'terminated', reason);
    d.record('terminateProject', `项目终止:${reason};未拨付预算已释放`, actor, { reason, paidFen: s.paidFen });
    d.tellApplicant('terminate', `项目${d.title}已终止`, `理由:${reason}`);
    return `项目已终止,释放预留资金${formatYuan(Math.max(0, s.application.budgetFen - s.paidFen))}`;
  },

  submitCompletionReport(d, actor, { summary, evidence }) {
    const a = d.state.acceptance!;
    a.reports.push({ at: d.iso, kind: 'completion', summary, evidence });
    a.step = 'inspection';
    d.record('submitCompletionReport', '提交结项报告', actor, { summary, evidence });
    return '结项报告已提交,待街道验收';
  },

  scoreAcceptance(d, actor, { scores, comment }, rules) {
    const s = d.state;
    const a = s.acceptance!;
    const result = rateScores(rules.criteria, scores, rules.ratingThresholds);
    const round = a.inspections.length + 1;
    a.inspections.push({ round, at: d.iso, byId: actor.personId, scores, totalCentiPoints: result.totalCentiPoints, rating: result.rating, comment });
    const points = (result.totalCentiPoints / 100).toFixed(2);
    d.record('scoreAcceptance', `验收评分${points}分,等次${RATING_LABELS[result.rating]}`, actor, { scores, comment, ...result });
    d.tellApplicant(`inspection-${round}`, `项目${d.title}验收结果:${RATING_LABELS[result.rating]}`, `得分${points}。${comment}`);
    if (isPassingRating(result.rating)) {
      a.rating = result.rating;
      if (s.application.finalPaymentFen > 0) {
        a.step = 'final_payment';
        requestDisbursement(d, 'final', 'final', s.application.finalPaymentFen, null);
      } else {
        a.step = 'done';
        startReward(d);
      }
      return `验收通过(${RATING_LABELS[result.rating]})`;
    }
    const rectified = a.reports.some((r) => r.kind === 'rectification');
    if (!rectified) {
      a.step = 'rectification';
      d.record('openRectification', `验收不合格,进入整改期(${rules.dueWorkingDays.submitRectification}个工作日)`, SYSTEM);
      return '验收不合格,请在整改期内整改';
    }
    a.rating = 'fail';
    a.step = 'done';
    d.reserve(s.paidFen, false);
    close(d, 'failed', '整改后复验仍不合格,尾款不予拨付');
    d.record('closeFailed', '整改后复验仍不合格,尾款不予拨付,释放未拨付预算', SYSTEM);
    return '复验仍不合格,项目以不合格结项';
  },

  submitRectification(d, actor, { summary, evidence }) {
    const a = d.state.acceptance!;
    a.reports.push({ at: d.iso, kind: 'rectification', summary, evidence });
    a.step = 'inspection';
    d.record('submitRectification', '提交整改报告,待复验', actor, { summary, evidence });
    return '整改报告已提交,待街道复验';
  },

  proposeReward(d, actor, { amountFen, recognition, comment }) {
    const r = d.state.reward!;
    Object.assign(r, { proposedFen: amountFen, recognition: recognition || null, proposalComment: comment || null, step: 'confirming' });
    d.record('proposeReward', `提出奖补建议:${formatYuan(amountFen)}${recognition ? `,${recognition}` : ''}`, actor, { amountFen, recognition, comment });
    return '奖补建议已提交,待区委组织部确认';
  },

  confirmReward(d, actor, { decision, amountFen, comment }) {
    const r = d.state.reward!;
    if (decision === 'return') {
      Object.assign(r, { step: 'proposing', round: r.round + 1, decisionComment: comment });
      d.record('confirmReward', `区委组织部退回奖补建议:${comment}`, actor, { decision, comment });
      return '奖补建议已退回街道';
    }
    const confirmed = amountFen ?? r.proposedFen ?? 0;
    Object.assign(r, { confirmedFen: confirmed, decisionComment: comment || null });
    d.record('confirmReward', `区委组织部确认奖补${formatYuan(confirmed)}`, actor, { decision, amountFen: confirmed, comment });
    d.tellApplicant('reward', `项目${d.title}奖补已确认`, `${formatYuan(confirmed)}${r.recognition ? `,${r.recognition}` : ''}`);
    if (confirmed > 0) {
      r.step = 'paying';
      requestDisbursement(d, 'reward', 'reward', confirmed, null);
      return '奖补已确认,待财政拨付';
    }
    r.step = 'done';
    close(d, 'completed', '项目完成');
    d.record('complete', '项目完成', SYSTEM);
    return '项目完成';
  },
};

// ---- what a person may do ------------------------------------------------------

/**
 * What `actor` may do now, with the step each applies to: tasked actions per
 * open step (its reference as input), the others (withdraw, object, change,
 * suspend, …) with a neutral input.
 */
export function availableActionRefs(state: ProjectState, actor: Actor): { action: ProjectAction; ref: Record<string, string | number> }[] {
  if (!state?.pending) return [];
  const out: { action: ProjectAction; ref: Record<string, string | number> }[] = [];
  const neutral = { reason: '-', content: '-', comment: '-', proposal: { budgetFen: 0, finalPaymentFen: 0, milestones: [] } } as unknown;
  for (const action of PROJECT_ACTIONS) {
    const steps = state.pending.filter((p) => p.action === action || (action === 'returnDisbursement' && p.action === 'releaseFunds'));
    const inputs = steps.length > 0 ? steps.map((p) => p.ref) : [{}];
    for (const ref of inputs) {
      const input = { ...(neutral as object), ...ref } as ActionInputs[ProjectAction];
      if (!actionRefusal(state, action, actor, input)) out.push({ action, ref });
    }
  }
  return out;
}

// ---- the process's own steps ---------------------------------------------------

/** The first step: the application as submitted (the street's review opens with it). */
function submitted(state: ProjectState, applicant: { id: string; name: string }, now: Date): ProjectStep {
  const d = new Draft(state, now);
  d.record('submitApplication', `${applicant.name}提交立项申请,预算${formatYuan(state.application.budgetFen)}`, { personId: applicant.id, displayName: applicant.name, grants: [] }, {
    budgetFen: state.application.budgetFen,
  });
  return d.step();
}

/** The next instant the project's clock has something to do (the 公示 end, a reminder, an escalation); null: nothing. */
function nextWake(state: ProjectState, now: Date): number | null {
  const times: number[] = [];
  // Past the end with objections open, the notice waits for the answers, not for a timer.
  if (state.stage === 'notice' && state.notice && now.getTime() < Date.parse(state.notice.endsAt)) times.push(Date.parse(state.notice.endsAt));
  for (const p of state.pending) {
    if (state.suspended) continue;
    if (p.dueAt && !p.remindedAt) times.push(Date.parse(p.dueAt));
    else if (p.escalateAt && !p.escalatedAt) times.push(Date.parse(p.escalateAt));
  }
  return times.length ? Math.min(...times) : null;
}

/** What the clock does at `now`: ends the 公示, reminds of overdue steps, escalates them. Null when nothing is due. */
function tick(state: ProjectState, now: Date): ProjectStep | null {
  const d = new Draft(state, now);
  const s = d.state;
  let changed = false;
  if (s.stage === 'notice') {
    maybeEndNotice(d);
    changed ||= s.stage !== 'notice';
  }
  if (!s.suspended) {
    for (const p of s.pending) {
      if (p.dueAt && !p.remindedAt && now.getTime() >= Date.parse(p.dueAt)) {
        p.remindedAt = d.iso;
        changed = true;
        const m = typeof p.ref.milestoneSeq === 'number' && p.action === 'reportMilestone' ? s.milestones.find((x) => x.seq === p.ref.milestoneSeq) : undefined;
        if (m && !m.overdueSince) m.overdueSince = d.iso;
        d.record('remind', `已逾期提醒:${p.title}`, SYSTEM, { key: p.key, dueAt: p.dueAt });
        d.effects.notifications.push({ event: `remind-${p.key}`, to: { role: p.role, unitId: p.unitId }, kind: 'project.overdue', title: `逾期提醒:${p.title}`, body: `该事项已于${p.dueAt.slice(0, 10)}到期,请尽快处理。` });
      }
      if (p.escalateAt && p.remindedAt && !p.escalatedAt && now.getTime() >= Date.parse(p.escalateAt)) {
        p.escalatedAt = d.iso;
        changed = true;
        const target = escalationTarget(p.role);
        const unitId = target === 'street_office' ? s.street.id : s.district.id;
        d.record('escalate', `逾期未办,已上报${target === 'street_office' ? '街道' : '区委组织部'}督办:${p.title}`, SYSTEM, { key: p.key, to: target });
        d.effects.notifications.push({ event: `escalate-${p.key}`, to: { role: target, unitId }, kind: 'project.escalation', title: `督办:${p.title}`, body: `${s.community.name}的事项逾期未办(到期日${p.dueAt?.slice(0, 10)}),请督促办理。` });
      }
    }
  }
  return changed ? d.step() : null;
}

/** What the project's clock does by itself: end the 公示, remind of an overdue step, escalate it. */
export type ProjectSystemAction = 'endNotice' | 'remind' | 'escalate';

/**
 * The moments the project waits for by itself (the kit's `deadlines`), the
 * same ones `nextWake` finds: the 公示 end once every objection is answered
 * (with one open, the answer ends it), and per open step its reminder at the
 * due date, then its escalation. A suspended project waits for none of its
 * steps. Keys carry the instant: a step reminded, then due again, is a new
 * occurrence.
 */
function deadlines(state: ProjectState): Deadline<ProjectSystemAction>[] {
  const out: Deadline<ProjectSystemAction>[] = [];
  if (isClosedStage(state.stage)) return out;
  if (state.stage === 'notice' && state.notice && state.objections.every((o) => o.answeredAt)) {
    out.push({ key: `notice:end@${state.notice.endsAt}`, at: state.notice.endsAt, action: 'endNotice' });
  }
  if (state.suspended) return out;
  for (const p of state.pending) {
    if (p.dueAt && !p.remindedAt) out.push({ key: `${p.key}:remind@${p.dueAt}`, at: p.dueAt, action: 'remind' });
    else if (p.escalateAt && p.remindedAt && !p.escalatedAt) out.push({ key: `${p.key}:escalate@${p.escalateAt}`, at: p.escalateAt, action: 'escalate' });
  }
  return out;
}

/** A passed deadline: the clock's step at `now` (everything due by then), or the state as it was when nothing is due any more. */
function onDeadline(state: ProjectState, _deadline: Deadline<ProjectSystemAction>, now: Date): ProjectStep {
  return tick(state, now) ?? new Draft(state, now).step(false);
}

// ---- folding in what the host found out ------------------------------------------

/** Folds the answers to a step's needs in: the 公示 starts with its end, a payment takes its voucher and time. */
function settle(step: ProjectStep, answers: ProjectAnswers, now: Date): ProjectStep {
  if (step.effects.noticeWorkingDays === null && !answers.payment) return step;
  const d = new Draft(step.state, now);
  Object.assign(d.effects, step.effects, { timeline: [...step.effects.timeline], notifications: [...step.effects.notifications] });
  d.message = step.message;
  const s = d.state;
  if (step.effects.noticeWorkingDays !== null) {
    const endsAt = answers.noticeEndsAt;
    if (!endsAt) throw new Error('settle: the 公示 end was not given');
    s.stage = 'notice';
    s.approvalStep = null;
    s.notice = { startsAt: d.iso, endsAt };
    d.record('startNotice', `立项公示开始,至${endsAt.slice(0, 10)}结束`, SYSTEM, { endsAt });
    d.tellApplicant(`notice-${s.reviewRound}`, `项目${d.title}已批准立项并进入公示`, `公示期${step.effects.noticeWorkingDays}个工作日。`);
  }
  const paid = step.effects.payment;
  if (paid && answers.payment) {
    // A payable paid before (a repeated request) answers with its first payment: that voucher is the one on record.
    const { voucherNo, releasedAt } = answers.payment;
    const x = s.disbursements.find((r) => r.id === paid.disbursementId)!;
    x.voucherNo = voucherNo;
    x.decidedAt = releasedAt;
    d.effects.timeline = d.effects.timeline.map((e) => (e.action === 'releaseFunds' ? { ...e, summary: releaseSummary(x, voucherNo), data: { ...e.data, voucherNo } } : e));
    d.effects.notifications = d.effects.notifications.map((n) => (n.event === `release-${x.id}` ? { ...n, body: releaseNotice(x, voucherNo) } : n));
  }
  return d.step(false);
}

/** The inbox steps the state calls for that are not open yet, with what their due dates are counted from. */
function deadlinesNeeded(state: ProjectState, rules: ProjectRules): DeadlineItem[] {
  const known = new Set(state.pending.map((p) => p.key));
  return derivePendingSteps(state)
    .filter((s) => !known.has(s.key))
    .map((s) => ({ key: s.key, ...(s.dueDate ? { date: s.dueDate } : { workingDays: rules.dueWorkingDays[s.action as keyof typeof rules.dueWorkingDays] ?? 5 }) }));
}

/**
 * Brings the open steps in line with the state: new ones open with their due
 * dates (and a notice to their role), vanished ones close — done when the
 * step's own action closed them, cancelled otherwise.
 */
function openTasks(step: ProjectStep, deadlines: readonly TaskDeadline[]): ProjectStep {
  const state = JSON.parse(JSON.stringify(step.state)) as ProjectState;
  const steps = derivePendingSteps(state);
  const keys = new Set(steps.map((s) => s.key));
  const vanished = state.pending.filter((p) => !keys.has(p.key));
  const action = step.effects.completes?.action ?? null;
  const done = vanished.filter((p) => p.action === action || (action === 'returnDisbursement' && p.action === 'releaseFunds')).map((p) => p.key);
  const cancelled = vanished.filter((p) => !done.includes(p.key)).map((p) => p.key);
  const known = new Set(state.pending.map((p) => p.key));
  const byKey = new Map(deadlines.map((x) => [x.key, x]));
  const opened: PendingAction[] = steps
    .filter((s) => !known.has(s.key))
    .map((s) => ({
      key: s.key,
      action: s.action,
      title: s.title,
      role: s.role,
      unitId: s.unitId,
      ref: s.ref,
      dueAt: byKey.get(s.key)?.dueAt ?? null,
      escalateAt: byKey.get(s.key)?.escalateAt ?? null,
      remindedAt: null,
      escalatedAt: null,
    }));
  const notifications = opened.map((p) => ({
    event: `task-${p.key}`,
    to: { role: p.role, unitId: p.unitId },
    kind: 'project.task',
    title: `待办:${p.title}`,
    body: `请在${p.dueAt ? p.dueAt.slice(0, 10) : '规定时间'}前处理。`,
  }));
  state.pending = [...state.pending.filter((p) => keys.has(p.key)), ...opened];
  return {
    ...step,
    state,
    effects: { ...step.effects, notifications: [...step.effects.notifications, ...notifications], inbox: { opened, done, cancelled } },
  };
}

/**
 * 退回 from the district's approval to the street's review: the review opens
 * again as a new round (its own task key, its notice to the street office by
 * `openTasks`); nothing else of the application changes. Never once money
 * was paid: a payment is not undone by going back.
 */
function sendBack(state: ProjectState, actor: Actor, from: ProjectAction, to: ProjectAction, reason: string, now: Date, rules: ProjectRules): ProjectStep | Refusal {
  const access = actionRefusal(state, from, actor, { decision: 'return', comment: reason } as never) ?? inputRefusal(state, from, { decision: 'return', comment: reason } as never, rules);
  if (access) return access;
  if (state.paidFen > 0 || state.rewardPaidFen > 0) return { code: 'SEND_BACK_AFTER_PAYMENT', message: '项目已有拨付,不能退回到之前的步骤。' };
  const d = new Draft(state, now);
  const s = d.state;
  s.approvalStep = 'street_review';
  s.reviewRound += 1;
  // Its own task is done (by the district), not cancelled.
  d.effects.completes = { action: from, personId: actor.personId };
  d.record('sendBack', `${PROJECT_ACTION_SPECS[from].label}退回至「${PROJECT_ACTION_SPECS[to].label}」:${reason}`, actor, { from, to, reason });
  d.message = `已退回街道重新审核(第${s.reviewRound}轮)`;
  return d.step();
}

// ---- the machine -----------------------------------------------------------------

export interface ProjectMachine extends TimedMachine<ProjectState, ActionInputs, ProjectSystemAction, ProjectEffects> {
  submitted: typeof submitted;
  tick: typeof tick;
  nextWake: typeof nextWake;
  settle: typeof settle;
  deadlinesNeeded(state: ProjectState): DeadlineItem[];
  openTasks: typeof openTasks;
  /** Working days after a missed due date before a step escalates. */
  escalateAfterWorkingDays: number;
}

const LABELS = Object.fromEntries(PROJECT_ACTIONS.map((a) => [a, PROJECT_ACTION_SPECS[a].label])) as Record<ProjectAction, string>;

/** The project machine under the rules a project started with (they travel in its workflow input). */
export function projectMachine(rules: ProjectRules): ProjectMachine {
  return {
    process: 'project',
    actions: PROJECT_ACTIONS,
    labels: LABELS,
    refusal: (state, actor, action, input): Refusal | null => actionRefusal(state, action, actor, input) ?? inputRefusal(state, action, input, rules),
    apply(state, actor, action, input, now) {
      const d = new Draft(state, now);
      d.effects.completes = { action, personId: actor.personId };
      d.message = (HANDLERS[action] as Handler<typeof action>)(d, actor, input, rules);
      return d.step();
    },
    pendingTasks: (state) =>
      state.pending.map((p) => ({ key: p.key, action: p.action as ProjectAction, title: p.title, role: p.role, unitId: p.unitId, assigneeId: null, dueAt: p.dueAt })),
    availableActions: (state, actor) => [...new Set(availableActionRefs(state, actor).map((a) => a.action))],
    // 退回: the district sends an application back to the street's review (domain/kit/send-back-targets.ts).
    sendBackTargets: PROJECT_SEND_BACK_TARGETS,
    sendBack: (state, actor, from, to, reason, now) => sendBack(state, actor, from, to, reason, now, rules),
    deadlines,
    onDeadline,
    finished: (state) => isClosedStage(state.stage),
    submitted,
    tick,
    nextWake,
    settle,
    deadlinesNeeded: (state) => deadlinesNeeded(state, rules),
    openTasks,
    escalateAfterWorkingDays: rules.escalateAfterWorkingDays,
  };
}
