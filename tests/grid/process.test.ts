// 网格事件处置 end to end through the API, the worker and the engine: report →
// triage → dispatch → handle → verify → close → rating; the one reopen;
// conversion into a mediation case; overdue steps reminding and escalating
// with the engine's virtual time; refusals answered 4xx and changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridIncidentWorkflowId } from '../../domain/grid/types';
import { usernameFor } from '../../seeds/demo-org';
import { resolveActor } from '../../api/auth/resolve-actor';
import { reportIncident } from '../../api/grid/report-incident';
import { recordIdForKey } from '../../api/http/idempotency';
import { auditor, incidentBody, startGridPlatform, type GridPlatform } from './support';

const U = {
  district: 'qindu',
  street: 'qindu-renmin',
  community: 'qindu-renmin-furong',
  grid: 'qindu-renmin-furong-g1',
  otherStreet: 'qindu-xilan',
};
const who = {
  gridWorker: usernameFor('grid_worker', U.grid),
  otherGridWorker: usernameFor('grid_worker', 'qindu-renmin-furong-g2'),
  community: usernameFor('community', U.community),
  street: usernameFor('street_office', U.street),
  otherStreet: usernameFor('street_office', U.otherStreet),
  district: usernameFor('district_org', U.district),
};

let p: GridPlatform;
beforeAll(async () => {
  p = await startGridPlatform();
});
afterAll(() => p?.close());

const ok = (res: { status: number; body: any }, status = 200) => expect(res.status, JSON.stringify(res.body)).toBe(status);
const dispatchBody = { unitId: U.community, department: '社区物业服务站', note: '请尽快修复路灯' };

