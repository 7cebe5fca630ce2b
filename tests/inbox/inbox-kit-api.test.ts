// 退回 and 加签/减签 through the real API, worker and engine, on three processes
// (a project's 立项审批; a grid incident's 处置 and 核查; a mediation round
// back to its acceptance), with the refusals
// people meet: a return to a step the process does not allow, a return
// without a reason, a signer without a role that sees the record, removing a
// signer who already signed, and the holder deciding before a before-signer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usernameFor } from '../../seeds/demo-org';
import { startGridPlatform, type GridPlatform } from '../grid/support';
import { caseBody } from '../mediation/support';
import { apply, project, U as PU } from '../project/fixtures';
import type { ProjectPlatform } from '../project/support';

let p: GridPlatform;
let pp: ProjectPlatform;
beforeAll(async () => {
  p = await startGridPlatform();
  pp = p as unknown as ProjectPlatform;
});
afterAll(() => p?.close());

const G = {
  gridWorker: usernameFor('grid_worker', 'qindu-renmin-furong-g1'),
  community: usernameFor('community', 'qindu-renmin-furong'),
  siblingCommunity: usernameFor('community', 'qindu-renmin-yongchang'),
};
const personId = async (username: string) => (await p.prisma.person.findUniqueOrThrow({ where: { username } })).id;
const openTask = (workflowId: string | undefined, action: string, subjectId?: string) =>
  p.waitFor(() => p.prisma.humanTask.findFirst({ where: { workflowId, subjectId, status: 'open', action }, orderBy: { createdAt: 'desc' } }));
const taskAction = (username: string, taskId: string, verb: string, body: object = {}) => p.post(username, `/api/tasks/${taskId}/actions/${verb}`, body);
const projectAct = (username: string, id: string, action: string, body: object) => p.post(username, `/api/projects/${id}/actions/${action}`, body);
const audits = (taskId: string, action: string) => p.prisma.auditLog.findMany({ where: { subjectType: 'HumanTask', subjectId: taskId, action } });
const ok = (res: { status: number; body: any }) => expect(res.status, JSON.stringify(res.body)).toBe(200);
const mine = async (username: string) => (await p.get(username, '/api/tasks?assignment=mine&limit=100')).body.items.map((t: any) => t.id);

async function toDistrictReview(): Promise<string> {
  const id = await apply(pp, { amounts: [3_000_000, 3_000_000], finalFen: 1 });
  ok(await projectAct(PU.street, id, 'reviewApplication', { decision: 'approve' }));
  await p.waitFor(async () => (await project(pp, id)).step === 'district_review');
  return id;
}

async function gridToVerifying(): Promise<string> {
  const id = await p.report(G.gridWorker);
  ok(await p.act(G.community, id, 'dispatchIncident', { unitId: 'qindu-renmin-furong', department: '社区物业服务站', note: '请尽快修复' }));
  ok(await p.act(G.community, id, 'completeHandling', { result: '已更换灯泡', photos: [] }));
  await p.incidentWhen(id, (c) => c.stage === 'verifying');
  return id;
}

