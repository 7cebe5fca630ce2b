// 党建项目化管理: one workflow per project, 立项 → 公示 → 实施 → 验收 → 激励
// (../shared/DOMAIN.md §1). The workflow is the source of truth; every step
// ends with one activity that mirrors the state into the read model, the
// inbox and the timeline. Money moves only through idempotent activities
// keyed by business keys (the payable, the project's reservation).

import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ActionCommand } from '../domain/kit/command';
import type { Activities } from '../activities';
import type { ProjectActivities, ProjectEventInput, ProjectNotification } from '../activities/project';
import type { Actor } from '../domain/access';
import { actionRefusal, PROJECT_ACTION_SPECS, PROJECT_ACTIONS, type ActionInputs, type ProjectAction } from '../domain/project/actions';
import { needsDistrictApproval } from '../domain/project/application';
import { splitByCostSharing } from '../domain/project/cost-sharing';
import { inputRefusal } from '../domain/project/input-checks';
import { formatYuan } from '../domain/project/money';
import { derivePendingSteps, escalationTarget } from '../domain/project/pending';
import { isPassingRating, RATING_LABELS, rateScores } from '../domain/project/scoring';
import type { DisbursementKind, DisbursementState, PendingAction, ProjectState } from '../domain/project/state';
import { initialProjectState, isClosedStage } from '../domain/project/state';
import {
  projectStateQuery,
  projectUpdates,
  type ProjectActionResult,
  type ProjectOutcome,
  type ProjectWorkflowInput,
} from './project-shared';
import { ACTIVITY_OPTIONS, incidentOnDataRejection, refuseOnDataRejection } from './failures';

// Unlimited attempts for what a retry can cure: a payment or a reservation
// must eventually land; the activities are idempotent, so a retry after a lost
// completion is harmless. Data the database refuses fails at once (./failures).
const acts = proxyActivities<ProjectActivities & Pick<Activities, 'openIncident'>>(ACTIVITY_OPTIONS);

/** Serialises the steps of one project: a handler and a timer step never interleave their awaits. */
class Lock {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export async function projectWorkflow(input: ProjectWorkflowInput): Promise<ProjectOutcome> {
  const { rules } = input;
  const workflowId = workflowInfo().workflowId;
  const link = `/projects/${input.projectId}`;
  const iso = () => new Date(Date.now()).toISOString();

  const state: ProjectState = initialProjectState({
    projectId: input.projectId,
    workflowId,
    year: input.year,
    community: input.community,
    street: input.street,
    district: input.district,
    applicantId: input.applicant.id,
    application: input.application,
  });

  let events: ProjectEventInput[] = [];
  let notifications: ProjectNotification[] = [];
  let dirty = false;
  const lock = new Lock();
  const title = `「${input.application.title}」`;

  function record(action: string, label: string, actor: Actor | null, data: Record<string, unknown> = {}) {
    state.eventSeq += 1;
    events.push({
      seq: state.eventSeq,
      at: iso(),
      actorId: actor?.personId ?? null,
      actorName: actor?.displayName ?? '系统',
      action,
      label,
      stage: state.stage,
      data,
    });
  }

  function tellApplicant(event: string, titleText: string, body: string) {
    notifications.push({ event, to: { personIds: [state.applicantId] }, kind: 'project.decision', title: titleText, body, link });
  }

  const fail = (code: Parameters<typeof ApplicationFailure.nonRetryable>[1], message: string) =>
    ApplicationFailure.nonRetryable(message, code);

  // ---- deadlines, inbox and read model ------------------------------------

