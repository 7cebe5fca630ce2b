// The approval inbox through the real API, worker and engine, on two
// processes (立项审批 of a project; a mediation case's round): 转交, 委派, 抄送,
// 催办 and 代理 with the refusals people meet — transfer to someone without
// the role, urge twice in a day, a deputy outside their date range, a
// delegate deciding — each audited and shown in the record's timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleName } from '../../domain/roles';
import { uniqueSuffix } from '../helpers/db';
import { caseBody, DAY, round, startMediationPlatform, U as MU, who, type MediationPlatform } from '../mediation/support';
import { apply, project, U as PU } from '../project/fixtures';
import type { ProjectPlatform } from '../project/support';

let p: MediationPlatform;
let pp: ProjectPlatform;
beforeAll(async () => {
  p = await startMediationPlatform();
  pp = p as unknown as ProjectPlatform;
});
afterAll(async () => {
  // The run's other files count the holders of these roles: the extra people leave with the test.
  await p?.prisma.person.deleteMany({ where: { id: { in: extras } } });
  await p?.close();
});

const extras: string[] = [];

const personId = async (username: string) => (await p.prisma.person.findUniqueOrThrow({ where: { username } })).id;

/** A second holder of a role (the demo district has one per unit), who logs in with the demo password. */
async function extraPerson(role: RoleName, unitId: string): Promise<{ username: string; id: string }> {
  const template = await p.prisma.person.findFirstOrThrow({ where: { username: PU.street } });
  const username = `${role}.${unitId}.x${uniqueSuffix()}`;
  const person = await p.prisma.person.create({
    data: { username, displayName: `备岗${uniqueSuffix().slice(-4)}`, passwordHash: template.passwordHash, roles: { create: { role, unitId } } },
  });
  extras.push(person.id);
  return { username, id: person.id };
}

const openTask = (workflowId: string, action?: string) =>
  p.waitFor(() => p.prisma.humanTask.findFirst({ where: { workflowId, status: 'open', ...(action ? { action } : {}) }, orderBy: { createdAt: 'desc' } }));
const taskAction = (username: string, taskId: string, verb: string, body: object = {}) => p.post(username, `/api/tasks/${taskId}/actions/${verb}`, body);
/** `recipientId`'s notices of `kind`; about one record when `subjectId` is given (other files notify the same seeded people). */
const notices = (recipientId: string, kind: string, subjectId?: string) =>
  p.prisma.notification.findMany({ where: { recipientId, kind, ...(subjectId ? { link: { contains: subjectId } } : {}) } });
const audits = (taskId: string, action: string) => p.prisma.auditLog.findMany({ where: { subjectType: 'HumanTask', subjectId: taskId, action } });
const projectAct = (username: string, id: string, action: string, body: object) => p.post(username, `/api/projects/${id}/actions/${action}`, body);
const ok = (res: { status: number; body: any }) => expect(res.status, JSON.stringify(res.body)).toBe(200);
const inboxLines = (timeline: any[]) => timeline.filter((e) => e.source === 'inbox').map((e) => [e.action, e.actorName]);