describe('退回 (sendBack)', () => {
  it('project: the district returns an application to the street review; refused without a reason, to a step not allowed, and for someone else', async () => {
    const id = await toDistrictReview();
    const task = await openTask(`project-${id}`, 'decideDistrictApproval');

    const noReason = await taskAction(PU.district, task.id, 'sendBack', { toAction: 'reviewApplication', reason: '' });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const notAllowed = await taskAction(PU.district, task.id, 'sendBack', { toAction: 'resubmitApplication', reason: '请补充材料' });
    expect([notAllowed.status, notAllowed.body.code]).toEqual([422, 'SEND_BACK_NOT_ALLOWED']);
    expect(notAllowed.body.detail).toContain('街道审核');
    expect((await taskAction(PU.street, task.id, 'sendBack', { toAction: 'reviewApplication', reason: 'x' })).status).toBe(404);
    expect(await audits(task.id, 'task.sendBack')).toEqual([]);
    expect((await project(pp, id)).step).toBe('district_review');

    const streetId = await personId(PU.street);
    const before = await p.prisma.notification.count({ where: { recipientId: streetId, kind: 'project.task' } });
    const back = await taskAction(PU.district, task.id, 'sendBack', { toAction: 'reviewApplication', reason: '经费测算依据不足,请街道复核' });
    ok(back);
    expect(back.body).toMatchObject({ stage: 'approval', sentBackTo: 'reviewApplication' });
    const body = await project(pp, id);
    expect(body.step).toBe('street_review');
    expect(body.timeline.at(-1)).toMatchObject({ action: 'sendBack', data: expect.objectContaining({ reason: '经费测算依据不足,请街道复核' }) });
    const tasks = await p.prisma.humanTask.findMany({ where: { workflowId: `project-${id}` }, orderBy: { createdAt: 'asc' } });
    expect(tasks.map((t) => [t.key, t.status])).toEqual([
      ['review-1', 'done'],
      ['district-1', 'done'],
      ['review-2', 'open'],
    ]);
    await expect.poll(() => p.prisma.notification.count({ where: { recipientId: streetId, kind: 'project.task' } }), { timeout: 15_000 }).toBeGreaterThan(before);
    expect(await audits(task.id, 'task.sendBack')).toHaveLength(1);
    // Closed now: a second return is refused.
    expect((await taskAction(PU.district, task.id, 'sendBack', { toAction: 'reviewApplication', reason: '再次' })).body.code).toBe('ALREADY_DONE');

    ok(await projectAct(PU.street, id, 'reviewApplication', { decision: 'approve', comment: '已复核' }));
    await p.waitFor(async () => (await project(pp, id)).step === 'district_review');
    expect((await openTask(`project-${id}`, 'decideDistrictApproval')).key).toBe('district-2');
  });

  it('grid: 核查 back to 处置 and 处置 back to 分拨, each as a new task; 核查 cannot go back to 分拨', async () => {
    const id = await gridToVerifying();
    const verify = await openTask(`grid-incident-${id}`, 'confirmResult');
    const notAllowed = await taskAction(G.gridWorker, verify.id, 'sendBack', { toAction: 'dispatchIncident', reason: '分错了' });
    expect([notAllowed.status, notAllowed.body.code]).toEqual([422, 'SEND_BACK_NOT_ALLOWED']);
    expect((await taskAction(G.gridWorker, verify.id, 'sendBack', { toAction: 'completeHandling' })).status).toBe(400);

    const communityId = await personId(G.community);
    ok(await taskAction(G.gridWorker, verify.id, 'sendBack', { toAction: 'completeHandling', reason: '照片未显示修复后的路灯' }));
    const c1 = await p.incidentWhen(id, (c) => c.stage === 'handling');
    expect(c1.state).toMatchObject({ reopenCount: 0, sendBacks: 1 });
    expect(c1.timeline.at(-1)).toMatchObject({ action: 'sendBack', summary: expect.stringContaining('照片未显示修复后的路灯') });
    await expect.poll(() => p.prisma.notification.count({ where: { recipientId: communityId, kind: 'grid.sentBack' } }), { timeout: 15_000 }).toBeGreaterThan(0);

    const handle = await openTask(`grid-incident-${id}`, 'completeHandling');
    expect(handle.key).toBe('handle-2-b1');
    ok(await taskAction(G.community, handle.id, 'sendBack', { toAction: 'dispatchIncident', reason: '属于供电公司维护范围' }));
    const c2 = await p.incidentWhen(id, (c) => c.stage === 'triage');
    expect(c2.state.handlings.map((h: any) => h.round)).toEqual([1]);
    expect((await openTask(`grid-incident-${id}`, 'dispatchIncident')).key).toBe('triage-b2');
    const keys = (await p.prisma.humanTask.findMany({ where: { workflowId: `grid-incident-${id}` }, orderBy: { createdAt: 'asc' } })).map((t) => [t.key, t.status]);
    expect(keys).toEqual([
      ['triage', 'done'],
      ['handle-1', 'done'],
      ['verify-1', 'done'],
      ['handle-2-b1', 'done'],
      ['triage-b2', 'open'],
    ]);
  });
});

