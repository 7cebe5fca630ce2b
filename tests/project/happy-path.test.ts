// The whole happy path through the API: application → street approval →
// 公示 → milestones paid → completion report → 优秀 → final payment →
// reward proposed, confirmed and paid. Ledger, inbox, timeline and the
// reports are checked along the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, apply, freshYear, ok, openTasks, payMilestone, project, SCORES, toImplementation, U } from './fixtures';
import { startProjectPlatform, waitFor, type ProjectPlatform } from './support';

let p: ProjectPlatform;
beforeAll(async () => {
  p = await startProjectPlatform();
});
afterAll(async () => {
  await p?.stop();
});

describe('党建项目 happy path', () => {
  it('runs from application to a paid reward, with an exact ledger', async () => {
    const year = freshYear();
    const id = await apply(p, { year, amounts: [1_000_000, 1_000_001], finalFen: 500_000 });

    // 立项: the street office has the review in its inbox, with a due date.
    // (the workflow opens the task a moment after the 201)
    const tasks = await waitFor(async () => { const t = await openTasks(p, id); return t.length > 0 && t; });
    expect(tasks.map((t) => [t.action, t.role, t.unitId])).toEqual([['reviewApplication', 'street_office', 'qindu-renmin']]);
    expect(tasks[0].dueAt).not.toBeNull();
    let body = await project(p, id);
    expect(body).toMatchObject({ stage: 'approval', step: 'street_review', budgetFen: 2_500_001, reservedFen: 0 });
    // Each person is offered what they may do now.
    expect(body.availableActions.map((a: any) => a.action)).toEqual(['reviewApplication']);
    expect((await project(p, id, U.community)).availableActions.map((a: any) => a.action)).toEqual(['withdrawApplication']);
    expect((await project(p, id, U.finance)).availableActions).toEqual([]);

    await ok(p, U.street, id, 'reviewApplication', { decision: 'approve', comment: '同意立项' });
    body = await project(p, id);
    expect(body).toMatchObject({ stage: 'notice', reservedFen: 2_500_001 });
    const reservation = await p.prisma.projectReservation.findUnique({ where: { projectId: id } });
    expect(reservation).toMatchObject({ communityId: 'qindu-renmin-furong', year, amountFen: 2_500_001 });

    // 公示 runs 5 working days, then implementation starts by itself.
    await p.advanceTime(3 * 86_400_000);
    expect((await project(p, id)).stage).toBe('notice');
    body = await toImplementationAfterNotice(id);
    expect(body.pendingActions.map((a: any) => a.action)).toEqual(['reportMilestone', 'reportMilestone']);

    expect((await project(p, id, U.community)).availableActions).toEqual(
      expect.arrayContaining([{ action: 'reportMilestone', ref: { milestoneSeq: 1 } }, { action: 'reportMilestone', ref: { milestoneSeq: 2 } }, { action: 'requestChange', ref: {} }]),
    );
    await payMilestone(p, id, 1);
    await payMilestone(p, id, 2);
    body = await project(p, id);
    expect(body).toMatchObject({ stage: 'acceptance', paidFen: 2_000_001 });
    // 3:3:4 split of each release; lines sum exactly to the payment.
    const [first, second] = body.ledger.payments;
    expect(first.lines.map((l: any) => l.amountFen)).toEqual([300_000, 300_000, 400_000]);
    expect(second.lines.map((l: any) => l.amountFen)).toEqual([300_000, 300_000, 400_001]);
    // In the cost sharing's order (市级, 区级, 街道), whatever order the table gives: a rewritten row moves to its end.
    await p.prisma.$executeRaw`UPDATE "ProjectLedgerLine" SET label = label WHERE "paymentId" = ${first.id} AND party = 'city'`;
    expect((await project(p, id)).ledger.payments[0].lines.map((l: any) => l.party)).toEqual(['city', 'district', 'street']);

    await ok(p, U.community, id, 'submitCompletionReport', { summary: '项目完成,群众满意', evidence: ['结项报告.pdf'] });
    await ok(p, U.street, id, 'scoreAcceptance', { scores: SCORES(95), comment: '成效显著' });
    body = await project(p, id);
    expect(body).toMatchObject({ stage: 'acceptance', rating: 'excellent', ratingLabel: '优秀' });

    // Final payment (尾款) only after the pass.
    const finalRequest = body.state.disbursements.find((d: any) => d.kind === 'final');
    expect(finalRequest).toMatchObject({ amountFen: 500_000, status: 'requested' });
    const queue = await p.get(U.finance, '/api/projects/disbursements');
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: any) => i.projectId === id);
    expect(item).toMatchObject({ kind: 'final', amountFen: 500_000 });
    expect(item.split.map((l: any) => l.amountFen)).toEqual([150_000, 150_000, 200_000]);
    await ok(p, U.finance, id, 'releaseFunds', { disbursementId: finalRequest.id, voucherNo: 'CZ-2026-0003' });

    // 激励: street proposes, district confirms, finance pays.
    body = await project(p, id);
    expect(body.stage).toBe('reward');
    await ok(p, U.street, id, 'proposeReward', { amountFen: 2_000_000, recognition: '优秀党建项目', comment: '以奖代补' });
    await ok(p, U.district, id, 'confirmReward', { decision: 'confirm', comment: '同意' });
    const reward = (await project(p, id)).state.disbursements.find((d: any) => d.kind === 'reward');
    await ok(p, U.finance, id, 'releaseFunds', { disbursementId: reward.id, voucherNo: 'CZ-2026-0004' });

    body = await project(p, id);
    expect(body).toMatchObject({ stage: 'completed', paidFen: 2_500_001, rewardPaidFen: 2_000_000, pendingActions: [] });
    expect(body.ledger.totalPaidFen).toBe(4_500_001);
    // 财务拨付's 已拨付: what was released, with its voucher and when, the latest first; no longer in the queue.
    const released = await p.get(U.finance, '/api/projects/disbursements?status=released&limit=500');
    expect(released.status).toBe(200);
    const mine = released.body.items.filter((i: any) => i.projectId === id);
    expect(mine.map((i: any) => i.kind)).toEqual(['reward', 'final', 'milestone', 'milestone']);
    expect(mine.slice(0, 2).map((i: any) => i.voucherNo)).toEqual(['CZ-2026-0004', 'CZ-2026-0003']);
    const decided = mine.map((i: any) => Date.parse(i.decidedAt));
    expect(decided).toEqual([...decided].sort((a, b) => b - a));
    expect(released.body.total).toBeGreaterThanOrEqual(4);
    expect((await p.get(U.finance, '/api/projects/disbursements')).body.items.filter((i: any) => i.projectId === id)).toEqual([]);
    // Paged: a page of one, and past the end an empty page that still says the total.
    const onePage = await p.get(U.finance, '/api/projects/disbursements?status=released&limit=1');
    // (Other files release meanwhile on the same database: totals only grow.)
    expect(onePage.body.items).toHaveLength(1);
    expect(onePage.body.total).toBeGreaterThanOrEqual(released.body.total);
    const past = await p.get(U.finance, `/api/projects/disbursements?status=released&limit=10&offset=${released.body.total + 10}`);
    expect(past.body).toMatchObject({ items: [], total: expect.any(Number) });
    expect(past.body.total).toBeGreaterThanOrEqual(released.body.total);
    expect(body.ledger.byParty.reduce((s: number, l: any) => s + l.amountFen, 0)).toBe(4_500_001);
    expect(await openTasks(p, id)).toEqual([]);
    // Every step is on the timeline, with who did it.
    const labels = body.timeline.map((e: any) => e.action);
    expect(labels).toEqual(expect.arrayContaining(['submitApplication', 'reviewApplication', 'startNotice', 'startImplementation', 'releaseFunds', 'scoreAcceptance', 'confirmReward', 'complete']));
    expect(body.timeline.find((e: any) => e.action === 'reviewApplication').actorName).toBeTruthy();

    // Nothing more can happen to a completed project.
    const late = await act(p, U.finance, id, 'releaseFunds', { disbursementId: reward.id, voucherNo: 'again' });
    expect(late.status).toBe(409);

    // The applicant was told about decisions (notification jobs on the queue).
    const jobs = await p.queues.notifications.getJobs(['waiting', 'delayed', 'completed', 'failed', 'active']);
    const applicant = await p.prisma.person.findUniqueOrThrow({ where: { username: U.community } });
    const told = jobs.filter((j) => j.data.recipientId === applicant.id && j.data.link === `/projects/${id}`);
    expect(told.length).toBeGreaterThanOrEqual(5);

    // Lists and the supervision report see it.
    const list = await p.get(U.district, `/api/projects?year=${year}&stage=completed`);
    expect(list.body.items.map((i: any) => i.id)).toEqual([id]);
    const now = p.now();
    const q = Math.floor(new Date(now.getTime() + 8 * 3600_000).getUTCMonth() / 3) + 1;
    const qYear = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
    const report = await p.get(U.district, `/api/projects/supervision?streetId=qindu-renmin&year=${qYear}&quarter=${q}`);
    expect(report.status).toBe(200);
    expect(report.body.funds.releasedFen).toBeGreaterThanOrEqual(4_500_001);
    expect(report.body.ratings.counts.excellent).toBeGreaterThanOrEqual(1);
  });
});

async function toImplementationAfterNotice(id: string) {
  await p.advanceTime(7 * 86_400_000);
  const body = await project(p, id);
  expect(body.stage).toBe('implementation');
  return body;
}
void toImplementation;
