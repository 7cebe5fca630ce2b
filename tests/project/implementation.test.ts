// 实施 and 验收 through the API: milestone rejection, finance returning a
// request, overdue reminders then escalation, change requests re-approved,
// suspension, and 不合格 → 整改 → 复验.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, apply, dateIn, ok, payMilestone, project, SCORES, toImplementation, U } from './fixtures';
import { DAY, startProjectPlatform, waitFor, type ProjectPlatform } from './support';

let p: ProjectPlatform;
beforeAll(async () => {
  p = await startProjectPlatform();
});
afterAll(async () => {
  await p?.stop();
});

const person = (username: string) => p.prisma.person.findUniqueOrThrow({ where: { username } });

describe('实施节点', () => {
  it('a rejected milestone is reported again, then verified and paid once', async () => {
    const id = await apply(p);
    await toImplementation(p, id);
    await ok(p, U.community, id, 'reportMilestone', { milestoneSeq: 1, summary: '已完成', evidence: [] });
    expect((await act(p, U.street, id, 'verifyMilestone', { milestoneSeq: 1, decision: 'reject' })).body.code).toBe('BUSINESS_RULE');
    await ok(p, U.street, id, 'verifyMilestone', { milestoneSeq: 1, decision: 'reject', comment: '缺少验收照片' });
    let body = await project(p, id);
    expect(body.state.milestones[0]).toMatchObject({ status: 'pending', rejections: 1 });
    expect(body.state.disbursements).toEqual([]);
    expect(body.pendingActions.map((a: any) => a.key)).toContain('report-1-2');

    await payMilestone(p, id, 1);
    body = await project(p, id);
    expect(body.state.milestones[0].status).toBe('paid');
    expect(body.ledger.payments).toHaveLength(1);
    expect(body.paidFen).toBe(1_000_000);
  });

  it('finance returns a request with a reason; the street resubmits and it is paid once', async () => {
    const id = await apply(p);
    await toImplementation(p, id);
    await ok(p, U.community, id, 'reportMilestone', { milestoneSeq: 1, summary: '已完成', evidence: ['发票.pdf'] });
    await ok(p, U.street, id, 'verifyMilestone', { milestoneSeq: 1, decision: 'verify' });
    expect((await act(p, U.finance, id, 'returnDisbursement', { disbursementId: 'd1', reason: '' })).status).toBe(400);
    await ok(p, U.finance, id, 'returnDisbursement', { disbursementId: 'd1', reason: '发票抬头有误' });
    let body = await project(p, id);
    expect(body.state.disbursements[0]).toMatchObject({ status: 'returned', returnReason: '发票抬头有误' });
    expect(body.pendingActions.map((a: any) => [a.action, a.role])).toEqual(expect.arrayContaining([['resubmitDisbursement', 'street_office']]));
    expect((await act(p, U.finance, id, 'releaseFunds', { disbursementId: 'd1', voucherNo: 'V1' })).status).toBe(409);

    await ok(p, U.street, id, 'resubmitDisbursement', { disbursementId: 'd1', note: '已更正发票' });
    body = await project(p, id);
    expect(body.state.disbursements[1]).toMatchObject({ id: 'd2', attempt: 2, payableKey: 'milestone-1', status: 'requested' });
    await ok(p, U.finance, id, 'releaseFunds', { disbursementId: 'd2', voucherNo: 'CZ-0002' });
    body = await project(p, id);
    expect(body.ledger.payments.map((x: any) => [x.disbursementId, x.amountFen, x.voucherNo])).toEqual([['d2', 1_000_000, 'CZ-0002']]);
  });

  it('an overdue milestone reminds the community, then escalates to the street office', async () => {
    const id = await apply(p, { dueInDays: 20 });
    await toImplementation(p, id); // 10 days in; milestone 1 is due 20 days after applying
    const community = await person(U.community);
    const street = await person(U.street);

    await p.advanceTime(11 * DAY);
    let body = await project(p, id);
    expect(body.overdue).toBe(true);
    expect(body.escalated).toBe(false);
    expect(body.timeline.map((e: any) => e.action)).toContain('remind');
    await waitFor(() => p.prisma.notification.findFirst({ where: { recipientId: community.id, kind: 'project.overdue', link: `/projects/${id}` } }));
    expect((await p.get(U.street, '/api/projects?overdue=true')).body.items.map((i: any) => i.id)).toContain(id);

    // 3 working days later the street office is asked to supervise (督办).
    await p.advanceTime(5 * DAY);
    body = await project(p, id);
    expect(body.escalated).toBe(true);
    expect(body.timeline.map((e: any) => e.action)).toContain('escalate');
    await waitFor(() => p.prisma.notification.findFirst({ where: { recipientId: street.id, kind: 'project.escalation', link: `/projects/${id}` } }));

    // The supervision report of the quarter lists the overdue milestone.
    const due = new Date(`${body.state.milestones[0].overdueSince}`);
    const local = new Date(due.getTime() + 8 * 3600_000);
    const report = await p.get(U.district, `/api/projects/supervision?streetId=qindu-renmin&year=${local.getUTCFullYear()}&quarter=${Math.floor(local.getUTCMonth() / 3) + 1}`);
    expect(report.status).toBe(200);
    expect(report.body.overdueMilestones.some((m: any) => m.projectId === id && m.seq === 1)).toBe(true);

    // Reporting late still works.
    await payMilestone(p, id, 1);
  });

  it('a change of budget needs re-approval (by the district above the threshold)', async () => {
    const id = await apply(p);
    await toImplementation(p, id);
    await payMilestone(p, id, 1);
    const proposal = {
      budgetFen: 6_500_000,
      finalPaymentFen: 500_000,
      milestones: [
        { title: '第1阶段', amountFen: 1_000_000, dueDate: (await project(p, id)).state.milestones[0].dueDate },
        { title: '第2阶段(扩大范围)', amountFen: 5_000_000, dueDate: dateIn(p, 90) },
      ],
    };
    // A paid milestone cannot be changed.
    const tampered = { ...proposal, budgetFen: 6_400_000, milestones: [{ ...proposal.milestones[0], amountFen: 900_000 }, proposal.milestones[1]] };
    expect((await act(p, U.community, id, 'requestChange', { reason: '扩大范围', proposal: tampered })).body.code).toBe('BUSINESS_RULE');

    await ok(p, U.community, id, 'requestChange', { reason: '居民要求扩大改造范围', proposal });
    expect((await act(p, U.community, id, 'requestChange', { reason: '再次', proposal })).body.code).toBe('CONFLICT');
    await ok(p, U.street, id, 'reviewChange', { changeId: 'c1', decision: 'approve' });
    let body = await project(p, id);
    expect(body.state.changes[0].status).toBe('district_review');
    expect(body.budgetFen).toBe(2_500_001);
    await ok(p, U.district, id, 'decideChangeApproval', { changeId: 'c1', decision: 'approve', comment: '同意' });
    body = await project(p, id);
    expect(body).toMatchObject({ budgetFen: 6_500_000, reservedFen: 6_500_000, paidFen: 1_000_000 });
    expect(body.state.milestones.map((m: any) => [m.title, m.amountFen, m.status])).toEqual([
      ['第1阶段', 1_000_000, 'paid'],
      ['第2阶段(扩大范围)', 5_000_000, 'pending'],
    ]);
  });

  it('a suspended project takes no reports until resumed', async () => {
    const id = await apply(p);
    await toImplementation(p, id);
    await ok(p, U.street, id, 'suspendProject', { reason: '施工安全检查' });
    const refused = await act(p, U.community, id, 'reportMilestone', { milestoneSeq: 1, summary: 'x', evidence: [] });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('WRONG_STAGE');
    expect((await project(p, id)).suspended).toBe(true);
    await ok(p, U.district, id, 'resumeProject', { comment: '检查通过' });
    await ok(p, U.community, id, 'reportMilestone', { milestoneSeq: 1, summary: '完成', evidence: [] });
  });
});