describe('退回 (sendBack) in mediation', () => {
  it('a round in progress goes back to its acceptance with a reason: the mediator is taken off, the unit accepts it again as a new task; nothing else goes back', async () => {
    const mediator = usernameFor('mediator', 'qindu-renmin-furong');
    const reg = await p.post(G.community, '/api/mediation-cases', caseBody());
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const caseId = reg.body.caseId as string;
    const wf = (await openTask(undefined, 'acceptCase', caseId)).workflowId;
    const accept = await openTask(wf, 'acceptCase');
    expect((await taskAction(mediator, accept.id, 'sendBack', { toAction: 'assignMediator', reason: '不属本人承办' })).body.code).toBe('SEND_BACK_NOT_ALLOWED');
    ok(await p.post(mediator, `/api/mediation-cases/${caseId}/actions/acceptCase`, {}));
    const mediate = await openTask(wf, 'recordSession');

    expect((await taskAction(usernameFor('mediator', 'qindu-xilan'), mediate.id, 'sendBack', { toAction: 'acceptCase', reason: 'x' })).status).toBe(404);
    const back = await taskAction(mediator, mediate.id, 'sendBack', { toAction: 'acceptCase', reason: '一方当事人申请更换调解员' });
    ok(back);
    expect(back.body).toMatchObject({ stage: 'in_round', sentBackTo: 'acceptCase' });
    const again = await openTask(wf, 'acceptCase');
    expect(again).toMatchObject({ assigneeId: null, key: expect.stringMatching(/-b1$/) });
    expect(again.id).not.toBe(accept.id);
    expect((await p.prisma.humanTask.findUniqueOrThrow({ where: { id: mediate.id } })).status).not.toBe('open');
    const body = (await p.get(mediator, `/api/mediation-cases/${caseId}`)).body;
    expect(body.timeline.at(-1)).toMatchObject({ action: 'sendBack', summary: expect.stringContaining('一方当事人申请更换调解员') });
    expect(await audits(mediate.id, 'task.sendBack')).toHaveLength(1);
    ok(await p.post(mediator, `/api/mediation-cases/${caseId}/actions/acceptCase`, {}));
    expect((await openTask(wf, 'recordSession')).id).not.toBe(mediate.id);
  });
});