describe('grid incidents through the API', () => {
  it('goes report → triage → dispatch → handle → verify → close, and records the satisfaction', async () => {
    const id = await p.report(who.gridWorker);
    const c0 = await p.incidentWhen(id, (c) => c.stage === 'triage', who.community);
    expect(c0.pendingActions).toEqual([expect.objectContaining({ action: 'dispatchIncident', role: 'community', unitId: U.community })]);
    expect(c0.availableActions).toEqual(['resolveOnSpot', 'dispatchIncident', 'convertToMediation', 'escalateToStreet']);

    ok(await p.act(who.community, id, 'dispatchIncident', dispatchBody));
    const c1 = await p.incidentWhen(id, (c) => c.stage === 'handling');
    expect(c1.assignee).toEqual({ unitId: U.community, department: '社区物业服务站' });
    const tasks = await p.prisma.humanTask.findMany({ where: { subjectId: id }, orderBy: { createdAt: 'asc' } });
    expect(tasks.map((t) => [t.key, t.status])).toEqual([
      ['triage', 'done'],
      ['handle-1', 'open'],
    ]);

    ok(await p.act(who.community, id, 'completeHandling', { result: '已更换灯泡并检查线路', photos: ['attachments/grid/after.jpg'] }));
    const c2 = await p.incidentWhen(id, (c) => c.stage === 'verifying', who.gridWorker);
    expect(c2.availableActions).toEqual(['confirmResult', 'rejectResult']);
    ok(await p.act(who.gridWorker, id, 'confirmResult', { note: '夜间复查,路灯正常' }));
    const c3 = await p.incidentWhen(id, (c) => c.stage === 'closed');
    expect(c3).toMatchObject({ outcome: 'resolved', pendingActions: [expect.objectContaining({ action: 'rateSatisfaction' })] });

    ok(await p.act(who.community, id, 'rateSatisfaction', { level: 'satisfied', note: '居民表示满意' }));
    const done = await p.incidentWhen(id, (c) => c.satisfaction === 'satisfied');
    expect(done.timeline.map((e: any) => e.action)).toEqual(['reportIncident', 'dispatchIncident', 'completeHandling', 'confirmResult', 'rateSatisfaction']);
    expect(done.pendingActions).toEqual([]);
    // Finished: the workflow ended, and a second rating is refused from the saved state.
    expect(await p.client.workflow.getHandle(gridIncidentWorkflowId(id)).result()).toEqual({ stage: 'closed', outcome: 'resolved' });
    const again = await p.act(who.community, id, 'rateSatisfaction', { level: 'dissatisfied', note: '' });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_DONE']);
    const row = await p.prisma.gridIncident.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ handledOnTime: true, satisfaction: 'satisfied', stage: 'closed' });
  });

  it('reopens once to the same assignee when the check fails', async () => {
    const id = await p.report(who.gridWorker, { type: 'environment', title: '垃圾清运不及时' });
    ok(await p.act(who.community, id, 'dispatchIncident', dispatchBody));
    ok(await p.act(who.community, id, 'completeHandling', { result: '已清运', photos: [] }));
    ok(await p.act(who.gridWorker, id, 'rejectResult', { reason: '楼后仍有垃圾堆放' }));
    const c = await p.incidentWhen(id, (x) => x.stage === 'handling' && x.state.reopenCount === 1);
    expect(c.pendingActions[0]).toMatchObject({ action: 'completeHandling', unitId: U.community });
    ok(await p.act(who.community, id, 'completeHandling', { result: '楼后垃圾已全部清运', photos: [] }));
    ok(await p.act(who.gridWorker, id, 'confirmResult', {}));
    const done = await p.incidentWhen(id, (x) => x.stage === 'closed');
    expect(done.state.handlings.map((h: any) => h.round)).toEqual([1, 2]);
    expect(done.state.verifications.map((v: any) => v.accepted)).toEqual([false, true]);
    const keys = (await p.prisma.humanTask.findMany({ where: { subjectId: id }, orderBy: { createdAt: 'asc' } })).map((t) => t.key);
    expect(keys).toEqual(['triage', 'handle-1', 'verify-1', 'handle-2', 'verify-2', 'rating']);
  });

  it('converts a neighbour dispute into a mediation case, linked both ways, whose workflow starts', async () => {
    const id = await p.report(who.gridWorker, { type: 'neighbour_dispute', title: '楼上漏水引发邻里纠纷' });
    const res = await p.act(who.community, id, 'convertToMediation', {
      disputeType: 'water_leak',
      note: '双方同意调解',
      parties: [
        { role: 'applicant', name: '张建国', phone: '13812345678' },
        { role: 'respondent', name: '李秀兰', phone: '13987654321' },
      ],
    });
    ok(res);
    const caseId = res.body.mediationCaseId as string;
    expect(res.body.stage).toBe('converted');
    const c = await p.incidentWhen(id, (x) => x.stage === 'converted');
    expect(c).toMatchObject({ outcome: 'converted', mediationCaseId: caseId, pendingActions: [] });
    const mediation = await p.waitFor(async () => {
      const r = await p.get(auditor, `/api/mediation-cases/${caseId}`);
      return r.status === 200 && r.body.stage === 'in_round' ? r.body : false;
    });
    expect(mediation).toMatchObject({ channel: 'grid_worker', disputeType: 'water_leak', currentLevel: 'community', place: { id: U.grid } });
    expect(mediation.description).toContain(c.incidentNo);
    const row = await p.prisma.mediationCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.gridIncidentId).toBe(id);
    // The incident's history holds the case id, never the parties' phone numbers.
    expect(JSON.stringify(c.state)).not.toContain('13812345678');
    expect(await p.client.workflow.getHandle(gridIncidentWorkflowId(id)).result()).toEqual({ stage: 'converted', outcome: 'converted' });
  });

  it('finishes a conversion whose case registration failed when the same request comes again', async () => {
    const title = `转调解登记失败重试${Date.now()}`;
    const trigger = `grid_refuse_case_${Date.now()}`;
    await p.prisma.$executeRawUnsafe(`
      CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."title" = '${title}' THEN RAISE EXCEPTION 'database away' USING ERRCODE = '08006'; END IF;
        RETURN NEW;
      END $$`);
    await p.prisma.$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE INSERT ON "MediationCase" FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    const id = await p.report(who.gridWorker, { type: 'neighbour_dispute', title });
    const body = { disputeType: 'neighbour', parties: [{ role: 'applicant', name: '甲' }, { role: 'respondent', name: '乙' }] };
    try {
      const failed = await p.act(who.community, id, 'convertToMediation', body);
      expect(failed.status).toBeGreaterThanOrEqual(500);
    } finally {
      await p.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${trigger} ON "MediationCase"`);
      await p.prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${trigger}()`);
    }
    const half = await p.incidentWhen(id, (c) => c.stage === 'converted');
    expect(await p.prisma.mediationCase.count({ where: { id: half.mediationCaseId } })).toBe(0);
    // Someone who could not have converted it cannot finish it either.
    expect((await p.act(who.gridWorker, id, 'convertToMediation', body)).status).toBe(403);

    const again = await p.act(who.community, id, 'convertToMediation', body);
    ok(again);
    expect(again.body.mediationCaseId).toBe(half.mediationCaseId);
    const row = await p.waitFor(() => p.prisma.mediationCase.findFirst({ where: { id: half.mediationCaseId, stage: 'in_round' } }));
    expect(row.gridIncidentId).toBe(id);
    // Once registered, a third time is simply refused.
    expect((await p.act(who.community, id, 'convertToMediation', body)).body.code).toBe('WRONG_STAGE');
  });

  it('a report resent with its Idempotency-Key is one incident: after a lost answer, and after dying between its row and its workflow', async () => {
    const person = await p.prisma.person.findUniqueOrThrow({ where: { username: who.gridWorker } });
    const lost = incidentBody('qindu-renmin-furong-g1', { title: `重发上报-${Date.now()}` });
    const key = `report-${Date.now()}`;
    const first = await p.post(who.gridWorker, '/api/grid-incidents', lost, { 'Idempotency-Key': key });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await p.prisma.idempotencyRecord.deleteMany({ where: { personId: person.id, key } })).count).toBe(1);
    const resend = await p.post(who.gridWorker, '/api/grid-incidents', lost, { 'Idempotency-Key': key });
    expect([resend.status, resend.body]).toEqual([201, first.body]);
    expect(await p.prisma.gridIncident.count({ where: { title: lost.title } })).toBe(1);

    // The first attempt: the row is committed, then the API process dies before the start.
    const died = incidentBody('qindu-renmin-furong-g1', { title: `断点上报-${Date.now()}` });
    const actor = (await resolveActor({ prisma: p.prisma, personId: person.id }))!;
    const dying = { ...p.client, workflow: { start: async () => { throw new Error('SIGKILL'); } } } as unknown as typeof p.client;
    const crashKey = `report-crash-${Date.now()}`;
    await expect(
      reportIncident({ deps: { prisma: p.prisma, temporal: dying, config: p.config } as never, actor, body: died as never, authorize: () => {}, incidentId: recordIdForKey('grid-incident', person.id, crashKey) }),
    ).rejects.toThrow('SIGKILL');
    expect(await p.prisma.gridIncident.count({ where: { title: died.title } })).toBe(1);
    const retry = await p.post(who.gridWorker, '/api/grid-incidents', died, { 'Idempotency-Key': crashKey });
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.body.incidentId).toBe(recordIdForKey('grid-incident', person.id, crashKey));
    expect(await p.prisma.gridIncident.count({ where: { title: died.title } })).toBe(1);
    // The retry started the process the first attempt never did: the community's triage waits.
    await p.incidentWhen(retry.body.incidentId, (c) => c.timeline.length > 0);
  });

  it('answers a resend whose first answer was lost with the first answer, though the incident has moved on or closed', async () => {
    // The answer is lost with the API process that held it: no stored response survives under the key
    // (as when the API dies after the workflow answered but before the outcome was saved).
    const loseAnswer = async (username: string, key: string) => {
      const person = await p.prisma.person.findUniqueOrThrow({ where: { username } });
      expect((await p.prisma.idempotencyRecord.deleteMany({ where: { personId: person.id, key } })).count).toBe(1);
    };
    const id = await p.report(who.gridWorker);
    await p.incidentWhen(id, (c) => c.stage === 'triage');
    const key = `dispatch-${id}`;
    const first = await p.act(who.community, id, 'dispatchIncident', dispatchBody, { 'Idempotency-Key': key });
    ok(first);
    await p.incidentWhen(id, (c) => c.stage === 'handling');
    await loseAnswer(who.community, key);
    // The saved state says 处置中 (no longer waiting for a dispatch); the resend still gets its own answer.
    const resend = await p.act(who.community, id, 'dispatchIncident', dispatchBody, { 'Idempotency-Key': key });
    expect([resend.status, resend.body]).toEqual([200, first.body]);
    // Another dispatch under a new key is refused as before, and changes nothing.
    const fresh = await p.act(who.community, id, 'dispatchIncident', dispatchBody, { 'Idempotency-Key': `${key}-again` });
    expect([fresh.status, fresh.body.code]).toEqual([409, 'WRONG_STAGE']);

    ok(await p.act(who.community, id, 'completeHandling', { result: '已修复', photos: [] }));
    ok(await p.act(who.gridWorker, id, 'confirmResult', { note: '复查正常' }));
    const rateKey = `rate-${id}`;
    const rated = await p.act(who.community, id, 'rateSatisfaction', { level: 'satisfied', note: '' }, { 'Idempotency-Key': rateKey });
    ok(rated);
    // The rating was the last step: the workflow has ended.
    await p.client.workflow.getHandle(gridIncidentWorkflowId(id)).result();
    await loseAnswer(who.community, rateKey);
    const rateAgain = await p.act(who.community, id, 'rateSatisfaction', { level: 'satisfied', note: '' }, { 'Idempotency-Key': rateKey });
    expect([rateAgain.status, rateAgain.body]).toEqual([200, rated.body]);
    const other = await p.act(who.community, id, 'rateSatisfaction', { level: 'dissatisfied', note: '' }, { 'Idempotency-Key': `${rateKey}-again` });
    expect([other.status, other.body.code]).toEqual([409, 'ALREADY_DONE']);

    const done = await p.incidentWhen(id, (c) => c.satisfaction === 'satisfied');
    expect(done.timeline.map((e: any) => e.action)).toEqual(['reportIncident', 'dispatchIncident', 'completeHandling', 'confirmResult', 'rateSatisfaction']);

    // A conversion resent after its answer was lost names the case the first attempt registered, not a second one.
    const dispute = await p.report(who.gridWorker, { type: 'neighbour_dispute', title: `转调解重发${Date.now()}` });
    await p.incidentWhen(dispute, (c) => c.stage === 'triage');
    const convertKey = `convert-${dispute}`;
    const convertBody = { disputeType: 'neighbour', parties: [{ role: 'applicant', name: '甲' }, { role: 'respondent', name: '乙' }] };
    const converted = await p.act(who.community, dispute, 'convertToMediation', convertBody, { 'Idempotency-Key': convertKey });
    ok(converted);
    await loseAnswer(who.community, convertKey);
    const convertAgain = await p.act(who.community, dispute, 'convertToMediation', convertBody, { 'Idempotency-Key': convertKey });
    expect([convertAgain.status, convertAgain.body]).toEqual([200, converted.body]);
    expect(await p.prisma.mediationCase.count({ where: { gridIncidentId: dispute } })).toBe(1);
  });

  it('reminds an overdue triage, hands it to the street, then has the street supervise an overdue handling', async () => {
    const id = await p.report(who.gridWorker, { urgency: 'urgent', type: 'safety_hazard', title: '楼道堆放杂物堵塞消防通道' });
    const c0 = await p.incidentWhen(id, (c) => c.stage === 'triage');
    const staff = await p.prisma.person.findUniqueOrThrow({ where: { username: who.community } });
    const streetStaff = await p.prisma.person.findUniqueOrThrow({ where: { username: who.street } });
    // Urgent: the street hears of it at once.
    await p.waitFor(async () => (await p.prisma.notification.count({ where: { recipientId: streetStaff.id, kind: 'grid.urgent', link: `/api/grid-incidents/${id}` } })) === 1);

    await p.until(c0.state.step.dueAt);
    const c1 = await p.incidentWhen(id, (c) => c.state.step.remindedAt !== null);
    await p.waitFor(async () => (await p.prisma.notification.count({ where: { recipientId: staff.id, kind: 'grid.overdue', link: `/api/grid-incidents/${id}` } })) === 1);

    await p.until(c1.state.step.escalateAt);
    const c2 = await p.incidentWhen(id, (c) => c.stage === 'street_triage');
    expect(c2.pendingActions[0]).toMatchObject({ action: 'dispatchIncident', role: 'street_office', unitId: U.street });
    expect(c2.timeline.map((e: any) => e.action)).toEqual(['reportIncident', 'remindOverdue', 'escalateOverdue']);
    const tasks = await p.prisma.humanTask.findMany({ where: { subjectId: id }, orderBy: { createdAt: 'asc' } });
    expect(tasks.map((t) => [t.key, t.status])).toEqual([
      ['triage', 'cancelled'],
      ['street-triage', 'open'],
    ]);
    // Now only the street triages.
    expect((await p.act(who.community, id, 'dispatchIncident', dispatchBody)).body.code).toBe('WRONG_STAGE');
    ok(await p.act(who.street, id, 'dispatchIncident', { ...dispatchBody, note: '立即清理消防通道' }));

    const c3 = await p.incidentWhen(id, (c) => c.stage === 'handling');
    await p.until(c3.state.step.dueAt);
    const c4 = await p.incidentWhen(id, (c) => c.state.step.remindedAt !== null);
    await p.until(c4.state.step.escalateAt);
    const c5 = await p.incidentWhen(id, (c) => c.state.handlings[0].supervisedAt !== null);
    expect(c5.stage).toBe('handling');
    await p.waitFor(async () => (await p.prisma.notification.count({ where: { recipientId: streetStaff.id, kind: 'grid.escalated', link: `/api/grid-incidents/${id}` } })) === 1);
    // Handled late: it counts, as late.
    ok(await p.act(who.community, id, 'completeHandling', { result: '杂物已清理', photos: [] }));
    const c6 = await p.incidentWhen(id, (c) => c.stage === 'verifying');
    expect(c6.state.handlings[0].onTime).toBe(false);
  });

  it('tells those who report the limits a new incident runs under, and only them', async () => {
    const res = await p.get(who.gridWorker, '/api/grid-incidents/rules');
    ok(res);
    expect(res.body).toEqual(p.config.rules.grid);
    expect(res.body.handleWorkingDays).toEqual({ urgent: 1, ordinary: 3, minor: 5 });
    // 审计 reads incidents but reports none.
    expect((await p.get(auditor, '/api/grid-incidents/rules')).status).toBe(403);
  });

  it('refuses the wrong role, a sibling street, the wrong stage and bad input with 4xx, changing nothing', async () => {
    const id = await p.report(who.gridWorker, { contactName: '王阿姨', contactPhone: '13700001111', channel: 'hotline_12345' });
    const before = await p.incidentWhen(id, (c) => c.stage === 'triage');
    const expectRefused = async (username: string, action: string, body: unknown, status: number, code: string) => {
      const res = await p.act(username, id, action, body);
      expect([res.status, res.body.code], JSON.stringify(res.body)).toEqual([status, code]);
      expect(typeof res.body.detail).toBe('string');
    };
    // Wrong role: reads it, may not act.
    await expectRefused(who.district, 'dispatchIncident', dispatchBody, 403, 'FORBIDDEN_ROLE');
    await expectRefused(who.gridWorker, 'dispatchIncident', dispatchBody, 403, 'FORBIDDEN_ROLE');
    await expectRefused(who.street, 'confirmResult', {}, 403, 'FORBIDDEN_ROLE');
    // A sibling grid or street does not see it at all.
    await expectRefused(who.otherGridWorker, 'confirmResult', {}, 404, 'NOT_FOUND');
    await expectRefused(who.otherStreet, 'dispatchIncident', dispatchBody, 404, 'NOT_FOUND');
    expect((await p.get(who.otherStreet, `/api/grid-incidents/${id}`)).status).toBe(404);
    // Wrong stage.
    await expectRefused(who.gridWorker, 'confirmResult', {}, 409, 'WRONG_STAGE');
    await expectRefused(who.community, 'completeHandling', { result: '已处理' }, 409, 'WRONG_STAGE');
    // Bad input.
    await expectRefused(who.community, 'dispatchIncident', { unitId: U.community }, 400, 'VALIDATION_FAILED');
    await expectRefused(who.community, 'dispatchIncident', { ...dispatchBody, unitId: 'qindu-xilan-huafu' }, 422, 'BUSINESS_RULE');
    await expectRefused(who.community, 'dispatchIncident', { ...dispatchBody, unitId: 'no-such-unit' }, 404, 'NOT_FOUND');
    await expectRefused(who.community, 'convertToMediation', { disputeType: 'noise', parties: [{ role: 'applicant', name: '甲' }, { role: 'applicant', name: '乙' }] }, 422, 'BUSINESS_RULE');
    const after = await p.get(auditor, `/api/grid-incidents/${id}`);
    expect(after.body.state.version).toBe(before.state.version);
    expect(after.body.timeline).toEqual(before.timeline);
    expect(await p.prisma.mediationCase.count({ where: { gridIncidentId: id } })).toBe(0);

    // Reporting: only over one's own grid, and only at a grid or community.
    expect((await p.post(who.otherGridWorker, '/api/grid-incidents', incidentBody(U.grid))).body.code).toBe('FORBIDDEN_SCOPE');
    expect((await p.post(who.street, '/api/grid-incidents', incidentBody(U.street))).body.code).toBe('BUSINESS_RULE');
    expect((await p.post(who.gridWorker, '/api/grid-incidents', incidentBody(U.grid, { urgency: 'whenever' }))).status).toBe(400);

    // The caller's phone: masked in lists and for those not entitled, in full for the community.
    expect((await p.get(who.community, `/api/grid-incidents/${id}`)).body.contactPhone).toBe('13700001111');
    expect((await p.get(who.district, `/api/grid-incidents/${id}`)).body.contactPhone).toBe('137****1111');
    const list = await p.get(who.community, `/api/grid-incidents?q=${encodeURIComponent(before.incidentNo)}`);
    expect(list.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id, contactPhone: '137****1111', personalDataVisible: false })] });
    expect((await p.get(who.otherStreet, `/api/grid-incidents?q=${encodeURIComponent(before.incidentNo)}`)).body.total).toBe(0);
  });
});