describe('验收', () => {
  it('不合格 opens one rectification; the re-inspection passes and only then the final payment is made', async () => {
    const id = await apply(p, { amounts: [1_000_000], finalFen: 300_000 });
    await toImplementation(p, id);
    await payMilestone(p, id, 1);
    await ok(p, U.community, id, 'submitCompletionReport', { summary: '完成', evidence: [] });
    await ok(p, U.street, id, 'scoreAcceptance', { scores: SCORES(50), comment: '台账不全' });
    let body = await project(p, id);
    expect(body).toMatchObject({ stage: 'acceptance', step: 'rectification', rating: null });
    expect(body.state.disbursements.some((d: any) => d.kind === 'final')).toBe(false);
    expect(body.pendingActions.map((a: any) => a.action)).toEqual(['submitRectification']);
    expect(body.pendingActions[0].dueAt).not.toBeNull();

    await ok(p, U.community, id, 'submitRectification', { summary: '已补齐台账', evidence: ['台账.pdf'] });
    await ok(p, U.street, id, 'scoreAcceptance', { scores: { goals: 70, funds: 70, satisfaction: 70, records: 60 }, comment: '整改到位' });
    body = await project(p, id);
    expect(body).toMatchObject({ rating: 'pass', ratingLabel: '合格', step: 'final_payment' });
    const final = body.state.disbursements.find((d: any) => d.kind === 'final');
    await ok(p, U.finance, id, 'releaseFunds', { disbursementId: final.id, voucherNo: 'CZ-F' });
    body = await project(p, id);
    expect(body).toMatchObject({ stage: 'reward', paidFen: 1_300_000 });
    // 合格 suggests no reward; the district confirms none and the project completes.
    await ok(p, U.street, id, 'proposeReward', { amountFen: 0, comment: '合格,不予奖补' });
    await ok(p, U.district, id, 'confirmReward', { decision: 'confirm' });
    expect((await project(p, id)).stage).toBe('completed');
  });

  it('failing the re-inspection closes the project without the final payment and frees it', async () => {
    const id = await apply(p, { amounts: [1_000_000], finalFen: 300_000 });
    await toImplementation(p, id);
    await payMilestone(p, id, 1);
    await ok(p, U.community, id, 'submitCompletionReport', { summary: '完成', evidence: [] });
    await ok(p, U.street, id, 'scoreAcceptance', { scores: SCORES(40) });
    await ok(p, U.community, id, 'submitRectification', { summary: '整改', evidence: [] });
    await ok(p, U.street, id, 'scoreAcceptance', { scores: SCORES(45), comment: '仍不合格' });
    const body = await project(p, id);
    expect(body).toMatchObject({ stage: 'failed', rating: 'fail', paidFen: 1_000_000, reservedFen: 1_000_000 });
    expect(body.ledger.payments).toHaveLength(1);
  });
});