describe('加签 / 减签', () => {
  it('project: a before-signer must approve first; a signer without a role over the record is refused; one who signed cannot be removed', async () => {
    const id = await apply(pp);
    const task = await openTask(`project-${id}`, 'reviewApplication');
    const rep = await personId(PU.rep);

    const outsider = await taskAction(PU.street, task.id, 'addSigner', { personId: await personId(PU.siblingCommunity), position: 'before' });
    expect([outsider.status, outsider.body.code]).toEqual([422, 'SIGNER_INELIGIBLE']);
    expect((await taskAction(PU.community, task.id, 'addSigner', { personId: rep, position: 'before' })).status).toBe(404);

    const added = await taskAction(PU.street, task.id, 'addSigner', { personId: rep, position: 'before', note: '请居民代表先行把关' });
    ok(added);
    expect(added.body).toMatchObject({ action: 'signTask', assigneeId: rep, status: 'open' });
    expect(await mine(PU.rep)).toContain(added.body.id);

    const early = await projectAct(PU.street, id, 'reviewApplication', { decision: 'approve' });
    expect([early.status, early.body.code]).toEqual([409, 'SIGNERS_PENDING']);
    expect((await project(pp, id)).step).toBe('street_review');
    // Only the signer signs their task (the holder does not even see it).
    expect((await taskAction(PU.street, added.body.id, 'signTask', { decision: 'approve' })).status).toBe(404);

    const signed = await taskAction(PU.rep, added.body.id, 'signTask', { decision: 'approve', comment: '居民普遍支持' });
    ok(signed);
    expect(signed.body).toMatchObject({ decision: 'approve', released: false });
    const late = await taskAction(PU.street, task.id, 'removeSigner', { personId: rep });
    expect([late.status, late.body.code]).toEqual([409, 'SIGNER_ALREADY_ACTED']);

    // 减签 of a signer who has not acted: their task is cancelled, and the holder is no longer held back.
    const auditor = await personId(PU.auditor);
    const second = await taskAction(PU.street, task.id, 'addSigner', { personId: auditor, position: 'before' });
    ok(second);
    expect((await projectAct(PU.street, id, 'reviewApplication', { decision: 'approve' })).body.code).toBe('SIGNERS_PENDING');
    ok(await taskAction(PU.street, task.id, 'removeSigner', { personId: auditor }));
    expect((await p.prisma.humanTask.findUniqueOrThrow({ where: { id: second.body.id } })).status).toBe('cancelled');

    ok(await projectAct(PU.street, id, 'reviewApplication', { decision: 'approve', comment: '同意' }));
    const body = await project(pp, id);
    expect(body.stage).toBe('notice');
    const inbox = body.timeline.filter((e: any) => e.source === 'inbox').map((e: any) => [e.action, e.label]);
    expect(inbox).toEqual([
      ['addSigner', '加签'],
      ['signTask', '加签审批'],
      ['addSigner', '加签'],
      ['removeSigner', '减签'],
    ]);
    expect(body.timeline.find((e: any) => e.action === 'signTask').data).toMatchObject({ decision: 'approve', comment: '居民普遍支持' });
    expect(await audits(task.id, 'task.addSigner')).toHaveLength(2);
  });

  it('grid: an after-signer approves the check before it takes effect; a rejection drops it', async () => {
    const id = await gridToVerifying();
    const verify = await openTask(`grid-incident-${id}`, 'confirmResult');
    const community = await personId(G.community);
    const outsider = await taskAction(G.gridWorker, verify.id, 'addSigner', { personId: await personId(G.siblingCommunity), position: 'after' });
    expect(outsider.body.code).toBe('SIGNER_INELIGIBLE');
    const added = await taskAction(G.gridWorker, verify.id, 'addSigner', { personId: community, position: 'after', note: '请社区复核' });
    ok(added);
    // Not yet: the after-signer signs once the holder decided.
    expect((await taskAction(G.community, added.body.id, 'signTask', { decision: 'approve' })).body.code).toBe('WRONG_STAGE');

    const held = await p.act(G.gridWorker, id, 'confirmResult', { note: '复查正常' });
    ok(held);
    expect(held.body.message).toContain('后加签');
    expect((await p.incidentWhen(id, () => true)).stage).toBe('verifying');

    const rejected = await taskAction(G.community, added.body.id, 'signTask', { decision: 'reject', comment: '东侧仍有一盏不亮' });
    ok(rejected);
    expect(rejected.body).toMatchObject({ released: false, stage: 'verifying' });

    const again = await taskAction(G.gridWorker, verify.id, 'addSigner', { personId: community, position: 'after' });
    ok(again);
    ok(await p.act(G.gridWorker, id, 'confirmResult', { note: '已全部修复' }));
    const signed = await taskAction(G.community, again.body.id, 'signTask', { decision: 'approve', comment: '复核无误' });
    ok(signed);
    expect(signed.body).toMatchObject({ released: true, stage: 'closed' });
    const closed = await p.incidentWhen(id, (c) => c.stage === 'closed');
    expect(closed.timeline.filter((e: any) => !e.source).at(-1)).toMatchObject({ action: 'confirmResult', actorName: expect.any(String) });
    const events = await p.prisma.taskEvent.findMany({ where: { process: 'grid', subjectId: id }, orderBy: { at: 'asc' } });
    expect(events.map((e) => [e.action, (e.data as any).decision ?? null])).toEqual([
      ['addSigner', null],
      ['signTask', 'reject'],
      ['addSigner', null],
      ['signTask', 'approve'],
    ]);
    // The incident's page shows them too, between its own lines.
    expect(closed.timeline.filter((e: any) => e.source === 'inbox').map((e: any) => [e.action, e.summary])).toEqual(events.map((e) => [e.action, e.summary]));
  });
});