  /** Brings the inbox in line with the state, then saves the snapshot, the timeline and notifications. */
  async function sync(actor: Actor | null = null, action: ProjectAction | null = null) {
    const steps = derivePendingSteps(state);
    const keys = new Set(steps.map((s) => s.key));
    // A step closed by the person's own action is done; others it made moot are cancelled.
    const vanished = state.pending.filter((p) => !keys.has(p.key));
    const done = vanished.filter((p) => p.action === action || (action === 'returnDisbursement' && p.action === 'releaseFunds')).map((p) => p.key);
    const cancelled = vanished.filter((p) => !done.includes(p.key)).map((p) => p.key);
    const known = new Set(state.pending.map((p) => p.key));
    const fresh = steps.filter((s) => !known.has(s.key));

    let opened: PendingAction[] = [];
    if (fresh.length > 0) {
      const deadlines = await acts.computeProjectDeadlines({
        from: iso(),
        escalateWorkingDays: rules.escalateAfterWorkingDays,
        items: fresh.map((s) => ({
          key: s.key,
          ...(s.dueDate ? { date: s.dueDate } : { workingDays: rules.dueWorkingDays[s.action as keyof typeof rules.dueWorkingDays] ?? 5 }),
        })),
      });
      const byKey = new Map(deadlines.map((d) => [d.key, d]));
      opened = fresh.map((s) => ({
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
      for (const p of opened) {
        notifications.push({
          event: `task-${p.key}`,
          to: { role: p.role, unitId: p.unitId },
          kind: 'project.task',
          title: `待办:${p.title}`,
          body: `请在${p.dueAt ? p.dueAt.slice(0, 10) : '规定时间'}前处理。`,
          link,
        });
      }
    }
    state.pending = [...state.pending.filter((p) => keys.has(p.key)), ...opened];
    state.version += 1;

    const batch = { events, notifications };
    events = [];
    notifications = [];
    const pendingBefore = state.pending.filter((p) => !opened.includes(p));
    try {
      await acts.syncProjectStep({
      workflowId,
      state: { ...state, busy: null },
      events: batch.events,
      notifications: batch.notifications,
      openTasks: opened.map((p) => ({ key: p.key, action: p.action, title: p.title, role: p.role, unitId: p.unitId, dueAt: p.dueAt })),
      doneTaskKeys: done,
      cancelTaskKeys: cancelled,
      closedById: actor?.personId ?? null,
      });
    } catch (err) {
      // Not saved: the tasks it opened do not exist, and its timeline and
      // notifications wait for the next save.
      state.pending = [...pendingBefore, ...vanished];
      events = [...batch.events, ...events];
      notifications = [...batch.notifications, ...notifications];
      throw err;
    }
  }

  const incidents = { acts, process: 'project', subjectId: input.projectId, unitId: input.community.id };
  /** A save of the process's own (start, clocks): refused data opens an incident instead of wedging the process. */
  const syncOrIncident = (step: string) => incidentOnDataRejection(incidents, step, `v${state.version}`, () => sync());

  /** Whether the running action has set the reservation (to put it back if the action is refused). */
  let reservationTouched = false;
  async function setReservation(targetFen: number, enforceCap: boolean) {
    const result = await acts.setProjectReservation({
      projectId: state.projectId,
      communityId: state.community.id,
      year: state.year,
      targetFen,
      capFen: rules.yearlyFundCapFen,
      enforceCap,
    });
    reservationTouched = true;
    if (!result.ok) throw fail('BUSINESS_RULE', result.message ?? '超出社区年度项目资金上限');
    state.reservedFen = result.reservedFen;
  }

  // ---- stage transitions ---------------------------------------------------

  async function startNotice() {
    const [end] = await acts.computeProjectDeadlines({
      from: iso(),
      escalateWorkingDays: 0,
      items: [{ key: 'notice', workingDays: rules.noticeWorkingDays }],
    });
    state.stage = 'notice';
    state.approvalStep = null;
    state.notice = { startsAt: iso(), endsAt: end.dueAt };
    record('startNotice', `立项公示开始,至${end.dueAt.slice(0, 10)}结束`, null, { endsAt: end.dueAt });
    tellApplicant(`notice-${state.reviewRound}`, `项目${title}已批准立项并进入公示`, `公示期${rules.noticeWorkingDays}个工作日。`);
  }

  function startImplementation() {
    state.stage = 'implementation';
    state.milestones = state.application.milestones.map((m, i) => ({
      ...m,
      seq: i + 1,
      status: 'pending',
      reports: [],
      rejections: 0,
      overdueSince: null,
    }));
    record('startImplementation', '公示期满无异议(或异议已答复),项目进入实施', null);
    tellApplicant('implementation', `项目${title}进入实施阶段`, '请按计划报告各实施节点的完成情况。');
  }

  function startAcceptance() {
    state.stage = 'acceptance';
    state.acceptance = { reports: [], inspections: [], step: 'report', rating: null };
    record('startAcceptance', '全部节点资金已拨付,进入验收', null);
    tellApplicant('acceptance', `项目${title}进入验收阶段`, '请提交结项报告。');
  }

  function startReward() {
    state.stage = 'reward';
    state.reward = { step: 'proposing', round: 1, proposedFen: null, recognition: null, proposalComment: null, confirmedFen: null, decisionComment: null };
    record('startReward', '验收通过,进入激励奖补', null);
  }

  function close(stage: 'completed' | 'rejected' | 'cancelled' | 'terminated' | 'failed', reason: string) {
    state.stage = stage;
    state.approvalStep = null;
    state.closedReason = reason;
    for (const d of state.disbursements) if (d.status === 'requested' || d.status === 'returned') d.status = 'cancelled';
  }

  function requestDisbursement(kind: DisbursementKind, payableKey: string, amountFen: number, milestoneSeq: number | null) {
    const attempt = state.disbursements.filter((d) => d.payableKey === payableKey).length + 1;
    const d: DisbursementState = {
      id: `d${state.disbursements.length + 1}`,
      kind,
      payableKey,
      milestoneSeq,
      amountFen,
      attempt,
      status: 'requested',
      requestedAt: iso(),
      decidedAt: null,
      voucherNo: null,
      returnReason: null,
    };
    state.disbursements.push(d);
    record('requestDisbursement', `生成拨付申请${d.id}:${formatYuan(amountFen)}`, null, { disbursementId: d.id, kind, amountFen });
    return d;
  }

  function maybeEndNotice() {
    if (state.stage !== 'notice' || !state.notice) return;
    if (Date.now() < Date.parse(state.notice.endsAt)) return;
    if (state.objections.some((o) => !o.answeredAt)) return;
    startImplementation();
  }

  // ---- action handlers -----------------------------------------------------

  type Handler<A extends ProjectAction> = (actor: Actor, input: ActionInputs[A]) => Promise<string>;
  const handlers: { [A in ProjectAction]: Handler<A> } = {
    async reviewApplication(actor, { decision, comment }) {
      state.lastDecisionReason = comment || null;
      if (decision === 'approve') {
        await setReservation(state.application.budgetFen, true);
        if (needsDistrictApproval(state.application.budgetFen, rules.districtApprovalThresholdFen)) {
          state.approvalStep = 'district_review';
          record('reviewApplication', `街道审核通过,预算${formatYuan(state.application.budgetFen)}超过限额,报区委组织部审批`, actor, { decision, comment });
          tellApplicant(`review-${state.reviewRound}`, `项目${title}街道审核通过`, '预算超过限额,已报区委组织部审批。');
          return '街道审核通过,待区委组织部审批';
        }
        record('reviewApplication', '街道审核通过', actor, { decision, comment });
        await startNotice();
        return '审核通过,项目进入公示';
      }
      if (decision === 'reject') {
        close('rejected', comment);
        record('reviewApplication', `街道驳回:${comment}`, actor, { decision, comment });
        tellApplicant(`review-${state.reviewRound}`, `项目${title}未通过街道审核`, `驳回理由:${comment}`);
        return '已驳回';
      }
      state.approvalStep = 'revision';
      state.revisionCount += 1;
      record('reviewApplication', `退回修改:${comment}`, actor, { decision, comment });
      tellApplicant(`review-${state.reviewRound}`, `项目${title}被退回修改`, `退回理由:${comment}`);
      return '已退回修改';
    },

    async resubmitApplication(actor, { application, note }) {
      state.application = application;
      state.costSharing = application.costSharing;
      state.approvalStep = 'street_review';
      state.reviewRound += 1;
      record('resubmitApplication', `第${state.revisionCount}次修改后重新提交`, actor, { note, budgetFen: application.budgetFen });
      return '已重新提交,待街道审核';
    },

    async withdrawApplication(actor, { reason }) {
      await setReservation(0, false);
      close('cancelled', reason);
      record('withdrawApplication', `申请撤回:${reason}`, actor, { reason });
      return '已撤回,预留资金已释放';
    },

    async decideDistrictApproval(actor, { decision, comment }) {
      state.lastDecisionReason = comment || null;
      if (decision === 'approve') {
        record('decideDistrictApproval', '区委组织部审批通过', actor, { decision, comment });
        await startNotice();
        return '审批通过,项目进入公示';
      }
      await setReservation(0, false);
      if (decision === 'reject') {
        close('rejected', comment);
        record('decideDistrictApproval', `区委组织部不予立项:${comment}`, actor, { decision, comment });
        tellApplicant(`district-${state.reviewRound}`, `项目${title}未获区委组织部批准`, `理由:${comment}`);
        return '已驳回';
      }
      state.approvalStep = 'revision';
      state.revisionCount += 1;
      record('decideDistrictApproval', `区委组织部退回修改:${comment}`, actor, { decision, comment });
      tellApplicant(`district-${state.reviewRound}`, `项目${title}被区委组织部退回修改`, `理由:${comment}`);
      return '已退回修改';
    },

    async raiseObjection(actor, { content }) {
      const id = `o${state.objections.length + 1}`;
      state.objections.push({ id, raisedById: actor.personId, raisedByName: actor.displayName, raisedAt: iso(), content, answer: null, upheld: null, answeredAt: null });
      record('raiseObjection', `公示期收到异议${id}`, actor, { objectionId: id, content });
      return `异议${id}已登记,待街道答复`;
    },

    async answerObjection(actor, { objectionId, answer, upheld }) {
      const o = state.objections.find((x) => x.id === objectionId)!;
      Object.assign(o, { answer, upheld, answeredAt: iso() });
      notifications.push({ event: `objection-${o.id}-answer`, to: { personIds: [o.raisedById] }, kind: 'project.objection', title: `您对项目${title}的异议已答复`, body: answer, link });
      if (upheld) {
        for (const other of state.objections) if (!other.answeredAt) Object.assign(other, { answer: '公示因其他异议成立而终止', upheld: null, answeredAt: iso() });
        await setReservation(0, false);
        state.stage = 'approval';
        state.approvalStep = 'revision';
        state.revisionCount += 1;
        state.notice = null;
        record('answerObjection', `异议${o.id}成立,项目退回修改:${answer}`, actor, { objectionId, upheld, answer });
        tellApplicant(`objection-${o.id}`, `项目${title}公示异议成立`, `项目退回修改,预留资金已释放。答复:${answer}`);
        return '异议成立,项目退回修改';
      }
      record('answerObjection', `异议${o.id}不成立,已答复`, actor, { objectionId, upheld, answer });
      maybeEndNotice();
      return '已答复异议';
    },

    async reportMilestone(actor, { milestoneSeq, summary, evidence }) {
      const m = state.milestones.find((x) => x.seq === milestoneSeq)!;
      m.status = 'reported';
      m.reports.push({ at: iso(), byId: actor.personId, summary, evidence });
      record('reportMilestone', `报告节点${m.seq}「${m.title}」完成`, actor, { milestoneSeq, summary, evidence });
      return '节点已报告,待街道核验';
    },

    async verifyMilestone(actor, { milestoneSeq, decision, comment }) {
      const m = state.milestones.find((x) => x.seq === milestoneSeq)!;
      if (decision === 'reject') {
        m.status = 'pending';
        m.rejections += 1;
        record('verifyMilestone', `节点${m.seq}核验未通过:${comment}`, actor, { milestoneSeq, decision, comment });
        tellApplicant(`verify-${m.seq}-${m.reports.length}`, `项目${title}节点「${m.title}」核验未通过`, `理由:${comment}。请补充材料后重新报告。`);
        return '核验未通过,已退回社区';
      }
      m.status = 'verified';
      record('verifyMilestone', `节点${m.seq}核验通过`, actor, { milestoneSeq, decision, comment });
      const d = requestDisbursement('milestone', `milestone-${m.seq}`, m.amountFen, m.seq);
      tellApplicant(`verify-${m.seq}-${m.reports.length}`, `项目${title}节点「${m.title}」核验通过`, `已生成拨付申请${d.id}(${formatYuan(d.amountFen)})。`);
      return `核验通过,已生成拨付申请${d.id}`;
    },

    async releaseFunds(actor, { disbursementId, voucherNo }) {
      const d = state.disbursements.find((x) => x.id === disbursementId)!;
      d.status = 'releasing';
      let payment;
      try {
        payment = await acts.recordProjectPayment({
          projectId: state.projectId,
          disbursementId: d.id,
          payableKey: d.payableKey,
          kind: d.kind,
          amountFen: d.amountFen,
          voucherNo,
          releasedById: actor.personId,
          communityId: state.community.id,
          streetId: state.street.id,
          year: state.year,
          lines: splitByCostSharing(d.amountFen, state.costSharing),
        });
      } catch (err) {
        d.status = 'requested';
        throw err;
      }
      d.status = 'released';
      d.voucherNo = payment.voucherNo;
      d.decidedAt = payment.releasedAt;
      if (d.kind === 'reward') state.rewardPaidFen += d.amountFen;
      else state.paidFen += d.amountFen;
      record('releaseFunds', `财政拨付${d.id}:${formatYuan(d.amountFen)},凭证号${payment.voucherNo}`, actor, { disbursementId, voucherNo: payment.voucherNo, amountFen: d.amountFen });
      tellApplicant(`release-${d.id}`, `项目${title}资金已拨付`, `${formatYuan(d.amountFen)},凭证号${payment.voucherNo}。`);

      if (d.kind === 'milestone') {
        state.milestones.find((m) => m.seq === d.milestoneSeq)!.status = 'paid';
        if (state.milestones.every((m) => m.status === 'paid')) startAcceptance();
      } else if (d.kind === 'final') {
        state.acceptance!.step = 'done';
        startReward();
      } else {
        state.reward!.step = 'done';
        close('completed', '项目完成,奖补已拨付');
        record('complete', '项目完成', null);
      }
      return `已拨付${formatYuan(d.amountFen)}`;
    },

    async returnDisbursement(actor, { disbursementId, reason }) {
      const d = state.disbursements.find((x) => x.id === disbursementId)!;
      d.status = 'returned';
      d.returnReason = reason;
      d.decidedAt = iso();
      record('returnDisbursement', `财政退回拨付申请${d.id}:${reason}`, actor, { disbursementId, reason });
      tellApplicant(`return-${d.id}`, `项目${title}拨付申请被退回`, `理由:${reason}`);
      return '已退回,待街道重新提交';
    },

    async resubmitDisbursement(actor, { disbursementId, note }) {
      const old = state.disbursements.find((x) => x.id === disbursementId)!;
      const d = requestDisbursement(old.kind, old.payableKey, old.amountFen, old.milestoneSeq);
      record('resubmitDisbursement', `重新提交拨付申请${d.id}(原${old.id})`, actor, { disbursementId, newId: d.id, note });
      return `已重新提交拨付申请${d.id}`;
    },

    async requestChange(actor, { reason, proposal }) {
      const id = `c${state.changes.length + 1}`;
      state.changes.push({ id, reason, proposal, status: 'street_review', requestedAt: iso(), decidedAt: null, comment: null, previousReservedFen: state.reservedFen });
      record('requestChange', `申请变更${id}:预算${formatYuan(state.application.budgetFen)}→${formatYuan(proposal.budgetFen)}`, actor, { changeId: id, reason, proposal });
      return `变更申请${id}已提交,待街道审核`;
    },

    async reviewChange(actor, { changeId, decision, comment }) {
      const c = state.changes.find((x) => x.id === changeId)!;
      if (decision === 'reject') {
        Object.assign(c, { status: 'rejected', decidedAt: iso(), comment });
        record('reviewChange', `变更${c.id}未获批准:${comment}`, actor, { changeId, decision, comment });
        tellApplicant(`change-${c.id}`, `项目${title}变更申请未获批准`, `理由:${comment}`);
        return '变更已驳回';
      }
      c.previousReservedFen = state.reservedFen;
      await setReservation(c.proposal.budgetFen, true);
      if (needsDistrictApproval(c.proposal.budgetFen, rules.districtApprovalThresholdFen)) {
        c.status = 'district_review';
        record('reviewChange', `街道同意变更${c.id},报区委组织部审批`, actor, { changeId, decision, comment });
        return '街道同意,待区委组织部审批';
      }
      applyChange(c.id, comment);
      record('reviewChange', `变更${c.id}已批准`, actor, { changeId, decision, comment });
      return '变更已批准';
    },

    async decideChangeApproval(actor, { changeId, decision, comment }) {
      const c = state.changes.find((x) => x.id === changeId)!;
      if (decision === 'reject') {
        await setReservation(c.previousReservedFen, false);
        Object.assign(c, { status: 'rejected', decidedAt: iso(), comment });
        record('decideChangeApproval', `区委组织部不同意变更${c.id}:${comment}`, actor, { changeId, decision, comment });
        tellApplicant(`change-${c.id}`, `项目${title}变更申请未获批准`, `理由:${comment}`);
        return '变更已驳回';
      }
      applyChange(c.id, comment);
      record('decideChangeApproval', `区委组织部批准变更${c.id}`, actor, { changeId, decision, comment });
      return '变更已批准';
    },

    async suspendProject(actor, { reason }) {
      state.suspended = { reason, at: iso(), byId: actor.personId };
      record('suspendProject', `项目暂停:${reason}`, actor, { reason });
      tellApplicant(`suspend-${state.eventSeq}`, `项目${title}已暂停`, `理由:${reason}`);
      return '项目已暂停';
    },

    async resumeProject(actor, { comment }) {
      state.suspended = null;
      record('resumeProject', `项目恢复${comment ? `:${comment}` : ''}`, actor, { comment });
      tellApplicant(`resume-${state.eventSeq}`, `项目${title}已恢复`, comment || '请继续实施。');
      return '项目已恢复';
    },

    async terminateProject(actor, { reason }) {
      await setReservation(state.paidFen, false);
      state.suspended = null;
      close('terminated', reason);
      record('terminateProject', `项目终止:${reason};未拨付预算已释放`, actor, { reason, paidFen: state.paidFen });
      tellApplicant('terminate', `项目${title}已终止`, `理由:${reason}`);
      return `项目已终止,释放预留资金${formatYuan(Math.max(0, state.application.budgetFen - state.paidFen))}`;
    },

    async submitCompletionReport(actor, { summary, evidence }) {
      const a = state.acceptance!;
      a.reports.push({ at: iso(), kind: 'completion', summary, evidence });
      a.step = 'inspection';
      record('submitCompletionReport', '提交结项报告', actor, { summary, evidence });
      return '结项报告已提交,待街道验收';
    },

    async scoreAcceptance(actor, { scores, comment }) {
      const a = state.acceptance!;
      const result = rateScores(rules.criteria, scores, rules.ratingThresholds);
      const round = a.inspections.length + 1;
      a.inspections.push({ round, at: iso(), byId: actor.personId, scores, totalCentiPoints: result.totalCentiPoints, rating: result.rating, comment });
      const points = (result.totalCentiPoints / 100).toFixed(2);
      record('scoreAcceptance', `验收评分${points}分,等次${RATING_LABELS[result.rating]}`, actor, { scores, comment, ...result });
      tellApplicant(`inspection-${round}`, `项目${title}验收结果:${RATING_LABELS[result.rating]}`, `得分${points}。${comment}`);
      if (isPassingRating(result.rating)) {
        a.rating = result.rating;
        if (state.application.finalPaymentFen > 0) {
          a.step = 'final_payment';
          requestDisbursement('final', 'final', state.application.finalPaymentFen, null);
        } else {
          a.step = 'done';
          startReward();
        }
        return `验收通过(${RATING_LABELS[result.rating]})`;
      }
      const rectified = a.reports.some((r) => r.kind === 'rectification');
      if (!rectified) {
        a.step = 'rectification';
        record('openRectification', `验收不合格,进入整改期(${rules.dueWorkingDays.submitRectification}个工作日)`, null);
        return '验收不合格,请在整改期内整改';
      }
      a.rating = 'fail';
      a.step = 'done';
      await setReservation(state.paidFen, false);
      close('failed', '整改后复验仍不合格,尾款不予拨付');
      record('closeFailed', '整改后复验仍不合格,尾款不予拨付,释放未拨付预算', null);
      return '复验仍不合格,项目以不合格结项';
    },

    async submitRectification(actor, { summary, evidence }) {
      const a = state.acceptance!;
      a.reports.push({ at: iso(), kind: 'rectification', summary, evidence });
      a.step = 'inspection';
      record('submitRectification', '提交整改报告,待复验', actor, { summary, evidence });
      return '整改报告已提交,待街道复验';
    },

    async proposeReward(actor, { amountFen, recognition, comment }) {
      const r = state.reward!;
      Object.assign(r, { proposedFen: amountFen, recognition: recognition || null, proposalComment: comment || null, step: 'confirming' });
      record('proposeReward', `提出奖补建议:${formatYuan(amountFen)}${recognition ? `,${recognition}` : ''}`, actor, { amountFen, recognition, comment });
      return '奖补建议已提交,待区委组织部确认';
    },

    async confirmReward(actor, { decision, amountFen, comment }) {
      const r = state.reward!;
      if (decision === 'return') {
        Object.assign(r, { step: 'proposing', round: r.round + 1, decisionComment: comment });
        record('confirmReward', `区委组织部退回奖补建议:${comment}`, actor, { decision, comment });
        return '奖补建议已退回街道';
      }
      const confirmed = amountFen ?? r.proposedFen ?? 0;
      Object.assign(r, { confirmedFen: confirmed, decisionComment: comment || null });
      record('confirmReward', `区委组织部确认奖补${formatYuan(confirmed)}`, actor, { decision, amountFen: confirmed, comment });
      tellApplicant('reward', `项目${title}奖补已确认`, `${formatYuan(confirmed)}${r.recognition ? `,${r.recognition}` : ''}`);
      if (confirmed > 0) {
        r.step = 'paying';
        requestDisbursement('reward', 'reward', confirmed, null);
        return '奖补已确认,待财政拨付';
      }
      r.step = 'done';
      close('completed', '项目完成');
      record('complete', '项目完成', null);
      return '项目完成';
    },
  };

  function applyChange(changeId: string, comment: string) {
    const c = state.changes.find((x) => x.id === changeId)!;
    Object.assign(c, { status: 'approved', decidedAt: iso(), comment });
    const kept = state.milestones.filter((m) => m.status !== 'pending');
    state.application = { ...state.application, budgetFen: c.proposal.budgetFen, finalPaymentFen: c.proposal.finalPaymentFen, milestones: c.proposal.milestones };
    state.milestones = c.proposal.milestones.map((plan, i) => {
      const old = kept.find((m) => m.seq === i + 1);
      if (old) return old;
      const prior = state.milestones.find((m) => m.seq === i + 1);
      return { ...plan, seq: i + 1, status: 'pending' as const, reports: prior?.reports ?? [], rejections: prior?.rejections ?? 0, overdueSince: null };
    });
    tellApplicant(`change-${c.id}`, `项目${title}变更已批准`, `预算调整为${formatYuan(c.proposal.budgetFen)}。`);
  }

  // ---- updates -------------------------------------------------------------

  for (const action of PROJECT_ACTIONS) {
    const label = PROJECT_ACTION_SPECS[action].label;
    setHandler(
      projectUpdates[action],
      async (envelope: ActionCommand<ActionInputs[ProjectAction]>): Promise<ProjectActionResult> => {
        state.busy = label;
        try {
          return await lock.run(async () => {
            // Checked again under the lock: another update may have moved the project meanwhile.
            const refusal = actionRefusal({ ...state, busy: null }, action, envelope.actor, envelope.input) ?? inputRefusal(state, action, envelope.input, rules);
            if (refusal) throw fail(refusal.code, refusal.message);
            const handler = handlers[action] as Handler<ProjectAction>;
            const before = { events: [...events], notifications: [...notifications] };
            reservationTouched = false;
            const message = await refuseOnDataRejection({
              state,
              label,
              run: async () => {
                const m = await handler(envelope.actor, envelope.input);
                await sync(envelope.actor, action);
                return m;
              },
              restore: () => {
                events = before.events;
                notifications = before.notifications;
              },
              compensate: async (prior) => {
                if (reservationTouched) await setReservation(prior.reservedFen, false);
              },
            });
            dirty = true;
            return { stage: state.stage, version: state.version, message };
          });
        } finally {
          state.busy = null;
        }
      },
      {
        validator: (envelope: ActionCommand<ActionInputs[ProjectAction]>) => {
          const refusal = actionRefusal(state, action, envelope.actor, envelope.input) ?? inputRefusal(state, action, envelope.input, rules);
          if (refusal) throw fail(refusal.code, refusal.message);
        },
      },
    );
  }
  setHandler(projectStateQuery, () => state);

  // ---- clocks: notice end, reminders, escalation ---------------------------

  function nextWake(): number | null {
    const times: number[] = [];
    // Past the end with objections open, the notice waits for the answers, not for a timer.
    if (state.stage === 'notice' && state.notice && Date.now() < Date.parse(state.notice.endsAt)) times.push(Date.parse(state.notice.endsAt));
    for (const p of state.pending) {
      if (state.suspended) continue;
      if (p.dueAt && !p.remindedAt) times.push(Date.parse(p.dueAt));
      else if (p.escalateAt && !p.escalatedAt) times.push(Date.parse(p.escalateAt));
    }
    return times.length ? Math.min(...times) : null;
  }

  async function onClock() {
    const now = Date.now();
    let changed = false;
    if (state.stage === 'notice') {
      const before = state.stage;
      maybeEndNotice();
      changed ||= state.stage !== before;
    }
    if (!state.suspended) {
      for (const p of state.pending) {
        if (p.dueAt && !p.remindedAt && now >= Date.parse(p.dueAt)) {
          p.remindedAt = iso();
          changed = true;
          const m = typeof p.ref.milestoneSeq === 'number' && p.action === 'reportMilestone' ? state.milestones.find((x) => x.seq === p.ref.milestoneSeq) : undefined;
          if (m && !m.overdueSince) m.overdueSince = iso();
          record('remind', `已逾期提醒:${p.title}`, null, { key: p.key, dueAt: p.dueAt });
          notifications.push({ event: `remind-${p.key}`, to: { role: p.role, unitId: p.unitId }, kind: 'project.overdue', title: `逾期提醒:${p.title}`, body: `该事项已于${p.dueAt.slice(0, 10)}到期,请尽快处理。`, link });
        }
        if (p.escalateAt && p.remindedAt && !p.escalatedAt && now >= Date.parse(p.escalateAt)) {
          p.escalatedAt = iso();
          changed = true;
          const target = escalationTarget(p.role);
          const unitId = target === 'street_office' ? state.street.id : state.district.id;
          record('escalate', `逾期未办,已上报${target === 'street_office' ? '街道' : '区委组织部'}督办:${p.title}`, null, { key: p.key, to: target });
          notifications.push({ event: `escalate-${p.key}`, to: { role: target, unitId }, kind: 'project.escalation', title: `督办:${p.title}`, body: `${state.community.name}的事项逾期未办(到期日${p.dueAt?.slice(0, 10)}),请督促办理。`, link });
        }
      }
    }
    if (changed) await syncOrIncident('处理到期提醒');
  }

  await lock.run(async () => {
    record('submitApplication', `${input.applicant.name}提交立项申请,预算${formatYuan(input.application.budgetFen)}`, { personId: input.applicant.id, displayName: input.applicant.name, grants: [] }, {
      budgetFen: input.application.budgetFen,
    });
    await syncOrIncident('保存立项申请');
  });

  while (!isClosedStage(state.stage)) {
    const wake = nextWake();
    dirty = false;
    const woken = () => dirty || isClosedStage(state.stage);
    if (wake === null) await condition(woken);
    else await condition(woken, Math.max(wake - Date.now(), 1));
    if (isClosedStage(state.stage)) break;
    await lock.run(onClock);
  }
  // Let in-flight handlers finish their sync before the workflow completes.
  await lock.run(async () => undefined);
  await condition(allHandlersFinished);

  return {
    stage: state.stage,
    paidFen: state.paidFen,
    rewardPaidFen: state.rewardPaidFen,
    rating: state.acceptance?.rating ?? null,
  };
}