describe('photos', () => {
  // A JPEG's first bytes (its SOI and JFIF markers) and some data: the API checks the content against the type.
  const jpeg = (tag: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), Buffer.from(tag)]);
  const upload = (username: string, bytes: Buffer, contentType = 'image/jpeg') =>
    p.post(username, '/api/grid-photos', { fileName: '现场.jpg', contentType, contentBase64: bytes.toString('base64') });
  const photo = async (username: string, id: string, ref: string) => {
    const res = await (await p.as(username)).get(`/api/grid-incidents/${id}/photos/${ref.slice('photo:'.length)}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    return { status: res.status, type: res.headers['content-type'] as string, body: res.body as Buffer };
  };

  it('a grid worker uploads a scene photo and reports with it; those who read the incident see it, no one else; only its uploader may name a photo', async () => {
    const scene = jpeg('scene');
    const up = await upload(who.gridWorker, scene);
    ok(up, 201);
    expect(up.body).toMatchObject({ ref: expect.stringMatching(/^photo:[0-9a-f-]{36}$/), contentType: 'image/jpeg', sizeBytes: scene.length });

    // Not a photo, or not what it says it is: refused, nothing stored.
    const before = await p.prisma.gridPhoto.count();
    expect((await upload(who.gridWorker, scene, 'image/png')).body.code).toBe('ATTACHMENT_TYPE_REFUSED');
    expect((await upload(who.gridWorker, Buffer.from('%PDF-1.4'), 'application/pdf')).body.code).toBe('ATTACHMENT_TYPE_REFUSED');
    expect((await upload(usernameFor('finance', U.district), scene)).status).toBe(403);
    expect(await p.prisma.gridPhoto.count()).toBe(before);

    // Another grid worker naming it in a report of their own: refused before anything is written.
    const incidents = await p.prisma.gridIncident.count();
    const stolen = await p.post(who.otherGridWorker, '/api/grid-incidents', incidentBody('qindu-renmin-furong-g2', { photos: [up.body.ref] }));
    expect(stolen.status).toBe(400);
    expect(stolen.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'photos' })] });
    expect(await p.prisma.gridIncident.count()).toBe(incidents);
    const malformed = await p.post(who.gridWorker, '/api/grid-incidents', incidentBody(U.grid, { photos: ['photo:east-gate'] }));
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await p.prisma.gridIncident.count()).toBe(incidents);

    const id = await p.report(who.gridWorker, { photos: [up.body.ref] });
    for (const reader of [who.gridWorker, who.community, who.street, auditor]) {
      const seen = await photo(reader, id, up.body.ref);
      expect(seen.status, reader).toBe(200);
      expect(seen.type).toBe('image/jpeg');
      expect(seen.body.equals(scene)).toBe(true);
    }
    expect((await photo(who.otherStreet, id, up.body.ref)).status).toBe(404);
    // A photo the incident does not name is not shown through it, though the reader may read the incident.
    const other = await upload(who.gridWorker, jpeg('other'));
    expect((await photo(who.community, id, other.body.ref)).status).toBe(404);

    // The handler's photo after the work: theirs only; then shown with the incident.
    ok(await p.act(who.community, id, 'dispatchIncident', dispatchBody));
    await p.incidentWhen(id, (c) => c.stage === 'handling');
    const refused = await p.act(who.community, id, 'completeHandling', { result: '已修复', photos: [other.body.ref] });
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    const after = await upload(who.community, jpeg('after'));
    ok(await p.act(who.community, id, 'completeHandling', { result: '已修复', photos: [after.body.ref] }));
    await p.incidentWhen(id, (c) => c.stage === 'verifying');
    const handled = await photo(who.gridWorker, id, after.body.ref);
    expect(handled.status).toBe(200);
    expect(handled.body.equals(jpeg('after'))).toBe(true);
  });
});
