// 立项 and 公示 through the API: rejection, revision and resubmission,
// district approval above the threshold, objections, the yearly fund cap,
// withdrawal and termination freeing the reservation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, apply, applicationBody, freshYear, ok, openTasks, payMilestone, project, toImplementation, U } from './fixtures';
import { DAY, startProjectPlatform, waitFor, type ProjectPlatform } from './support';
import { localActivityTypeOf } from '../helpers/histories';
import { createProject } from '../../api/project/create-project';
import { resolveActor } from '../../api/auth/resolve-actor';
import { recordIdForKey } from '../../api/http/idempotency';

let p: ProjectPlatform;
beforeAll(async () => {
  p = await startProjectPlatform();
});
afterAll(async () => {
  await p?.stop();
});

const reservation = async (id: string) => (await p.prisma.projectReservation.findUnique({ where: { projectId: id } }))?.amountFen ?? 0;

describe('立项审批', () => {
  it('rejects with a reason and tells the applicant; the project is closed', async () => {
    const id = await apply(p);
    const noReason = await act(p, U.street, id, 'reviewApplication', { decision: 'reject' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('BUSINESS_RULE');

    await ok(p, U.street, id, 'reviewApplication', { decision: 'reject', comment: '与党建引领关联不足' });
    const body = await project(p, id);
    expect(body).toMatchObject({ stage: 'rejected', reservedFen: 0, pendingActions: [] });
    expect(body.state.closedReason).toBe('与党建引领关联不足');
    expect(await openTasks(p, id)).toEqual([]);
    const done = await p.prisma.humanTask.findFirst({ where: { workflowId: `project-${id}`, action: 'reviewApplication' } });
    expect(done?.status).toBe('done');
    const again = await act(p, U.street, id, 'reviewApplication', { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('WRONG_STAGE');
  });

  it('returns for revision; the community resubmits and the revision is counted', async () => {
    const id = await apply(p);
    await ok(p, U.street, id, 'reviewApplication', { decision: 'return', comment: '请细化经费测算' });
    let body = await project(p, id);
    expect(body).toMatchObject({ stage: 'approval', step: 'revision', revisionCount: 1 });
    expect(body.pendingActions.map((a: any) => [a.action, a.role])).toEqual([['resubmitApplication', 'community']]);

    const revised = applicationBody(p, { amounts: [800_000], finalFen: 200_000, title: '楼院微治理试点(修改稿)' });
    const { year: _y, ...application } = revised;
    await ok(p, U.community, id, 'resubmitApplication', { application, note: '已细化' });
    body = await project(p, id);
    expect(body).toMatchObject({ step: 'street_review', budgetFen: 1_000_000, title: '楼院微治理试点(修改稿)' });
    await ok(p, U.street, id, 'reviewApplication', { decision: 'approve' });
    body = await project(p, id);
    expect(body).toMatchObject({ stage: 'notice', reservedFen: 1_000_000, revisionCount: 1 });
  });

  it("reserves the budget in the approval's own save: no step of its own, no activity task to wait for", async () => {
    const id = await apply(p);
    await ok(p, U.street, id, 'reviewApplication', { decision: 'approve' });
    expect(await reservation(id)).toBe(2_500_001);
    const events = (await p.base.client.workflow.getHandle(`project-${id}`).fetchHistory()).events ?? [];
    expect(events.filter((e) => localActivityTypeOf(e) === 'setProjectReservation')).toEqual([]);
    // The application's save, then the approval's.
    expect(events.filter((e) => localActivityTypeOf(e) === 'syncProjectStep')).toHaveLength(2);
    expect(events.filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
  });

  it('needs district_org approval above the threshold; a refusal frees the reservation', async () => {
    const id = await apply(p, { amounts: [3_000_000, 3_000_000], finalFen: 1 });
    await ok(p, U.street, id, 'reviewApplication', { decision: 'approve' });
    let body = await project(p, id);
    expect(body).toMatchObject({ stage: 'approval', step: 'district_review', reservedFen: 6_000_001 });
    expect(body.pendingActions.map((a: any) => [a.action, a.role, a.unitId])).toEqual([['decideDistrictApproval', 'district_org', 'qindu']]);
    // The street cannot take the district's decision.
    expect((await act(p, U.street, id, 'decideDistrictApproval', { decision: 'approve' })).body.code).toBe('FORBIDDEN_ROLE');
    await ok(p, U.district, id, 'decideDistrictApproval', { decision: 'approve', comment: '同意' });
    expect((await project(p, id)).stage).toBe('notice');

    const refused = await apply(p, { amounts: [6_000_000], finalFen: 0 });
    await ok(p, U.street, refused, 'reviewApplication', { decision: 'approve' });
    expect(await reservation(refused)).toBe(6_000_000);
    await ok(p, U.district, refused, 'decideDistrictApproval', { decision: 'reject', comment: '年度资金另有安排' });
    body = await project(p, refused);
    expect(body).toMatchObject({ stage: 'rejected', reservedFen: 0 });
    expect(await reservation(refused)).toBe(0);
  });

  it('keeps 公示 open until an objection is answered, then starts implementation', async () => {
    const id = await apply(p);
    await ok(p, U.street, id, 'reviewApplication', { decision: 'approve' });
    const raised = await ok(p, U.rep, id, 'raiseObjection', { content: '施工时间影响居民休息' });
    expect(raised.message).toContain('o1');
    // A grid worker of the community may object too; a sibling community's representative may not.
    await ok(p, U.grid, id, 'raiseObjection', { content: '请公开采购明细' });
    // (A sibling community's representative cannot read the project: for them it does not exist.)
    expect((await act(p, U.siblingRep, id, 'raiseObjection', { content: 'x' })).body.code).toBe('NOT_FOUND');

    await p.advanceTime(10 * DAY);
    let body = await project(p, id);
    expect(body.stage).toBe('notice');
    expect(body.pendingActions.map((a: any) => a.action)).toEqual(['answerObjection', 'answerObjection']);

    await ok(p, U.street, id, 'answerObjection', { objectionId: 'o1', answer: '施工安排在白天', upheld: false });
    expect((await project(p, id)).stage).toBe('notice');
    await ok(p, U.street, id, 'answerObjection', { objectionId: 'o2', answer: '采购明细已在公示栏公开', upheld: false });
    body = await project(p, id);
    expect(body.stage).toBe('implementation');
    expect(body.state.objections.every((o: any) => o.answeredAt)).toBe(true);
    expect((await act(p, U.street, id, 'answerObjection', { objectionId: 'o1', answer: '再答', upheld: false })).status).toBe(409);
  });

  it('an upheld objection sends the project back for revision and frees the reservation', async () => {
    const id = await apply(p);
    await ok(p, U.street, id, 'reviewApplication', { decision: 'approve' });
    expect(await reservation(id)).toBe(2_500_001);
    await ok(p, U.rep, id, 'raiseObjection', { content: '选址不合理' });
    await ok(p, U.street, id, 'answerObjection', { objectionId: 'o1', answer: '异议成立,请调整选址', upheld: true });
    const body = await project(p, id);
    expect(body).toMatchObject({ stage: 'approval', step: 'revision', reservedFen: 0 });
    expect(await reservation(id)).toBe(0);
  });
});

describe('审批时限', () => {
  it('an unreviewed application reminds the street office, then escalates to the district', async () => {
    const id = await apply(p);
    const street = await p.prisma.person.findUniqueOrThrow({ where: { username: U.street } });
    const district = await p.prisma.person.findUniqueOrThrow({ where: { username: U.district } });
    const task = await waitFor(async () => (await openTasks(p, id))[0]);
    const dueAt = task.dueAt!.getTime();
    await p.advanceTime(dueAt - p.now().getTime() + 1000);
    let body = await project(p, id);
    expect(body).toMatchObject({ overdue: true, escalated: false });
    await waitFor(() => p.prisma.notification.findFirst({ where: { recipientId: street.id, kind: 'project.overdue', link: `/projects/${id}` } }));
    await p.advanceTime(5 * DAY);
    body = await project(p, id);
    expect(body.escalated).toBe(true);
    expect(body.pendingActions[0]).toMatchObject({ action: 'reviewApplication', overdue: true, escalated: true });
    await waitFor(() => p.prisma.notification.findFirst({ where: { recipientId: district.id, kind: 'project.escalation', link: `/projects/${id}` } }));
    // Acting late still works and closes the task.
    await ok(p, U.street, id, 'reviewApplication', { decision: 'approve' });
    expect((await project(p, id)).stage).toBe('notice');
  });
});

describe('社区年度资金上限', () => {
  it('refuses a budget that would exceed the cap, at application and at approval', async () => {
    const year = freshYear();
    const first = await apply(p, { year, amounts: [15_000_000], finalFen: 0 });
    await ok(p, U.street, first, 'reviewApplication', { decision: 'approve' });

    // 150,000 reserved of 200,000: 60,000 more is refused when applying…
    const tooMuch = await p.post(U.community, '/api/projects', applicationBody(p, { year, amounts: [6_000_000], finalFen: 0 }));
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('FUND_CAP_EXCEEDED');
    expect(tooMuch.body.detail).toContain('超出社区年度项目资金上限');

    // …and two applications that each fit alone cannot both be approved.
    const a = await apply(p, { year, amounts: [3_000_000], finalFen: 0 });
    const b = await apply(p, { year, amounts: [3_000_000], finalFen: 0 });
    await ok(p, U.street, a, 'reviewApplication', { decision: 'approve' });
    const refused = await act(p, U.street, b, 'reviewApplication', { decision: 'approve' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('FUND_CAP_EXCEEDED');
    expect(refused.body.detail).toContain('超出社区年度项目资金上限');
    const body = await project(p, b);
    expect(body).toMatchObject({ stage: 'approval', step: 'street_review', reservedFen: 0 });
    const fund = await p.prisma.projectFundYear.findUniqueOrThrow({ where: { communityId_year: { communityId: 'qindu-renmin-furong', year } } });
    expect(fund.reservedFen).toBe(18_000_000);

    // Withdrawing frees the reservation, after which the other one fits.
    await ok(p, U.community, a, 'withdrawApplication', { reason: '调整计划' });
    expect((await project(p, a)).stage).toBe('cancelled');
    await ok(p, U.street, b, 'reviewApplication', { decision: 'approve' });
    expect(await reservation(b)).toBe(3_000_000);
  });

  it('approves exactly one of two applications that each fit alone when both are approved at the same moment', async () => {
    const year = freshYear();
    await ok(p, U.street, await apply(p, { year, amounts: [15_000_000], finalFen: 0 }), 'reviewApplication', { decision: 'approve' });
    const a = await apply(p, { year, amounts: [3_000_000], finalFen: 0 });
    const b = await apply(p, { year, amounts: [3_000_000], finalFen: 0 });
    const answers = await Promise.all([a, b].map((id) => act(p, U.street, id, 'reviewApplication', { decision: 'approve' })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 422]);
    const [won, lost] = answers[0]!.status === 200 ? [a, b] : [b, a];
    expect(answers.find((r) => r.status === 422)!.body).toMatchObject({ code: 'FUND_CAP_EXCEEDED', detail: expect.stringContaining('超出社区年度项目资金上限') });
    // The refused approval left nothing: its project, its reservation and its inbox step are as before.
    expect(await project(p, won)).toMatchObject({ stage: 'notice', reservedFen: 3_000_000 });
    expect(await project(p, lost)).toMatchObject({ stage: 'approval', step: 'street_review', reservedFen: 0 });
    expect(await reservation(lost)).toBe(0);
    expect((await openTasks(p, lost)).map((t) => t.action)).toEqual(['reviewApplication']);
    const fund = await p.prisma.projectFundYear.findUniqueOrThrow({ where: { communityId_year: { communityId: 'qindu-renmin-furong', year } } });
    expect(fund.reservedFen).toBe(18_000_000);
  });
});

describe('终止', () => {
  it('terminates with a reason, keeps what was paid and frees the rest of the reservation', async () => {
    const year = freshYear();
    const id = await apply(p, { year });
    await toImplementation(p, id);
    await payMilestone(p, id, 1);
    await ok(p, U.community, id, 'reportMilestone', { milestoneSeq: 2, summary: '完成', evidence: [] });
    await ok(p, U.street, id, 'verifyMilestone', { milestoneSeq: 2, decision: 'verify' });
    expect((await act(p, U.street, id, 'terminateProject', { reason: '' })).status).toBe(400);
    await ok(p, U.street, id, 'terminateProject', { reason: '居民意见较大,无法继续实施' });

    const body = await project(p, id);
    expect(body).toMatchObject({ stage: 'terminated', paidFen: 1_000_000, reservedFen: 1_000_000 });
    expect(body.state.disbursements.find((d: any) => d.milestoneSeq === 2).status).toBe('cancelled');
    const fund = await p.prisma.projectFundYear.findUniqueOrThrow({ where: { communityId_year: { communityId: 'qindu-renmin-furong', year } } });
    expect(fund.reservedFen).toBe(1_000_000);
    await waitFor(async () => (await openTasks(p, id)).length === 0);
    const release = await p.prisma.humanTask.findFirstOrThrow({ where: { workflowId: `project-${id}`, action: 'releaseFunds', key: 'release-d2' } });
    expect(release.status).toBe('cancelled');
    const queue = await p.get(U.finance, '/api/projects/disbursements');
    expect(queue.body.items.some((i: any) => i.projectId === id)).toBe(false);
  });

  it('an application resent with its Idempotency-Key is one project: after a lost answer, and after dying between its row and its workflow', async () => {
    const person = await p.prisma.person.findUniqueOrThrow({ where: { username: U.community } });
    const lost = applicationBody(p, { title: `重发申报-${Date.now()}`, year: freshYear() });
    const key = `apply-${Date.now()}`;
    const first = await p.post(U.community, '/api/projects', lost, { 'Idempotency-Key': key });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await p.prisma.idempotencyRecord.deleteMany({ where: { personId: person.id, key } })).count).toBe(1);
    const resend = await p.post(U.community, '/api/projects', lost, { 'Idempotency-Key': key });
    expect([resend.status, resend.body]).toEqual([201, first.body]);
    expect(await p.prisma.project.count({ where: { title: lost.title } })).toBe(1);

    // The first attempt: the row is committed, then the API process dies before the start.
    const died = applicationBody(p, { title: `断点申报-${Date.now()}`, year: freshYear() });
    const actor = (await resolveActor({ prisma: p.prisma, personId: person.id }))!;
    const dying = { ...p.base.client, workflow: { start: async () => { throw new Error('SIGKILL'); } } } as unknown as typeof p.base.client;
    const crashKey = `apply-crash-${Date.now()}`;
    await expect(
      createProject({ deps: { prisma: p.prisma, temporal: dying, config: p.base.config } as never, actor, body: died as never, projectId: recordIdForKey('project', person.id, crashKey) }),
    ).rejects.toThrow('SIGKILL');
    expect(await p.prisma.project.count({ where: { title: died.title } })).toBe(1);
    const retry = await p.post(U.community, '/api/projects', died, { 'Idempotency-Key': crashKey });
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.body.projectId).toBe(recordIdForKey('project', person.id, crashKey));
    expect(await p.prisma.project.count({ where: { title: died.title } })).toBe(1);
    // The retry started the process the first attempt never did: the street's review waits.
    await waitFor(async () => (await openTasks(p, retry.body.projectId)).some((t) => t.action === 'reviewApplication'));
  });

  it('answers a resend of the termination whose answer was lost with the first answer, though the project has closed', async () => {
    const id = await apply(p, { year: freshYear() });
    await toImplementation(p, id);
    const key = `terminate-${id}`;
    const body = { reason: '居民意见较大,无法继续实施' };
    const first = await act(p, U.street, id, 'terminateProject', body, { 'Idempotency-Key': key });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    await waitFor(async () => (await project(p, id)).stage === 'terminated');
    // The answer is lost with the API process that held it: nothing is stored under the key.
    const person = await p.prisma.person.findUniqueOrThrow({ where: { username: U.street } });
    expect((await p.prisma.idempotencyRecord.deleteMany({ where: { personId: person.id, key } })).count).toBe(1);
    const resend = await act(p, U.street, id, 'terminateProject', body, { 'Idempotency-Key': key });
    expect([resend.status, resend.body]).toEqual([200, first.body]);
    const fresh = await act(p, U.street, id, 'terminateProject', body, { 'Idempotency-Key': `${key}-again` });
    expect([fresh.status, fresh.body.code]).toEqual([409, 'WRONG_STAGE']);
    expect((await project(p, id)).timeline.filter((e: any) => e.action === 'terminateProject')).toHaveLength(1);
  });
});
