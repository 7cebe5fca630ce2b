// 三级三轮调解 through the API with the real worker and engine: the rounds,
// triage, voluntariness, scope and personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdForKey, registerCase } from '../../api/mediation/register-case';
import { resolveActor } from '../../api/auth/resolve-actor';
import { caseBody, mediateRound, round, startMediationPlatform, U, who, type MediationPlatform } from './support';
import { uniqueSuffix } from '../helpers/db';

let p: MediationPlatform;
beforeAll(async () => {
  p = await startMediationPlatform();
});
afterAll(() => p?.close());

describe('mediation rounds', () => {
  it('settles at the community: agreement, document rendered, inbox and timeline', async () => {
    const id = await p.register();
    const c0 = await p.caseWhen(id, (c) => c.stage === 'in_round');
    expect(c0).toMatchObject({ currentLevel: 'community', channel: 'grid_worker', caseNo: expect.stringMatching(/^秦都调〔\d{4}〕\d+号$/) });
    expect(c0.pendingActions).toEqual([expect.objectContaining({ action: 'acceptCase', role: 'mediator', unitId: U.community })]);

    // The community mediator has it in the inbox.
    const inbox = await p.waitFor(async () => {
      const r = await p.get(who.communityMediator, '/api/tasks');
      return (r.body.items ?? r.body).some?.((t: any) => t.subjectId === id) ? r : false;
    });
    expect(inbox.status).toBe(200);

    await mediateRound(p, id, who.communityMediator, 'agreement');
    const c = await p.caseWhen(id, (x) => x.stage === 'agreement' && x.agreementDocument?.rendered);
    expect(c).toMatchObject({ outcome: 'agreement', judicialStatus: 'open', currentLevel: 'community' });
    expect(c.state.agreement).toMatchObject({ amountFen: 400_000, level: 'community' });
    expect(c.timeline.map((e: any) => e.action)).toEqual(['registerCase', 'triage', 'openRound', 'acceptCase', 'recordSession', 'recordAgreement']);

    const doc = await p.get(who.communityMediator, `/api/mediation-cases/${id}/agreement-document`);
    expect(doc.status).toBe(200);
    expect(doc.text).toContain('人民调解协议书');
    expect(doc.text).toContain('610402197801011234');
    expect(doc.text).toContain('芙蓉社区人民调解委员会');
    // The document carries personal data: community staff may not open it.
    expect((await p.get(who.communityStaff, `/api/mediation-cases/${id}/agreement-document`)).status).toBe(403);
  });

  it('fails at the community, then settles at the street', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    await mediateRound(p, id, who.communityMediator, 'failure');
    const c1 = await p.caseWhen(id, (c) => c.currentLevel === 'street');
    expect(c1.state.rounds[0]).toMatchObject({ level: 'community', outcome: 'failed' });
    expect(c1.pendingActions[0]).toMatchObject({ action: 'acceptCase', unitId: U.street });
    // The community mediator no longer acts on it.
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(403);
    await mediateRound(p, id, who.streetMediator, 'agreement');
    const c = await p.caseWhen(id, (x) => x.stage === 'agreement');
    expect(c).toMatchObject({ outcome: 'agreement', currentLevel: 'street' });
  });

  it('fails at all three levels and closes with litigation/arbitration guidance', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    await mediateRound(p, id, who.communityMediator, 'failure');
    await p.caseWhen(id, (c) => c.currentLevel === 'street' && round(c).endedAt === null);
    await mediateRound(p, id, who.streetMediator, 'failure');
    await p.caseWhen(id, (c) => c.currentLevel === 'district' && round(c).endedAt === null);
    await mediateRound(p, id, who.districtMediator, 'failure');
    const c = await p.caseWhen(id, (x) => x.stage === 'closed');
    expect(c.outcome).toBe('not_mediated');
    expect(c.guidance).toContain('提起诉讼');
    expect(c.guidance).toContain('仲裁');
    expect(c.state.rounds.map((r: any) => [r.level, r.outcome])).toEqual([
      ['community', 'failed'],
      ['street', 'failed'],
      ['district', 'failed'],
    ]);
    expect(c.pendingActions).toEqual([]);
    const tasks = await p.prisma.humanTask.findMany({ where: { subjectId: id, status: 'open' } });
    expect(tasks).toEqual([]);
  });

  it('starts a high-risk case at the street level at once and alerts', async () => {
    const id = await p.register({ risk: 'high', disputeType: 'property_management', title: '物业停水引发业主聚集' });
    const c = await p.caseWhen(id, (x) => x.stage === 'in_round');
    expect(c).toMatchObject({ highRisk: true, currentLevel: 'street' });
    expect(c.state.rounds).toHaveLength(1);
    expect(c.pendingActions[0]).toMatchObject({ unitId: U.street });
    // The community mediator cannot take it; the street mediator can.
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(403);
    const street = await p.prisma.person.findUniqueOrThrow({ where: { username: who.streetMediator } });
    await p.waitFor(() => p.prisma.notification.findFirst({ where: { recipientId: street.id, kind: 'mediation.high_risk', title: { contains: '物业停水' } } }));
  });

  it('refers a case that is not suitable for mediation out, with the reason', async () => {
    const id = await p.register({ disputeType: 'criminal', title: '邻里冲突中一方被打伤' }, who.communityStaff);
    const c = await p.caseWhen(id, (x) => x.stage === 'closed');
    expect(c).toMatchObject({ outcome: 'referred_out', currentLevel: null });
    expect(c.closeReason).toContain('公安机关');
    expect(c.state.rounds).toEqual([]);
  });

  it('closes the case when a party withdraws (mediation is voluntary)', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(200);
    const r = await p.act(who.communityMediator, id, 'recordWithdrawal', { kind: 'withdrawn', party: '申请人张建国', reason: '双方已自行和解' });
    expect(r.status).toBe(200);
    const c = await p.caseWhen(id, (x) => x.stage === 'closed');
    expect(c).toMatchObject({ outcome: 'withdrawn' });
    expect(c.closeReason).toContain('双方已自行和解');
    expect((await p.act(who.communityMediator, id, 'recordSession', { heldOn: p.today(), participants: ['x'], summary: 'y' })).status).toBe(409);
  });

  it('refuses a mediator of another street and changes nothing', async () => {
    const id = await p.register({ risk: 'high' });
    const before = await p.caseWhen(id, (x) => x.currentLevel === 'street');
    // They cannot read it, so for them it does not exist, for acting as for reading.
    const r = await p.act(who.otherStreetMediator, id, 'acceptCase', {});
    expect([r.status, r.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await p.get(who.otherStreetMediator, `/api/mediation-cases/${id}`)).status).toBe(404);
    const after = await p.get(who.auditor, `/api/mediation-cases/${id}`);
    expect(after.body.state.version).toBe(before.state.version);
    expect(round(after.body).mediatorId).toBeNull();
  });

  it('lets a supervisor assign the round to a mediator of that unit, who alone may then accept it', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    const cm = await p.prisma.person.findUniqueOrThrow({ where: { username: who.communityMediator } });
    const sm = await p.prisma.person.findUniqueOrThrow({ where: { username: who.streetMediator } });
    // A street mediator is not a mediator of the community: refused as assignee.
    expect((await p.act(who.streetMediator, id, 'assignMediator', { mediatorId: sm.id })).status).toBe(422);
    expect((await p.act(who.otherStreetMediator, id, 'assignMediator', { mediatorId: cm.id })).status).toBe(404);
    expect((await p.act(who.streetMediator, id, 'assignMediator', { mediatorId: cm.id })).status).toBe(200);
    const c = await p.caseWhen(id, (x) => x.pendingActions[0]?.assigneeId === cm.id);
    expect(round(c).assignedMediatorId).toBe(cm.id);
    const task = await p.waitFor(() => p.prisma.humanTask.findFirst({ where: { subjectId: id, status: 'open', assigneeId: cm.id } }));
    expect(task.action).toBe('acceptCase');
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(200);
  });

  it('masks personal data for people without rights, and in lists', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(200);
    await p.caseWhen(id, (c) => round(c).mediatorId !== null);

    const staff = await p.get(who.communityStaff, `/api/mediation-cases/${id}`);
    expect(staff.status).toBe(200);
    expect(staff.body.personalDataVisible).toBe(false);
    expect(staff.body.parties[0]).toMatchObject({ name: '张建国', phone: '138****5678', idNumber: '610402********1234' });

    for (const entitled of [who.communityMediator, who.streetMediator, who.auditor]) {
      const r = await p.get(entitled, `/api/mediation-cases/${id}`);
      expect(r.body.parties[0], entitled).toMatchObject({ phone: '13812345678', idNumber: '610402197801011234' });
    }

    const list = await p.get(who.communityMediator, `/api/mediation-cases?q=${encodeURIComponent('张建国')}&limit=200`);
    expect(list.status).toBe(200);
    const item = list.body.items.find((x: any) => x.id === id);
    expect(item.parties[0].phone).toBe('138****5678');
    expect(list.body.items.every((x: any) => x.parties.every((pp: any) => !pp.phone || pp.phone.includes('*')))).toBe(true);
    // Another street's people do not see the case at all.
    const other = await p.get(who.otherStreetMediator, '/api/mediation-cases?limit=200');
    expect(other.body.items.some((x: any) => x.id === id)).toBe(false);
  });

  it('honours Idempotency-Key on registration', async () => {
    const headers = { 'Idempotency-Key': `reg-${Date.now()}` };
    // A title of its own: the count below must not see another file's case (caseBody numbers its titles per process).
    const body = caseBody({ channel: 'hotline_12345', title: `12345热线重复提交的漏水纠纷${uniqueSuffix()}` });
    const a = await p.post(who.gridWorker, '/api/mediation-cases', body, headers);
    const b = await p.post(who.gridWorker, '/api/mediation-cases', body, headers);
    expect(a.status).toBe(201);
    expect(b.body.caseId).toBe(a.body.caseId);
    expect(await p.prisma.mediationCase.count({ where: { title: body.title } })).toBe(1);
  });

  it('finishes a registration that died between its case row and its workflow when the client retries with the same Idempotency-Key', async () => {
    const key = `reg-crash-${Date.now()}`;
    const body = caseBody({ channel: 'hotline_12345', title: `断点重试-${Date.now()}` });
    const person = await p.prisma.person.findUniqueOrThrow({ where: { username: who.gridWorker } });
    const actor = (await resolveActor({ prisma: p.prisma, personId: person.id }))!;
    // The first attempt: the row is committed, then the API process dies before the start.
    const dying = { ...p.client, workflow: { start: async () => { throw new Error('SIGKILL'); } } } as unknown as typeof p.client;
    await expect(
      registerCase({ deps: { prisma: p.prisma, temporal: dying, config: p.config }, actor, body, authorize: () => {}, caseId: caseIdForKey(person.id, key) } as unknown as Parameters<typeof registerCase>[0]),
    ).rejects.toThrow('SIGKILL');
    expect(await p.prisma.mediationCase.count({ where: { title: body.title } })).toBe(1);

    const retry = await p.post(who.gridWorker, '/api/mediation-cases', body, { 'Idempotency-Key': key });
    expect(retry.status).toBe(201);
    expect(retry.body.caseId).toBe(caseIdForKey(person.id, key));
    expect(await p.prisma.mediationCase.count({ where: { title: body.title } })).toBe(1);
    // The retry started the process the first attempt never did.
    const c = await p.caseWhen(retry.body.caseId, (x) => x.stage === 'in_round');
    expect(c.caseNo).toBe(retry.body.caseNo);
  });
  it('answers a resend after a lost answer with the first answer, and records the session once', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(200);
    const key = `session-${Date.now()}`;
    const path = `/api/mediation-cases/${id}/actions/recordSession`;
    const body = { heldOn: p.today(), participants: ['张建国', '李秀兰'], place: '调解室', summary: '重发测试:听取双方陈述' };
    const first = await p.post(who.communityMediator, path, body, { 'Idempotency-Key': key });
    expect(first.status).toBe(200);
    // The answer is lost with the API process that held it: no stored response survives (as when
    // the API dies after the workflow answered but before the outcome was saved under the key).
    const person = await p.prisma.person.findUniqueOrThrow({ where: { username: who.communityMediator } });
    expect((await p.prisma.idempotencyRecord.deleteMany({ where: { personId: person.id, key } })).count).toBe(1);

    const resend = await p.post(who.communityMediator, path, body, { 'Idempotency-Key': key });
    expect(resend.status).toBe(200);
    expect(resend.body).toEqual(first.body);
    const c = await p.caseWhen(id, (x) => x.timeline.some((e: any) => e.action === 'recordSession'));
    expect(c.timeline.filter((e: any) => e.action === 'recordSession')).toHaveLength(1);
    expect(c.state.rounds[0].sessions).toHaveLength(1);

    // The same for the step that closes the case: its workflow has ended, and the saved state says 已结案.
    const closeKey = `${key}-withdrawal`;
    const withdrawal = { kind: 'withdrawn', party: '申请人', reason: '双方已自行和解' };
    const closing = await p.post(who.communityMediator, `/api/mediation-cases/${id}/actions/recordWithdrawal`, withdrawal, { 'Idempotency-Key': closeKey });
    expect(closing.status).toBe(200);
    await p.caseWhen(id, (x) => x.stage === 'closed');
    expect((await p.prisma.idempotencyRecord.deleteMany({ where: { personId: person.id, key: closeKey } })).count).toBe(1);
    const closingAgain = await p.post(who.communityMediator, `/api/mediation-cases/${id}/actions/recordWithdrawal`, withdrawal, { 'Idempotency-Key': closeKey });
    expect([closingAgain.status, closingAgain.body]).toEqual([200, closing.body]);
    // A new request on the closed case is refused as before.
    const after = await p.post(who.communityMediator, path, body, { 'Idempotency-Key': `${key}-late` });
    expect([after.status, after.body.code]).toEqual([409, 'WRONG_STAGE']);
  });

  it('answers a resent 转交 of a round as done when its first attempt handed the round on and the new mediator has closed it since', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(200);
    const mediator = await p.prisma.person.findUniqueOrThrow({ where: { username: who.communityMediator } });
    const username = `mediator.${U.community}.x${uniqueSuffix()}`;
    const colleague = await p.prisma.person.create({
      data: { username, displayName: `备岗${uniqueSuffix().slice(-4)}`, passwordHash: mediator.passwordHash, roles: { create: { role: 'mediator', unitId: U.community } } },
    });
    // The colleague holds the role only for this test: the community's other cases keep one mediator.
    try {
      const task = await p.waitFor(() => p.prisma.humanTask.findFirst({ where: { subjectId: id, status: 'open', assigneeId: mediator.id } }));
      const key = `transfer-${uniqueSuffix()}`;
      const transfer = () => p.post(who.communityMediator, `/api/tasks/${task.id}/actions/transferTask`, { toPersonId: colleague.id, reason: '本人需回避' }, { 'Idempotency-Key': key });
      const first = await transfer();
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(round(await p.caseWhen(id, (c) => round(c).mediatorId === colleague.id)).mediatorId).toBe(colleague.id);

      // The colleague mediates the round to its end: the handed task closes.
      const session = { heldOn: p.today(), participants: ['张建国', '李秀兰'], place: '调解室', summary: '听取双方陈述' };
      expect((await p.act(username, id, 'recordSession', session)).status).toBe(200);
      expect((await p.act(username, id, 'recordFailure', { reason: '双方分歧较大' })).status).toBe(200);
      await p.caseWhen(id, (c) => c.currentLevel === 'street');
      // The first answer is lost (as when the API died before storing it under the key); the client resends.
      expect((await p.prisma.idempotencyRecord.deleteMany({ where: { personId: mediator.id, key } })).count).toBe(1);
      const resend = await transfer();
      expect([resend.status, resend.body.id, resend.body.assigneeId], JSON.stringify(resend.body)).toEqual([200, first.body.id, colleague.id]);
      // The transfer's timeline line was written once.
      const lines = await p.prisma.taskEvent.findMany({ where: { workflowId: task.workflowId, action: 'transferTask' } });
      expect(lines).toHaveLength(1);
      // Another request (another key) for the same is refused.
      const other = await p.post(who.communityMediator, `/api/tasks/${task.id}/actions/transferTask`, { toPersonId: colleague.id, reason: '本人需回避' }, { 'Idempotency-Key': `${key}-2` });
      expect([other.status, other.body.code]).toEqual([409, 'ALREADY_DONE']);
    } finally {
      await p.prisma.roleAssignment.deleteMany({ where: { personId: colleague.id } });
    }
  });
});