describe('project: 立项审批 task of the street office', () => {
  it('转交: refused to someone without the role or outside the unit; the new holder decides, the old one is refused', async () => {
    const id = await apply(pp);
    const task = await openTask(`project-${id}`, 'reviewApplication');
    const b = await extraPerson('street_office', 'qindu-renmin');

    const unseen = await taskAction(PU.community, task.id, 'transferTask', { toPersonId: b.id, reason: '出差' });
    expect(unseen.status).toBe(404);
    const noRole = await taskAction(PU.street, task.id, 'transferTask', { toPersonId: await personId('auditor.qindu-renmin'), reason: '出差' });
    expect(noRole.status).toBe(422);
    expect(noRole.body).toMatchObject({ code: 'TRANSFER_TARGET_INELIGIBLE', detail: expect.stringContaining('街道办事处') });
    const sibling = await taskAction(PU.street, task.id, 'transferTask', { toPersonId: await personId(PU.siblingStreet), reason: '出差' });
    expect(sibling.body.code).toBe('TRANSFER_TARGET_INELIGIBLE');
    expect(await audits(task.id, 'task.transferTask')).toEqual([]);

    const moved = await taskAction(PU.street, task.id, 'transferTask', { toPersonId: b.id, reason: '本人出差,请代为审核' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ assigneeId: b.id, transferred: true });
    expect(await notices(b.id, 'task.transferred')).toHaveLength(1);
    expect(await audits(task.id, 'task.transferTask')).toHaveLength(1);

    const old = await projectAct(PU.street, id, 'reviewApplication', { decision: 'approve' });
    expect(old.status).toBe(403);
    expect(old.body.code).toBe('TASK_TRANSFERRED');
    const mine = await p.get(b.username, '/api/tasks?assignment=mine');
    expect(mine.body.items.map((t: any) => t.id)).toContain(task.id);
    const decided = await projectAct(b.username, id, 'reviewApplication', { decision: 'approve', comment: '同意' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const body = await project(pp, id);
    expect(body.stage).toBe('notice');
    expect(inboxLines(body.timeline)).toEqual([['transferTask', expect.any(String)]]);
    expect(body.timeline.find((e: any) => e.source === 'inbox')).toMatchObject({ label: '转交', data: expect.objectContaining({ toId: b.id }) });

    const late = await taskAction(b.username, task.id, 'transferTask', { toPersonId: await personId(PU.street), reason: '退回' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ALREADY_DONE');
  });

  it('委派: the delegate comments and attaches, cannot decide, hands back; the delegator decides', async () => {
    const id = await apply(pp);
    const task = await openTask(`project-${id}`, 'reviewApplication');
    const b = await extraPerson('street_office', 'qindu-renmin');
    const delegated = await taskAction(PU.street, task.id, 'delegateTask', { toPersonId: b.id, note: '请核实经费测算' });
    expect(delegated.status, JSON.stringify(delegated.body)).toBe(200);
    expect(delegated.body).toMatchObject({ delegateId: b.id, assigneeId: await personId(PU.street) });
    expect((await p.get(b.username, '/api/tasks?assignment=mine')).body.items.map((t: any) => t.id)).toContain(task.id);

    const decide = await projectAct(b.username, id, 'reviewApplication', { decision: 'approve' });
    expect(decide.status).toBe(403);
    expect(decide.body.code).toBe('DELEGATE_CANNOT_DECIDE');
    expect((await taskAction(b.username, task.id, 'transferTask', { toPersonId: await personId(PU.street), reason: 'x' })).body.code).toBe('DELEGATE_CANNOT_DECIDE');
    expect((await taskAction(PU.street, task.id, 'delegateTask', { toPersonId: b.id, note: '再次' })).body.code).toBe('TASK_DELEGATED');

    expect((await taskAction(b.username, task.id, 'commentTask', { body: '经费测算与往年同类项目相符。' })).status).toBe(200);
    const pdf = Buffer.from('%PDF-1.4\n% 测算表\n').toString('base64');
    const file = await taskAction(b.username, task.id, 'attachFile', { fileName: '经费测算.pdf', contentType: 'application/pdf', contentBase64: pdf });
    expect(file.status, JSON.stringify(file.body)).toBe(200);
    const fake = await taskAction(b.username, task.id, 'attachFile', { fileName: 'x.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('MZ....').toString('base64') });
    expect(fake.status).toBe(415);
    expect(fake.body.code).toBe('ATTACHMENT_TYPE_REFUSED');
    const exe = await taskAction(b.username, task.id, 'attachFile', { fileName: 'x.exe', contentType: 'application/x-msdownload', contentBase64: pdf });
    expect(exe.body.code).toBe('ATTACHMENT_TYPE_REFUSED');
    const big = await taskAction(b.username, task.id, 'attachFile', { fileName: 'big.pdf', contentType: 'application/pdf', contentBase64: Buffer.concat([Buffer.from('%PDF'), Buffer.alloc(600 * 1024)]).toString('base64') });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('ATTACHMENT_TOO_LARGE');
    const download = await (await p.as(PU.street)).get(file.body.url);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/application\/pdf/);

    expect((await taskAction(b.username, task.id, 'returnDelegation', { note: '已核实,建议通过' })).status).toBe(200);
    const detail = await p.get(PU.street, `/api/tasks/${task.id}`);
    expect(detail.body).toMatchObject({ delegation: null, delegateId: null, comments: [{ body: '经费测算与往年同类项目相符。' }], attachments: [{ fileName: '经费测算.pdf', sizeBytes: expect.any(Number) }] });
    expect(detail.body.history.map((h: any) => h.action)).toEqual(['delegateTask', 'commentTask', 'attachFile', 'returnDelegation']);
    expect((await projectAct(PU.street, id, 'reviewApplication', { decision: 'approve' })).status).toBe(200);
  });

  it('抄送: the person copied gets a notice and reads the project, but may not act; 催办 once a day', async () => {
    const id = await apply(pp);
    const task = await openTask(`project-${id}`, 'reviewApplication');
    const rep = await personId(PU.siblingRep);
    expect((await p.get(PU.siblingRep, `/api/projects/${id}`)).status).toBe(404);

    // The people picker offers whom each operation accepts, by name, with the qualifying role and unit.
    const candidates = async (username: string, purpose: string, q = '') => p.get(username, `/api/tasks/${task.id}/candidates?purpose=${purpose}&q=${encodeURIComponent(q)}&limit=50`);
    const names = (res: { body: any }) => res.body.items.map((c: any) => c.personId);
    const ccPick = await candidates(PU.street, 'ccTask');
    expect(ccPick.status, JSON.stringify(ccPick.body)).toBe(200);
    expect(names(ccPick)).toEqual(expect.arrayContaining([rep, await personId(PU.community)]));
    expect(names(ccPick)).not.toContain(await personId(PU.street));
    expect(names(ccPick)).not.toContain(await personId(PU.siblingStreet));
    const transferPick = await candidates(PU.street, 'transferTask');
    expect(transferPick.body.items.flatMap((c: any) => c.grants.map((g: any) => [g.role, g.roleLabel]))).toEqual(
      transferPick.body.items.flatMap((c: any) => c.grants.map(() => ['street_office', '街道办事处'])),
    );
    expect(names(transferPick)).not.toContain(rep);
    const repName = (await p.prisma.person.findUniqueOrThrow({ where: { id: rep } })).displayName;
    expect((await candidates(PU.street, 'ccTask', repName)).body.items).toEqual([
      expect.objectContaining({ personId: rep, displayName: repName, grants: [expect.objectContaining({ role: 'resident_rep', roleLabel: '党员/居民代表', unitId: 'qindu-renmin-yongchang' })] }),
    ]);
    expect((await candidates(PU.community, 'ccTask')).body.code).toBe('NOT_FOUND');
    expect((await candidates(PU.street, 'approveEverything')).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    // A deputy holds one of the caller's roles: the neighbouring street's clerk, never a resident representative (who could act on nothing).
    const peerName = (await p.prisma.person.findUniqueOrThrow({ where: { username: PU.siblingStreet } })).displayName;
    expect((await p.get(PU.street, `/api/me/proxies/candidates?q=${encodeURIComponent(peerName)}`)).body.items.map((c: any) => c.personId)).toEqual([await personId(PU.siblingStreet)]);
    expect((await p.get(PU.street, `/api/me/proxies/candidates?q=${encodeURIComponent(repName)}`)).body.items).toEqual([]);
    const repDeputy = await p.post(PU.street, '/api/me/proxies', { deputyId: rep, startsOn: p.today(), endsOn: p.today(), reason: '休假' });
    expect(repDeputy.status).toBe(422);
    expect(repDeputy.body).toMatchObject({ code: 'TARGET_OUT_OF_REACH', detail: expect.stringContaining('街道办事处') });
    expect(await p.prisma.outOfOfficeProxy.count({ where: { deputyId: rep } })).toBe(0);

    const cc = await taskAction(PU.street, task.id, 'ccTask', { personIds: [rep], note: '供兄弟社区参考' });
    expect(cc.status, JSON.stringify(cc.body)).toBe(200);
    // 已抄送 for the person copied, 我发起 for the applicant, each narrowed to the record.
    const ids = (res: { body: any }) => res.body.items.map((t: any) => t.id);
    expect(ids(await p.get(PU.siblingRep, `/api/tasks?view=copied&process=project&subjectId=${id}`))).toEqual([task.id]);
    expect(ids(await p.get(PU.siblingRep, `/api/tasks?view=started&process=project&subjectId=${id}`))).toEqual([]);
    expect(ids(await p.get(PU.community, `/api/tasks?view=started&process=project&subjectId=${id}`))).toEqual([task.id]);
    expect(ids(await p.get(PU.street, `/api/tasks?process=project&subjectId=${id}`))).toEqual([task.id]);
    const noProcess = await p.get(PU.street, `/api/tasks?subjectId=${id}`);
    expect(noProcess.status).toBe(400);
    expect(noProcess.body.code).toBe('VALIDATION_FAILED');
    expect(await notices(rep, 'task.cc', id)).toHaveLength(1);
    expect((await p.get(PU.siblingRep, `/api/projects/${id}`)).status).toBe(200);
    expect((await projectAct(PU.siblingRep, id, 'raiseObjection', { content: '异议' })).status).toBe(403);
    expect((await taskAction(PU.siblingRep, task.id, 'commentTask', { body: '意见' })).body.code).toBe('NOT_TASK_HOLDER');

    // The applying community urges the street's review; a sibling community's staff cannot see it.
    expect((await taskAction(PU.siblingCommunity, task.id, 'urgeTask', {})).status).toBe(404);
    const urged = await taskAction(PU.community, task.id, 'urgeTask', { message: '项目急需启动' });
    expect(urged.status, JSON.stringify(urged.body)).toBe(200);
    expect(await notices(await personId(PU.street), 'task.urged', id)).toEqual([expect.objectContaining({ body: expect.stringContaining('项目急需启动') })]);
    const again = await taskAction(PU.community, task.id, 'urgeTask', {});
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ code: 'ALREADY_URGED_TODAY', title: '今天已经催办过' });
    await p.advanceTime(DAY);
    expect((await taskAction(PU.community, task.id, 'urgeTask', {})).status).toBe(200);
    const body = await project(pp, id);
    expect(inboxLines(body.timeline).map(([a]) => a)).toEqual(['ccTask', 'urgeTask', 'urgeTask']);
  });

  it('代理: a deputy is refused before their range, then acts "代 X" within it', async () => {
    // People of their own: an arrangement outlives the test, and the run's other files act as the demo people.
    const principal = await extraPerson('street_office', 'qindu-renmin');
    const deputy = await extraPerson('street_office', 'qindu-xilan');
    const id = await apply(pp);
    const task = await openTask(`project-${id}`, 'reviewApplication');
    expect((await p.post(principal.username, `/api/tasks/${task.id}/claim`)).status).toBe(200);
    const tomorrow = new Date(p.now().getTime() + DAY + 8 * 3600_000).toISOString().slice(0, 10);
    const backwards = await p.post(principal.username, '/api/me/proxies', { deputyId: deputy.id, startsOn: tomorrow, endsOn: p.today(), reason: '休假' });
    expect(backwards.status).toBe(422);
    const named = await p.post(principal.username, '/api/me/proxies', { deputyId: deputy.id, startsOn: tomorrow, endsOn: tomorrow, reason: '年休假' });
    expect(named.status, JSON.stringify(named.body)).toBe(201);
    expect(named.body).toMatchObject({ active: false, deputyId: deputy.id });
    expect(await notices(deputy.id, 'proxy.named')).toHaveLength(1);

    const early = await projectAct(deputy.username, id, 'reviewApplication', { decision: 'approve' });
    expect(early.status).toBe(403);
    expect(early.body).toMatchObject({ code: 'PROXY_NOT_ACTIVE', detail: expect.stringContaining(tomorrow) });
    expect((await p.get(deputy.username, '/api/tasks?assignment=mine')).body.items.map((t: any) => t.id)).not.toContain(task.id);

    await p.advanceTime(DAY);
    expect((await p.get(deputy.username, '/api/tasks?assignment=mine')).body.items.map((t: any) => t.id)).toContain(task.id);
    const key = { 'Idempotency-Key': `deputy-${id}` };
    const acted = await p.post(deputy.username, `/api/projects/${id}/actions/reviewApplication`, { decision: 'approve', comment: '代为审核同意' }, key);
    expect(acted.status, JSON.stringify(acted.body)).toBe(200);
    // The deputy, of another street, read the project through the principal's task, now closed: they keep reading it.
    expect((await p.get(deputy.username, `/api/projects/${id}`)).status).toBe(200);
    // The API process died right after the update: the "代 X" line, its audit and notice and the deputy's read were
    // never written, the key's row still pending. The resend (its process gone, the row stale) acts for the same
    // principal, is answered from the first attempt, and writes what was missing.
    const onRecord = { process: 'project', subjectId: id };
    expect((await p.prisma.taskEvent.deleteMany({ where: { workflowId: `project-${id}`, action: 'actAsDeputy' } })).count).toBe(1);
    expect((await p.prisma.auditLog.deleteMany({ where: { action: 'task.actAsDeputy', actorId: deputy.id } })).count).toBe(1);
    expect((await p.prisma.notification.deleteMany({ where: { recipientId: principal.id, kind: 'task.deputy_acted' } })).count).toBe(1);
    expect((await p.prisma.recordReader.deleteMany({ where: { ...onRecord, personId: deputy.id } })).count).toBe(1);
    const died = { statusCode: 0, owner: null, createdAt: new Date(p.now().getTime() - 2 * 60_000) };
    expect((await p.prisma.idempotencyRecord.updateMany({ where: { personId: deputy.id, key: key['Idempotency-Key'] }, data: died })).count).toBe(1);
    expect((await p.get(deputy.username, `/api/projects/${id}`)).status).toBe(404);
    const afterCrash = await p.post(deputy.username, `/api/projects/${id}/actions/reviewApplication`, { decision: 'approve', comment: '代为审核同意' }, key);
    expect([afterCrash.status, afterCrash.body]).toEqual([200, acted.body]);
    expect(await p.prisma.taskEvent.count({ where: { workflowId: `project-${id}`, action: 'actAsDeputy', actorId: deputy.id, onBehalfOfId: principal.id } })).toBe(1);
    expect(await notices(principal.id, 'task.deputy_acted')).toHaveLength(1);
    expect((await p.get(deputy.username, `/api/projects/${id}`)).status).toBe(200);
    // Its answer lost (nothing stored under the key), the resend finds the task closed, so no longer the principal's
    // to act on: it is answered from the first attempt; another request is refused as the deputy's own.
    expect((await p.prisma.idempotencyRecord.deleteMany({ where: { personId: deputy.id, key: key['Idempotency-Key'] } })).count).toBe(1);
    const resent = await p.post(deputy.username, `/api/projects/${id}/actions/reviewApplication`, { decision: 'approve', comment: '代为审核同意' }, key);
    expect([resent.status, resent.body]).toEqual([200, acted.body]);
    expect((await projectAct(deputy.username, id, 'reviewApplication', { decision: 'approve', comment: '代为审核同意' })).status).toBe(403);
    const body = await project(pp, id);
    expect(body.stage).toBe('notice');
    const line = body.timeline.find((e: any) => e.action === 'actAsDeputy');
    expect(line.actorName).toMatch(/代 /);
    expect(await p.prisma.auditLog.count({ where: { action: 'task.actAsDeputy', actorId: deputy.id } })).toBe(1);
    expect((await p.get(principal.username, '/api/me/proxies')).body.named).toEqual([expect.objectContaining({ active: true })]);
    const cancelled = await p.post(principal.username, `/api/me/proxies/${named.body.id}/actions/cancelProxy`);
    expect(cancelled.body).toMatchObject({ cancelled: true, active: false });
  });
});

describe('project: 代理 of the unassigned tasks of a role', () => {
  it('the deputy lists the principal\'s unassigned role task "代 X", claims it for the principal and decides; never for a role the principal lacks, never outside the range', async () => {
    const principal = await extraPerson('street_office', 'qindu-renmin');
    const deputy = await extraPerson('street_office', 'qindu-xilan');
    const early = await extraPerson('street_office', 'qindu-xilan');
    const auditorPrincipal = await extraPerson('auditor', 'qindu-renmin');
    // A deputy holds one of the principal's roles: the auditor's is an auditor, never a street clerk.
    const auditorsDeputy = await extraPerson('auditor', 'qindu-xilan');
    const clerkForAuditor = await extraPerson('street_office', 'qindu-xilan');
    const id = await apply(pp);
    const task = await openTask(`project-${id}`, 'reviewApplication');
    expect(task.assigneeId).toBeNull();
    const tomorrow = new Date(p.now().getTime() + DAY + 8 * 3600_000).toISOString().slice(0, 10);
    for (const [who, to, startsOn] of [[principal, deputy, p.today()], [principal, early, tomorrow], [auditorPrincipal, auditorsDeputy, p.today()]] as const) {
      const named = await p.post(who.username, '/api/me/proxies', { deputyId: to.id, startsOn, endsOn: tomorrow, reason: '出差' });
      expect(named.status, JSON.stringify(named.body)).toBe(201);
    }
    const wrongRole = await p.post(auditorPrincipal.username, '/api/me/proxies', { deputyId: clerkForAuditor.id, startsOn: p.today(), endsOn: tomorrow, reason: '出差' });
    expect([wrongRole.status, wrongRole.body.code]).toEqual([422, 'TARGET_OUT_OF_REACH']);
    const listed = (username: string) => p.get(username, '/api/tasks?assignment=claimable&process=project').then((r) => r.body.items.find((t: any) => t.id === task.id));
    const principalName = (await p.prisma.person.findUniqueOrThrow({ where: { id: principal.id } })).displayName;
    expect(await listed(deputy.username)).toMatchObject({ claimable: true, onBehalfOf: { personId: principal.id, displayName: principalName } });
    // The principal and the district's own holders see it as theirs, unmarked.
    expect(await listed(principal.username)).toMatchObject({ onBehalfOf: null });
    expect(await listed(early.username)).toBeUndefined();
    expect(await listed(auditorsDeputy.username)).toBeUndefined();

    const tooEarly = await p.post(early.username, `/api/tasks/${task.id}/claim`);
    expect([tooEarly.status, tooEarly.body.code]).toEqual([403, 'PROXY_NOT_ACTIVE']);
    expect((await p.post(auditorsDeputy.username, `/api/tasks/${task.id}/claim`)).status).toBe(404);
    expect((await projectAct(auditorsDeputy.username, id, 'reviewApplication', { decision: 'approve' })).body.code).toBe('FORBIDDEN_ROLE');

    const claimed = await p.post(deputy.username, `/api/tasks/${task.id}/claim`);
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(claimed.body).toMatchObject({ assigneeId: principal.id, onBehalfOf: { personId: principal.id } });
    expect((await p.get(deputy.username, '/api/tasks?assignment=mine')).body.items.find((t: any) => t.id === task.id)).toMatchObject({ onBehalfOf: { personId: principal.id } });
    const decided = await projectAct(deputy.username, id, 'reviewApplication', { decision: 'approve', comment: '代为审核' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const body = await project(pp, id);
    expect(body.stage).toBe('notice');
    expect(body.timeline.filter((e: any) => e.action === 'actAsDeputy').map((e: any) => e.actorName)).toEqual([expect.stringMatching(/代 /), expect.stringMatching(/代 /)]);
    expect(await p.prisma.auditLog.count({ where: { action: 'task.claimed', subjectId: task.id, actorId: deputy.id } })).toBe(1);
  });
});

describe('project: 批量办理 of batchable steps', () => {
  it('verifies two milestones and releases both payments in one request each; a step not batchable is refused alone; nothing is paid twice', async () => {
    const id = await apply(pp, { amounts: [300_000, 400_000], finalFen: 100_000 });
    const other = await apply(pp);
    expect((await projectAct(PU.street, id, 'reviewApplication', { decision: 'approve' })).status).toBe(200);
    await p.advanceTime(10 * DAY);
    expect((await project(pp, id)).stage).toBe('implementation');
    for (const seq of [1, 2]) {
      const r = await projectAct(PU.community, id, 'reportMilestone', { milestoneSeq: seq, summary: `第${seq}阶段完成`, evidence: ['照片.jpg'] });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const verify = await p.waitFor(async () => {
      const rows = await p.prisma.humanTask.findMany({ where: { workflowId: `project-${id}`, action: 'verifyMilestone', status: 'open' } });
      return rows.length === 2 ? rows : false;
    });
    const review = await openTask(`project-${other}`, 'reviewApplication');
    const verified = await p.post(PU.street, '/api/tasks/actions/batchApprove', {
      items: [...verify.map((t) => ({ taskId: t.id, input: { decision: 'verify' } })), { taskId: review.id, input: { decision: 'approve' } }],
    });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body).toMatchObject({ done: 2, refused: 1 });
    expect(verified.body.results[2]).toMatchObject({ taskId: review.id, ok: false, code: 'BUSINESS_RULE' });

    const release = await p.waitFor(async () => {
      const rows = await p.prisma.humanTask.findMany({ where: { workflowId: `project-${id}`, action: 'releaseFunds', status: 'open' }, orderBy: { key: 'asc' } });
      return rows.length === 2 ? rows : false;
    });
    const items = release.map((t, i) => ({ taskId: t.id, input: { voucherNo: `PZ-${id.slice(0, 6)}-${i + 1}` } }));
    const street = await p.post(PU.street, '/api/tasks/actions/batchApprove', { items });
    expect(street.body.results.map((r: any) => r.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    const key = `batch-pay-${id}`;
    const paid = await p.post(PU.finance, '/api/tasks/actions/batchApprove', { items }, { 'Idempotency-Key': key });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ done: 2, refused: 0 });
    // The answer is lost with the API process that held it (nothing stored under the key): the resend, whose tasks
    // are now closed, gets the first answer from the payments it made, and pays nothing more.
    const finance = await p.prisma.person.findUniqueOrThrow({ where: { username: PU.finance } });
    expect((await p.prisma.idempotencyRecord.deleteMany({ where: { personId: finance.id, key } })).count).toBe(1);
    const resent = await p.post(PU.finance, '/api/tasks/actions/batchApprove', { items }, { 'Idempotency-Key': key });
    expect([resent.status, resent.body]).toEqual([200, paid.body]);
    // Another request for the same tasks is refused, item by item.
    const again = await p.post(PU.finance, '/api/tasks/actions/batchApprove', { items });
    expect(again.body).toMatchObject({ done: 0, refused: 2 });
    // So is another keyed request (the console keys every 提交): the steps were closed by another request, not by it.
    const otherKey = await p.post(PU.finance, '/api/tasks/actions/batchApprove', { items }, { 'Idempotency-Key': `${key}-other` });
    expect(otherKey.body.results.map((r: any) => [r.code, r.message])).toEqual(release.map((t) => ['ALREADY_DONE', `「${t.title}」已办结。`]));
    const ledger = (await project(pp, id)).ledger;
    expect(ledger.payments).toHaveLength(2);
    expect(ledger.totalPaidFen).toBe(700_000);
  });
});

describe('an inbox operation whose answer was lost, resent with its Idempotency-Key', () => {
  /** The answer is lost with the API process that held it (nothing stored under the key), as when it is killed. */
  async function lose(username: string, key: string) {
    expect((await p.prisma.idempotencyRecord.deleteMany({ where: { personId: await personId(username), key } })).count).toBe(1);
  }
  const keyed = (username: string, taskId: string, verb: string, body: object, key: string) =>
    p.post(username, `/api/tasks/${taskId}/actions/${verb}`, body, { 'Idempotency-Key': key });

  it('委派, 意见, 附件, 交回 and 催办 each answer as their first attempt did and happen once', async () => {
    const suffix = uniqueSuffix();
    const id = await apply(pp);
    const task = await openTask(`project-${id}`, 'reviewApplication');
    const b = await extraPerson('street_office', 'qindu-renmin');
    const pdf = Buffer.from('%PDF-1.4\n% 测算表\n').toString('base64');
    const steps: Array<[string, string, object]> = [
      [PU.street, 'delegateTask', { toPersonId: b.id, note: '请核实经费测算' }],
      [b.username, 'commentTask', { body: '经费测算与往年同类项目相符。' }],
      [b.username, 'attachFile', { fileName: '经费测算.pdf', contentType: 'application/pdf', contentBase64: pdf }],
      [b.username, 'returnDelegation', { note: '已核实,建议通过' }],
      [PU.community, 'urgeTask', { message: '请尽快审核' }],
    ];
    for (const [username, verb, body] of steps) {
      const first = await keyed(username, task.id, verb, body, `${verb}-${suffix}`);
      expect(first.status, `${verb} ${JSON.stringify(first.body)}`).toBe(200);
      await lose(username, `${verb}-${suffix}`);
      const again = await keyed(username, task.id, verb, body, `${verb}-${suffix}`);
      expect([again.status, again.body], verb).toEqual([200, first.body]);
    }
    const detail = await p.get(PU.street, `/api/tasks/${task.id}`);
    expect(detail.body.history.map((h: any) => h.action)).toEqual(['delegateTask', 'commentTask', 'attachFile', 'returnDelegation', 'urgeTask']);
    expect(detail.body).toMatchObject({ delegation: null, comments: [expect.anything()], attachments: [expect.anything()] });
    expect(await notices(b.id, 'task.delegated', id)).toHaveLength(1);
    expect(await notices(await personId(PU.street), 'task.urged', id)).toHaveLength(1);
  });

  it('转交, 加签, 加签审批 and 退回 each answer as their first attempt did, and write their timeline line, audit and notices once', async () => {
    const suffix = uniqueSuffix();
    const id = await apply(pp);
    const task = await openTask(`project-${id}`, 'reviewApplication');
    const b = await extraPerson('street_office', 'qindu-renmin');

    // 转交 (the inbox's own change): the resend finds the task with b, which it would refuse to anyone else.
    const moved = await keyed(PU.street, task.id, 'transferTask', { toPersonId: b.id, reason: '出差' }, `move-${suffix}`);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await lose(PU.street, `move-${suffix}`);
    const movedAgain = await keyed(PU.street, task.id, 'transferTask', { toPersonId: b.id, reason: '出差' }, `move-${suffix}`);
    expect([movedAgain.status, movedAgain.body.id, movedAgain.body.assigneeId]).toEqual([200, task.id, b.id]);
    // Another request (another key) for the same is still refused.
    expect((await keyed(PU.street, task.id, 'transferTask', { toPersonId: b.id, reason: '出差' }, `move2-${suffix}`)).body.code).toBe('TRANSFER_TARGET_INELIGIBLE');

    // 加签 (a process update, the task still open) and the signer's 加签审批 (which closes the signer's task).
    const rep = await personId(PU.rep);
    const add = { personId: rep, position: 'before', note: '请居民代表先行把关' };
    const added = await keyed(b.username, task.id, 'addSigner', add, `add-${suffix}`);
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    await lose(b.username, `add-${suffix}`);
    const addedAgain = await keyed(b.username, task.id, 'addSigner', add, `add-${suffix}`);
    expect([addedAgain.status, addedAgain.body.id]).toEqual([200, added.body.id]);
    const signed = await keyed(PU.rep, added.body.id, 'signTask', { decision: 'approve', comment: '同意' }, `sign-${suffix}`);
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    await lose(PU.rep, `sign-${suffix}`);
    const signedAgain = await keyed(PU.rep, added.body.id, 'signTask', { decision: 'approve', comment: '同意' }, `sign-${suffix}`);
    expect([signedAgain.status, signedAgain.body]).toEqual([200, signed.body]);
    expect((await keyed(PU.rep, added.body.id, 'signTask', { decision: 'approve', comment: '同意' }, `sign2-${suffix}`)).body.code).toBe('ALREADY_DONE');

    // 退回 at the district (closes the task it was sent back from).
    ok(await projectAct(b.username, id, 'reviewApplication', { decision: 'approve' }));
    const pp2 = await apply(pp, { amounts: [3_000_000, 3_000_000], finalFen: 1 });
    ok(await projectAct(PU.street, pp2, 'reviewApplication', { decision: 'approve' }));
    const district = await openTask(`project-${pp2}`, 'decideDistrictApproval');
    const back = { toAction: 'reviewApplication', reason: '经费测算依据不足' };
    const sent = await keyed(PU.district, district.id, 'sendBack', back, `back-${suffix}`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    await lose(PU.district, `back-${suffix}`);
    const sentAgain = await keyed(PU.district, district.id, 'sendBack', back, `back-${suffix}`);
    expect([sentAgain.status, sentAgain.body]).toEqual([200, sent.body]);
    expect((await keyed(PU.district, district.id, 'sendBack', back, `back2-${suffix}`)).body.code).toBe('ALREADY_DONE');

    // Once each: the timelines, the audit, the notices, the signer's task, the step sent back to.
    expect(inboxLines((await project(pp, id)).timeline).map(([a]) => a)).toEqual(['transferTask', 'addSigner', 'signTask']);
    for (const [taskId, action] of [[task.id, 'task.transferTask'], [task.id, 'task.addSigner'], [task.id, 'task.signTask'], [district.id, 'task.sendBack']] as const) {
      expect(await audits(taskId, action), action).toHaveLength(1);
    }
    expect(await notices(b.id, 'task.transferred', id)).toHaveLength(1);
    expect(await notices(rep, 'task.signer_added', id)).toHaveLength(1);
    expect(await p.prisma.humanTask.count({ where: { workflowId: `project-${id}`, action: 'signTask' } })).toBe(1);
    const second = await project(pp, pp2);
    expect(second.timeline.filter((e: any) => e.action === 'sendBack')).toHaveLength(1);
    expect(await p.prisma.humanTask.count({ where: { workflowId: `project-${pp2}`, action: 'reviewApplication', status: 'open' } })).toBe(1);
  });
});

describe('mediation: a case round of the community mediators', () => {
  async function caseWithRound() {
    const caseId = await p.register(caseBody({ placeUnitId: MU.grid }));
    const c = await p.caseWhen(caseId, (x) => x.stage === 'in_round');
    return { caseId, workflowId: `mediation-${caseId}`, c };
  }

  it('转交 of the acceptance and then of the accepted round, which moves the mediator in the case too', async () => {
    const { caseId, workflowId } = await caseWithRound();
    const accept = await openTask(workflowId, 'acceptCase');
    const second = await extraPerson('mediator', MU.community);
    const community = await personId(who.communityMediator);
    const noRole = await taskAction(who.communityMediator, accept.id, 'transferTask', { toPersonId: await personId(who.communityStaff), reason: '请社区处理' });
    expect(noRole.body.code).toBe('TRANSFER_TARGET_INELIGIBLE');
    // A mediator above holds the role over the unit, but a round belongs to its own level's mediators: the case refuses.
    const above = await taskAction(who.communityMediator, accept.id, 'transferTask', { toPersonId: await personId(who.streetMediator), reason: '请协助' });
    expect(above.status).toBe(422);
    expect(above.body).toMatchObject({ code: 'TRANSFER_TARGET_INELIGIBLE', detail: expect.stringContaining('调解组织') });
    expect((await taskAction(who.communityMediator, accept.id, 'transferTask', { toPersonId: second.id, reason: '本人回避,请同事承办' })).status).toBe(200);
    expect((await p.act(who.communityMediator, caseId, 'acceptCase', {})).body.code).toBe('TASK_TRANSFERRED');
    expect((await p.act(second.username, caseId, 'acceptCase', {})).status).toBe(200);

    // The accepted round is the second mediator's in the case itself; handing it back moves it there too.
    const mediate = await p.waitFor(() => p.prisma.humanTask.findFirst({ where: { workflowId, status: 'open', action: 'recordSession', assigneeId: second.id } }));
    const back = await taskAction(second.username, mediate.id, 'transferTask', { toPersonId: community, reason: '当事人熟悉社区调解员' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    const c = await p.caseWhen(caseId, (x) => round(x).mediatorId === community);
    expect(round(c).mediatorName).toBeTruthy();
    const session = { heldOn: p.today(), participants: ['张建国', '李秀兰'], place: '调解室', summary: '听取双方陈述' };
    expect((await p.act(second.username, caseId, 'recordSession', session)).status).toBe(403);
    const held = await p.act(who.communityMediator, caseId, 'recordSession', session);
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    const timeline = (await p.get(who.auditor, `/api/mediation-cases/${caseId}`)).body.timeline;
    expect(inboxLines(timeline).map(([a]) => a)).toEqual(['transferTask', 'transferTask']);
    expect(await audits(mediate.id, 'task.transferTask')).toHaveLength(1);
  });

  it('委派 and 抄送 on a round; 催办 by the grid worker who reported it, once a day', async () => {
    const { caseId, workflowId } = await caseWithRound();
    expect((await p.act(who.communityMediator, caseId, 'acceptCase', {})).status).toBe(200);
    const mediate = await openTask(workflowId, 'recordSession');
    const street = await personId(who.streetMediator);
    expect((await taskAction(who.communityMediator, mediate.id, 'delegateTask', { toPersonId: street, note: '请提出调解方案' })).status).toBe(200);
    const session = { heldOn: p.today(), participants: ['张建国'], place: '调解室', summary: '协办人不能记录' };
    expect((await p.act(who.streetMediator, caseId, 'recordFailure', { reason: '分歧大' })).body.code).toBe('DELEGATE_CANNOT_DECIDE');
    expect((await taskAction(who.streetMediator, mediate.id, 'commentTask', { body: '建议按维修报价的八成赔偿。' })).status).toBe(200);
    expect((await taskAction(who.streetMediator, mediate.id, 'returnDelegation', { note: '方案已附' })).status).toBe(200);
    expect((await p.act(who.communityMediator, caseId, 'recordSession', session)).status).toBe(200);

    // 抄送 reaches the record's line and the caller's; another street's mediator is a stranger to both, even by a hand-made request.
    const outsider = await personId(who.otherStreetMediator);
    const stranger = await taskAction(who.communityMediator, mediate.id, 'ccTask', { personIds: [outsider] });
    expect(stranger.status).toBe(422);
    expect(stranger.body).toMatchObject({ code: 'TARGET_OUT_OF_REACH', detail: expect.stringContaining('抄送') });
    expect((await taskAction(who.communityMediator, mediate.id, 'delegateTask', { toPersonId: outsider, note: '请协助' })).body.code).toBe('TARGET_OUT_OF_REACH');
    expect((await p.get(who.otherStreetMediator, `/api/mediation-cases/${caseId}`)).status).toBe(404);
    expect(await notices(outsider, 'task.cc', caseId)).toHaveLength(0);
    const reader = await extraPerson('resident_rep', MU.community);
    expect((await p.get(reader.username, `/api/mediation-cases/${caseId}`)).status).toBe(404);
    expect((await taskAction(who.communityMediator, mediate.id, 'ccTask', { personIds: [reader.id] })).status).toBe(200);
    expect((await p.get(reader.username, `/api/mediation-cases/${caseId}`)).status).toBe(200);
    expect(await notices(reader.id, 'task.cc', caseId)).toHaveLength(1);

    expect((await taskAction(who.gridWorker, mediate.id, 'urgeTask', { message: '当事人多次来电' })).status).toBe(200);
    expect((await taskAction(who.gridWorker, mediate.id, 'urgeTask', {})).body.code).toBe('ALREADY_URGED_TODAY');
    expect(await notices(await personId(who.communityMediator), 'task.urged')).not.toHaveLength(0);
    const timeline = (await p.get(who.auditor, `/api/mediation-cases/${caseId}`)).body.timeline;
    expect(inboxLines(timeline).map(([a]) => a)).toEqual(['delegateTask', 'commentTask', 'returnDelegation', 'ccTask', 'urgeTask']);
  });

  it('代理: the deputy of the round mediator is refused before the range and records the session "代 X" within it', async () => {
    const { caseId } = await caseWithRound();
    const principal = await extraPerson('mediator', MU.community);
    const deputy = await extraPerson('mediator', MU.otherStreet);
    expect((await p.act(principal.username, caseId, 'acceptCase', {})).status).toBe(200);
    const tomorrow = new Date(p.now().getTime() + DAY + 8 * 3600_000).toISOString().slice(0, 10);
    const named = await p.post(principal.username, '/api/me/proxies', { deputyId: deputy.id, startsOn: tomorrow, endsOn: tomorrow, reason: '外出培训' });
    expect(named.status).toBe(201);
    const session = () => ({ heldOn: p.today(), participants: ['张建国', '李秀兰'], place: '调解室', summary: '代理调解员主持调解' });
    const early = await p.act(deputy.username, caseId, 'recordSession', session());
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('PROXY_NOT_ACTIVE');
    await p.advanceTime(DAY);
    const acted = await p.act(deputy.username, caseId, 'recordSession', session());
    expect(acted.status, JSON.stringify(acted.body)).toBe(200);
    const timeline = (await p.get(who.auditor, `/api/mediation-cases/${caseId}`)).body.timeline;
    expect(timeline.find((e: any) => e.action === 'actAsDeputy')?.actorName).toMatch(/代 /);
    await p.post(principal.username, `/api/me/proxies/${named.body.id}/actions/cancelProxy`);
  });

  it('撤回: the mediator who accepted takes it back; no one else may, and not once the next step acted', async () => {
    const { caseId, workflowId } = await caseWithRound();
    const second = await extraPerson('mediator', MU.community);
    expect((await p.act(who.communityMediator, caseId, 'acceptCase', {})).status).toBe(200);
    const accept = await p.waitFor(() => p.prisma.humanTask.findFirst({ where: { workflowId, action: 'acceptCase', status: 'done' } }));
    const other = await taskAction(second.username, accept.id, 'recallStep', { reason: '误操作' });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('NOT_TASK_HOLDER');
    const back = await taskAction(who.communityMediator, accept.id, 'recallStep', { reason: '误点受理,应由同事承办' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({ recalledAction: 'acceptCase', stage: 'in_round' });
    const c = await p.caseWhen(caseId, (x) => round(x).acceptedAt === null);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'recallStep', summary: expect.stringContaining('误点受理') });
    expect(await p.prisma.humanTask.findUniqueOrThrow({ where: { id: accept.id } })).toMatchObject({ status: 'open', assigneeId: null, completedById: null });

    expect((await p.act(second.username, caseId, 'acceptCase', {})).status).toBe(200);
    const session = { heldOn: p.today(), participants: ['张建国', '李秀兰'], place: '调解室', summary: '听取双方陈述' };
    expect((await p.act(second.username, caseId, 'recordSession', session)).status).toBe(200);
    expect((await p.act(second.username, caseId, 'recordFailure', { reason: '双方分歧较大' })).status).toBe(200);
    const late = await taskAction(second.username, accept.id, 'recallStep', { reason: '想撤回受理' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'RECALL_TOO_LATE', title: '已不能撤回' });
  });
});
