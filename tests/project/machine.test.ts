// The project machine in the kit's shape, without any server: every action
// is a pure step (the state it was given is untouched), what a step needs
// from outside (a reservation, the 公示 end, a payment, due dates) is named in
// its effects and folded back in by settle/openTasks, and the clock's steps
// (公示 end, reminders, escalation) are pure too.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access';
import type { ProjectApplication } from '../../domain/project/application';
import { DEFAULT_COST_SHARING } from '../../domain/project/cost-sharing';
import { projectMachine, type ProjectStep, type TaskDeadline } from '../../domain/project/machine';
import { DEFAULT_PROJECT_RULES } from '../../domain/project/rules';
import { initialProjectState, type ProjectState } from '../../domain/project/state';

const m = projectMachine(DEFAULT_PROJECT_RULES);
const actor = (personId: string, role: Actor['grants'][number]['role'], unitPath: string): Actor => ({
  personId,
  displayName: personId,
  grants: [{ role, unitId: unitPath.split('/').at(-2)!, unitPath }],
});
const community = actor('cm', 'community', 'd/s/c1/');
const street = actor('st', 'street_office', 'd/s/');
const otherStreet = actor('os', 'street_office', 'd/s2/');
const district = actor('dt', 'district_org', 'd/');
const finance = actor('fi', 'finance', 'd/');
const rep = actor('rp', 'resident_rep', 'd/s/c1/');