describe('会签 / 或签 (grid 联合核查 asked at dispatch)', () => {
  async function toVerifying(verifyMode: 'all' | 'any') {
    const id = await p.report(G.gridWorker);
    ok(await p.act(G.community, id, 'dispatchIncident', { unitId: 'qindu-renmin-furong', department: null, note: '请修复', verifyMode }));
    ok(await p.act(G.community, id, 'completeHandling', { result: '已修复', photos: [] }));
    await p.incidentWhen(id, (c) => c.stage === 'verifying');
    return id;
  }
  const verifyRows = (id: string) => p.prisma.humanTask.findMany({ where: { workflowId: `grid-incident-${id}`, action: 'confirmResult' }, orderBy: { key: 'asc' } });

  it('会签: the reporter and the dispatcher each get a task; both must confirm before it closes', async () => {
    const id = await toVerifying('all');
    const [reporter, dispatcher] = [await personId(G.gridWorker), await personId(G.community)];
    await p.waitFor(async () => (await verifyRows(id)).length === 2);
    expect((await verifyRows(id)).map((t) => [t.assigneeId, t.status]).sort()).toEqual([[dispatcher, 'open'], [reporter, 'open']].sort());
    expect(await mine(G.community)).toContain((await verifyRows(id)).find((t) => t.assigneeId === dispatcher)!.id);

    ok(await p.act(G.gridWorker, id, 'confirmResult', { note: '现场复查正常' }));
    const half = await p.incidentWhen(id, (c) => c.timeline.at(-1).action === 'confirmResult');
    expect(half.stage).toBe('verifying');
    expect(half.timeline.at(-1).summary).toContain('会签');
    const twice = await p.act(G.gridWorker, id, 'confirmResult', { note: '' });
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_DONE']);
    // Another grid worker of the place is not on the panel.
    expect((await p.act(usernameFor('grid_worker', 'qindu-renmin-furong-g2'), id, 'confirmResult', { note: '' })).status).toBeGreaterThanOrEqual(403);
    await p.waitFor(async () => (await verifyRows(id)).find((t) => t.assigneeId === reporter)?.status === 'done');

    ok(await p.act(G.community, id, 'confirmResult', { note: '同意办结' }));
    await p.incidentWhen(id, (c) => c.stage === 'closed');
    expect((await verifyRows(id)).map((t) => t.status)).toEqual(['done', 'done']);
  });

  it('会签: one rejection decides (reopened); 或签: the first confirmation closes and the other task closes with it', async () => {
    const id = await toVerifying('all');
    ok(await p.act(G.community, id, 'rejectResult', { reason: '仍有隐患' }));
    await p.incidentWhen(id, (c) => c.stage === 'handling' && c.state.reopenCount === 1);

    const any = await toVerifying('any');
    await p.waitFor(async () => (await verifyRows(any)).length === 2);
    ok(await p.act(G.community, any, 'confirmResult', { note: '社区复查正常' }));
    await p.incidentWhen(any, (c) => c.stage === 'closed');
    await p.waitFor(async () => (await verifyRows(any)).every((t) => t.status !== 'open'));
    expect((await p.act(G.gridWorker, any, 'confirmResult', { note: '' })).status).toBe(409);
  });
});