const t0 = new Date('2026-03-02T01:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(t0.getTime() + days * DAY);

const app = (over: Partial<ProjectApplication> = {}): ProjectApplication => ({
  title: '红色物业共建',
  category: 'community_service',
  goals: '改善小区环境',
  budgetFen: 2_500_000,
  finalPaymentFen: 500_000,
  milestones: [
    { title: '方案与采购', amountFen: 1_000_000, dueDate: '2026-03-31' },
    { title: '施工完成', amountFen: 1_000_000, dueDate: '2026-06-30' },
  ],
  costSharing: [...DEFAULT_COST_SHARING],
  ...over,
});

/** Due dates as the host would answer them: N days after now for working days, the end of a planned date. */
function answer(items: ReturnType<typeof m.deadlinesNeeded>, now: Date): TaskDeadline[] {
  return items.map((i) => {
    const due = i.date ? new Date(`${i.date}T15:59:59.999Z`) : new Date(now.getTime() + (i.workingDays ?? 0) * DAY);
    return { key: i.key, dueAt: due.toISOString(), escalateAt: new Date(due.getTime() + 3 * DAY).toISOString() };
  });
}

/** A step carried through as the workflow does: settled with the answers, then its inbox steps opened. */
function carry(step: ProjectStep, now: Date, answers: Parameters<typeof m.settle>[1] = {}): ProjectStep {
  const settled = m.settle(step, answers, now);
  return m.openTasks(settled, answer(m.deadlinesNeeded(settled.state), now));
}

function submitted(over: Partial<ProjectApplication> = {}): ProjectState {
  const s = initialProjectState({
    projectId: 'p1',
    workflowId: 'project-p1',
    year: 2026,
    community: { id: 'c1', path: 'd/s/c1/', name: '芙蓉社区' },
    street: { id: 's', path: 'd/s/', name: '人民路街道' },
    district: { id: 'd', path: 'd/', name: '秦都区' },
    applicantId: 'cm',
    application: app(over),
  });
  return carry(m.submitted(s, { id: 'cm', name: '芙蓉社区' }, t0), t0).state;
}

/** Through the street's approval and the 公示 (its end answered as 7 days on). */
function inImplementation(): ProjectState {
  const approved = carry(m.apply(submitted(), street, 'reviewApplication', { decision: 'approve', comment: '' }, at(1)), at(1), { noticeEndsAt: at(8).toISOString() });
  const ended = m.tick(approved.state, at(8))!;
  return carry(ended, at(8)).state;
}

describe('project machine (process kit)', () => {
  it('names every action as a camelCase verb with a label', () => {
    expect(m.process).toBe('project');
    for (const a of m.actions) {
      expect(a).toMatch(/^[a-z]+(?:[A-Z][a-z]+)+$/);
      expect(m.labels[a]).toBeTruthy();
    }
  });

  it('opens the street review when the application is submitted, with its due date and a notice to the street', () => {
    const s = submitted();
    expect(s.version).toBe(1);
    expect(m.pendingTasks(s).map((t) => [t.key, t.action, t.role, t.unitId])).toEqual([['review-1', 'reviewApplication', 'street_office', 's']]);
    expect(s.pending[0]).toMatchObject({ dueAt: at(5).toISOString(), escalateAt: at(8).toISOString() });
    const first = m.openTasks(m.submitted(initialProjectState({ ...s, applicantId: 'cm' }), { id: 'cm', name: '芙蓉社区' }, t0), answer(m.deadlinesNeeded(initialProjectState({ ...s, applicantId: 'cm' })), t0));
    expect(first.effects.timeline.map((e) => [e.action, e.actorId])).toEqual([['submitApplication', 'cm']]);
    expect(first.effects.notifications).toEqual([expect.objectContaining({ event: 'task-review-1', to: { role: 'street_office', unitId: 's' }, kind: 'project.task' })]);
  });

  it('refuses by access and scope before the stage, and checks the input', () => {
    const s = submitted();
    expect(m.refusal(s, community, 'reviewApplication', { decision: 'approve', comment: '' }, at(1))?.code).toBe('FORBIDDEN_ROLE');
    expect(m.refusal(s, otherStreet, 'reviewApplication', { decision: 'approve', comment: '' }, at(1))?.code).toBe('FORBIDDEN_SCOPE');
    expect(m.refusal(s, street, 'verifyMilestone', { milestoneSeq: 1, decision: 'verify', comment: '' }, at(1))?.code).toBe('WRONG_STAGE');
    // Rejecting needs a reason: the rule, not the stage.
    expect(m.refusal(s, street, 'reviewApplication', { decision: 'reject', comment: ' ' }, at(1))?.code).toBe('BUSINESS_RULE');
    expect(m.refusal(s, street, 'reviewApplication', { decision: 'approve', comment: '' }, at(1))).toBeNull();
  });

  it('approves without touching the state it was given: asks for the reservation and the 公示 end, then starts the 公示', () => {
    const s = submitted();
    const before = JSON.stringify(s);
    const step = m.apply(s, street, 'reviewApplication', { decision: 'approve', comment: '同意' }, at(1));
    expect(JSON.stringify(s)).toBe(before);
    expect(step.message).toBe('审核通过,项目进入公示');
    expect(step.effects).toMatchObject({ reservation: { targetFen: 2_500_000, enforceCap: true }, noticeWorkingDays: 5, payment: null });
    expect(step.state).toMatchObject({ version: 2, reservedFen: 2_500_000 });

    const done = carry(step, at(1), { noticeEndsAt: at(8).toISOString() });
    expect(done.state).toMatchObject({ stage: 'notice', approvalStep: null, notice: { startsAt: at(1).toISOString(), endsAt: at(8).toISOString() } });
    expect(done.effects.timeline.map((e) => [e.action, e.stage])).toEqual([['reviewApplication', 'approval'], ['startNotice', 'notice']]);
    expect(done.effects.timeline[1]!.summary).toBe(`立项公示开始,至${at(8).toISOString().slice(0, 10)}结束`);
    // The street's own task is done by its action; the applicant hears of the 公示.
    expect(done.effects.inbox).toEqual({ opened: [], done: ['review-1'], cancelled: [] });
    expect(done.effects.notifications).toEqual([expect.objectContaining({ event: 'notice-1', to: { personIds: ['cm'] }, kind: 'project.decision' })]);
    expect(m.pendingTasks(done.state)).toEqual([]);
  });

  it('sends a budget above the threshold to the district, and a district refusal frees the reservation', () => {
    const s = submitted({ budgetFen: 6_000_001, milestones: [{ title: '一期', amountFen: 6_000_000, dueDate: '2026-06-30' }], finalPaymentFen: 1 });
    const street1 = carry(m.apply(s, street, 'reviewApplication', { decision: 'approve', comment: '' }, at(1)), at(1));
    expect(street1.effects.noticeWorkingDays).toBeNull();
    expect(street1.state).toMatchObject({ stage: 'approval', approvalStep: 'district_review', reservedFen: 6_000_001 });
    expect(street1.effects.inbox.opened.map((p) => [p.action, p.role, p.unitId])).toEqual([['decideDistrictApproval', 'district_org', 'd']]);
    expect(m.availableActions(street1.state, district, at(1))).toEqual(['decideDistrictApproval']);
    expect(m.availableActions(street1.state, street, at(1))).toEqual(expect.not.arrayContaining(['decideDistrictApproval']));

    const refused = carry(m.apply(street1.state, district, 'decideDistrictApproval', { decision: 'reject', comment: '年度资金另有安排' }, at(2)), at(2));
    expect(refused.effects.reservation).toEqual({ targetFen: 0, enforceCap: false });
    expect(refused.state).toMatchObject({ stage: 'rejected', reservedFen: 0, closedReason: '年度资金另有安排' });
    expect(refused.effects.inbox.done).toEqual(['district-1']);
  });

  it('keeps the 公示 open past its end until every objection is answered, then starts implementation by itself', () => {
    const approved = carry(m.apply(submitted(), street, 'reviewApplication', { decision: 'approve', comment: '' }, at(1)), at(1), { noticeEndsAt: at(8).toISOString() });
    expect(m.nextWake(approved.state, at(1))).toBe(at(8).getTime());
    const objected = carry(m.apply(approved.state, rep, 'raiseObjection', { content: '施工扰民' }, at(2)), at(2));
    expect(objected.effects.inbox.opened.map((p) => p.key)).toEqual(['objection-o1']);
    // At the end the open objection holds the 公示; its answer, overdue by then, is chased instead.
    const atEnd = m.tick(objected.state, at(8))!;
    expect(atEnd.state.stage).toBe('notice');
    expect(atEnd.effects.timeline.map((e) => e.action)).toEqual(['remind', 'escalate']);

    const answered = carry(m.apply(objected.state, street, 'answerObjection', { objectionId: 'o1', answer: '白天施工', upheld: false }, at(9)), at(9));
    expect(answered.state.stage).toBe('implementation');
    expect(answered.effects.timeline.map((e) => e.action)).toEqual(['answerObjection', 'startImplementation']);
    // The milestone reports open with their planned dates as due dates.
    expect(answered.effects.inbox.opened.map((p) => [p.key, p.dueAt])).toEqual([
      ['report-1-1', '2026-03-31T15:59:59.999Z'],
      ['report-2-1', '2026-06-30T15:59:59.999Z'],
    ]);
    expect(answered.effects.notifications.map((n) => n.event)).toEqual(['objection-o1-answer', 'implementation', 'task-report-1-1', 'task-report-2-1']);
  });

  it('an upheld objection sends the project back for revision and frees the reservation', () => {
    const approved = carry(m.apply(submitted(), street, 'reviewApplication', { decision: 'approve', comment: '' }, at(1)), at(1), { noticeEndsAt: at(8).toISOString() });
    const objected = carry(m.apply(approved.state, rep, 'raiseObjection', { content: '选址不合理' }, at(2)), at(2));
    const upheld = carry(m.apply(objected.state, street, 'answerObjection', { objectionId: 'o1', answer: '请调整选址', upheld: true }, at(3)), at(3));
    expect(upheld.effects.reservation).toEqual({ targetFen: 0, enforceCap: false });
    expect(upheld.state).toMatchObject({ stage: 'approval', approvalStep: 'revision', revisionCount: 1, notice: null, reservedFen: 0 });
    expect(upheld.effects.inbox.opened.map((p) => [p.key, p.role])).toEqual([['revise-1', 'community']]);
  });

  it('releases funds by asking for a payment split by the cost-sharing parties; the payment answers the voucher and time', () => {
    let s = inImplementation();
    for (const seq of [1, 2]) {
      s = carry(m.apply(s, community, 'reportMilestone', { milestoneSeq: seq, summary: '完成', evidence: [] }, at(10)), at(10)).state;
      const verified = carry(m.apply(s, street, 'verifyMilestone', { milestoneSeq: seq, decision: 'verify', comment: '' }, at(11)), at(11));
      const request = verified.state.disbursements.at(-1)!;
      expect(verified.effects.inbox.opened.map((p) => [p.action, p.role])).toEqual([['releaseFunds', 'finance']]);
      const release = m.apply(verified.state, finance, 'releaseFunds', { disbursementId: request.id, voucherNo: `V${seq}` }, at(12));
      expect(release.effects.payment).toEqual({
        disbursementId: request.id,
        payableKey: `milestone-${seq}`,
        kind: 'milestone',
        amountFen: 1_000_000,
        voucherNo: `V${seq}`,
        releasedById: 'fi',
        lines: [
          expect.objectContaining({ amountFen: 300_000 }),
          expect.objectContaining({ amountFen: 300_000 }),
          expect.objectContaining({ amountFen: 400_000 }),
        ],
      });
      // A payable paid before (a repeated request) answers with the first voucher: that is the one kept.
      const paid = carry(release, at(12), { payment: { voucherNo: `V${seq}-first`, releasedAt: at(11.5).toISOString() } });
      s = paid.state;
      expect(s.disbursements.find((d) => d.id === request.id)).toMatchObject({ status: 'released', voucherNo: `V${seq}-first`, decidedAt: at(11.5).toISOString() });
      expect(paid.effects.timeline[0]).toMatchObject({ action: 'releaseFunds', summary: `财政拨付${request.id}:10,000.00元,凭证号V${seq}-first`, data: { voucherNo: `V${seq}-first` } });
      expect(paid.effects.notifications.find((n) => n.event === `release-${request.id}`)?.body).toBe(`10,000.00元,凭证号V${seq}-first。`);
    }
    // The last milestone paid: acceptance, with the completion report waiting for the community.
    expect(s).toMatchObject({ stage: 'acceptance', paidFen: 2_000_000 });
    expect(m.pendingTasks(s).map((t) => [t.action, t.role])).toEqual([['submitCompletionReport', 'community']]);
  });

  it('reminds of an overdue step once, then escalates it to the supervising unit; a suspended project waits', () => {
    const s = submitted();
    expect(m.nextWake(s, t0)).toBe(at(5).getTime());
    expect(m.tick(s, at(4))).toBeNull();
    const reminded = carry(m.tick(s, at(5))!, at(5));
    expect(reminded.effects.timeline.map((e) => e.action)).toEqual(['remind']);
    expect(reminded.effects.notifications).toEqual([expect.objectContaining({ event: 'remind-review-1', to: { role: 'street_office', unitId: 's' }, kind: 'project.overdue' })]);
    expect(m.tick(reminded.state, at(6))).toBeNull();
    expect(m.nextWake(reminded.state, at(6))).toBe(at(8).getTime());
    const escalated = carry(m.tick(reminded.state, at(8))!, at(8));
    expect(escalated.effects.notifications).toEqual([expect.objectContaining({ event: 'escalate-review-1', to: { role: 'district_org', unitId: 'd' }, kind: 'project.escalation' })]);
    expect(escalated.state.pending[0]).toMatchObject({ remindedAt: at(5).toISOString(), escalatedAt: at(8).toISOString() });
    expect(m.nextWake(escalated.state, at(8))).toBeNull();

    // Suspended: no clock at all until resumed.
    const running = inImplementation();
    const suspended = carry(m.apply(running, street, 'suspendProject', { reason: '安全检查' }, at(9)), at(9)).state;
    expect(m.nextWake(suspended, at(9))).toBeNull();
    expect(m.tick(suspended, at(60))).toBeNull();
    expect(m.refusal(suspended, community, 'reportMilestone', { milestoneSeq: 1, summary: 'x', evidence: [] }, at(9))?.code).toBe('WRONG_STAGE');
  });

  it('declares its clock as the kit\'s deadlines: the 公示 end once objections are answered, each step\'s reminder then its escalation; none while suspended', () => {
    // Submitted: the street's review is reminded at its due date.
    const s = submitted();
    expect(m.deadlines(s)).toEqual([{ key: `review-1:remind@${at(5).toISOString()}`, at: at(5).toISOString(), action: 'remind' }]);
    expect(m.finished(s)).toBe(false);
    // A deadline passed: the same step the clock's tick takes, escalation declared next.
    const reminded = carry(m.onDeadline(s, m.deadlines(s)[0]!, at(5)), at(5));
    expect(reminded.state.version).toBe(s.version + 1);
    expect(reminded.effects.timeline.map((e) => e.action)).toEqual(['remind']);
    expect(m.deadlines(reminded.state)).toEqual([{ key: `review-1:escalate@${at(8).toISOString()}`, at: at(8).toISOString(), action: 'escalate' }]);
    const escalated = carry(m.onDeadline(reminded.state, m.deadlines(reminded.state)[0]!, at(8)), at(8));
    expect(escalated.effects.timeline.map((e) => e.action)).toEqual(['escalate']);
    expect(m.deadlines(escalated.state)).toEqual([]);
    // A deadline met meanwhile: the step changes nothing and keeps the version (the runner saves nothing).
    const early = m.onDeadline(s, m.deadlines(s)[0]!, at(4));
    expect(early.state.version).toBe(s.version);
    expect(early.effects.timeline).toEqual([]);

    // In the 公示: its end is a deadline; an open objection takes it away (its answer ends the 公示) and brings its own.
    const approved = carry(m.apply(submitted(), street, 'reviewApplication', { decision: 'approve', comment: '' }, at(1)), at(1), { noticeEndsAt: at(8).toISOString() });
    expect(m.deadlines(approved.state)).toEqual([{ key: `notice:end@${at(8).toISOString()}`, at: at(8).toISOString(), action: 'endNotice' }]);
    const objected = carry(m.apply(approved.state, rep, 'raiseObjection', { content: '施工扰民' }, at(2)), at(2));
    expect(m.deadlines(objected.state).map((d) => d.action)).toEqual(['remind']);
    const ended = carry(m.onDeadline(approved.state, m.deadlines(approved.state)[0]!, at(8)), at(8));
    expect(ended.state.stage).toBe('implementation');
    expect(m.deadlines(ended.state).map((d) => d.key)).toEqual(['report-1-1:remind@2026-03-31T15:59:59.999Z', 'report-2-1:remind@2026-06-30T15:59:59.999Z']);

    // Suspended: nothing to wait for by itself; closed: finished.
    const suspended = carry(m.apply(ended.state, street, 'suspendProject', { reason: '安全检查' }, at(9)), at(9)).state;
    expect(m.deadlines(suspended)).toEqual([]);
    expect(m.finished(suspended)).toBe(false);
    const terminated = carry(m.apply(ended.state, district, 'terminateProject', { reason: '无法继续实施' }, at(9)), at(9)).state;
    expect(m.finished(terminated)).toBe(true);
    expect(m.deadlines(terminated)).toEqual([]);
  });

  it('terminates: the reservation drops to what was paid, an open release request is cancelled', () => {
    let s = inImplementation();
    s = carry(m.apply(s, community, 'reportMilestone', { milestoneSeq: 1, summary: '完成', evidence: [] }, at(10)), at(10)).state;
    s = carry(m.apply(s, street, 'verifyMilestone', { milestoneSeq: 1, decision: 'verify', comment: '' }, at(11)), at(11)).state;
    const ended = carry(m.apply(s, district, 'terminateProject', { reason: '无法继续实施' }, at(12)), at(12));
    expect(ended.effects.reservation).toEqual({ targetFen: 0, enforceCap: false });
    expect(ended.state).toMatchObject({ stage: 'terminated', closedReason: '无法继续实施' });
    expect(ended.state.disbursements.map((d) => d.status)).toEqual(['cancelled']);
    // Nobody's own task: the release, the report of milestone 2 are cancelled, not done.
    expect(ended.effects.inbox.done).toEqual([]);
    expect(ended.effects.inbox.cancelled.sort()).toEqual(['release-d1', 'report-2-1']);
    expect(m.availableActions(ended.state, district, at(13))).toEqual([]);
  });

  it('fails the project after a failed re-inspection, freeing the unpaid budget', () => {
    let s = inImplementation();
    for (const seq of [1, 2]) {
      s = carry(m.apply(s, community, 'reportMilestone', { milestoneSeq: seq, summary: '完成', evidence: [] }, at(10)), at(10)).state;
      s = carry(m.apply(s, street, 'verifyMilestone', { milestoneSeq: seq, decision: 'verify', comment: '' }, at(10)), at(10)).state;
      const id = s.disbursements.at(-1)!.id;
      s = carry(m.apply(s, finance, 'releaseFunds', { disbursementId: id, voucherNo: 'V' }, at(10)), at(10), { payment: { voucherNo: 'V', releasedAt: at(10).toISOString() } }).state;
    }
    const low = Object.fromEntries(DEFAULT_PROJECT_RULES.criteria.map((c) => [c.key, 40]));
    s = carry(m.apply(s, community, 'submitCompletionReport', { summary: '完成', evidence: [] }, at(11)), at(11)).state;
    const first = carry(m.apply(s, street, 'scoreAcceptance', { scores: low, comment: '' }, at(12)), at(12));
    expect(first.message).toBe('验收不合格,请在整改期内整改');
    expect(first.effects.inbox.opened.map((p) => p.action)).toEqual(['submitRectification']);
    s = carry(m.apply(first.state, community, 'submitRectification', { summary: '整改', evidence: [] }, at(13)), at(13)).state;
    const second = carry(m.apply(s, street, 'scoreAcceptance', { scores: low, comment: '' }, at(14)), at(14));
    expect(second.effects.reservation).toEqual({ targetFen: 2_000_000, enforceCap: false });
    expect(second.state).toMatchObject({ stage: 'failed', reservedFen: 2_000_000, acceptance: { rating: 'fail', step: 'done' } });
    expect(second.effects.timeline.map((e) => e.action)).toEqual(['scoreAcceptance', 'closeFailed']);
  });
});
