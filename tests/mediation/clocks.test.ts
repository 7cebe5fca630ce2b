// The clocks of a mediation case, with the engine's virtual time: an overdue
// round reminds and then escalates by itself; the 30 days for 司法确认; the
// court's decision; the 回访 after its delay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediateRound, round, startMediationPlatform, who, type MediationPlatform } from './support';

let p: MediationPlatform;
beforeAll(async () => {
  p = await startMediationPlatform();
});
afterAll(() => p?.close());

const untilAfter = async (iso: string, extraMs = 60_000) => {
  const ms = Date.parse(iso) - p.now().getTime() + extraMs;
  if (ms > 0) await p.advanceTime(ms);
};

describe('mediation clocks', () => {
  it('reminds on an overdue round, then escalates it by itself', async () => {
    const id = await p.register({ complexity: 'simple' });
    const c0 = await p.caseWhen(id, (c) => c.stage === 'in_round');
    const r0 = round(c0);
    // simple = 1 working day: due at the end of the next working day, Beijing time.
    expect(Date.parse(r0.dueAt)).toBeGreaterThan(p.now().getTime());

    await untilAfter(r0.dueAt);
    const c1 = await p.caseWhen(id, (c) => round(c).remindedAt !== null);
    expect(round(c1)).toMatchObject({ level: 'community', endedAt: null });
    const mediators = await p.prisma.person.findMany({ where: { username: { in: [who.communityMediator, who.streetMediator] } } });
    await p.waitFor(async () => (await p.prisma.notification.count({ where: { recipientId: { in: mediators.map((m) => m.id) }, kind: 'mediation.overdue' } })) >= 2);

    await untilAfter(round(c1).escalateAt);
    const c2 = await p.caseWhen(id, (c) => c.currentLevel === 'street');
    expect(c2.state.rounds[0]).toMatchObject({ level: 'community', outcome: 'overdue' });
    expect(c2.timeline.map((e: any) => e.action)).toEqual(expect.arrayContaining(['remindOverdue', 'escalateOverdue']));
    expect(c2.pendingActions[0]).toMatchObject({ action: 'acceptCase', unitId: 'qindu-renmin' });
    // The community's task was cancelled, not left open.
    const tasks = await p.prisma.humanTask.findMany({ where: { subjectId: id }, orderBy: { createdAt: 'asc' } });
    expect(tasks.map((t) => [t.unitId, t.status])).toEqual([
      ['qindu-renmin-furong', 'cancelled'],
      ['qindu-renmin', 'open'],
    ]);
  });

  it('records a joint 司法确认 application inside 30 days, the court\'s acceptance and decision, and the 回访', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    await mediateRound(p, id, who.communityMediator, 'agreement');
    await p.caseWhen(id, (c) => c.stage === 'agreement');

    await p.advanceTime(20 * 86_400_000);
    const apply = await p.act(who.communityMediator, id, 'applyJudicialConfirmation', { applicants: ['张建国', '李秀兰'], court: '咸阳市秦都区人民法院' });
    expect(apply.status, JSON.stringify(apply.body)).toBe(200);
    const c1 = await p.caseWhen(id, (c) => c.state.judicial.acceptanceDueAt !== null);
    expect(c1.judicialStatus).toBe('applied');
    expect(c1.pendingActions.map((a: any) => a.action)).toContain('recordCourtAcceptance');
    // Only the mediator who handled the agreement records for it.
    expect((await p.act(who.streetMediator, id, 'recordCourtAcceptance', { accepted: true })).status).toBe(403);
    // The court has 3 (working) days to decide on acceptance; after that the mediator is reminded.
    await untilAfter(c1.state.judicial.acceptanceDueAt);
    await p.caseWhen(id, (c) => c.timeline.some((e: any) => e.action === 'remindCourtAcceptance'));

    expect((await p.act(who.communityMediator, id, 'recordCourtAcceptance', { accepted: true, courtCaseNumber: '(2026)陕0402民特1号' })).status).toBe(200);
    expect((await p.act(who.communityMediator, id, 'recordCourtDecision', { confirmed: true, rulingNo: '(2026)陕0402民特1号' })).status).toBe(200);
    const c2 = await p.caseWhen(id, (c) => c.judicialStatus === 'confirmed');
    expect(c2.stage).toBe('agreement');

    // The 回访 opened after its delay (10 working days, already passed): record it and the case closes.
    const c3 = await p.caseWhen(id, (c) => c.pendingActions.some((a: any) => a.action === 'recordFollowUp'));
    expect(c3.state.followUp.openedAt).not.toBeNull();
    const visit = await p.act(who.communityMediator, id, 'recordFollowUp', { result: 'fulfilled', note: '维修已完成,赔偿款已支付,双方无异议' });
    expect(visit.status, JSON.stringify(visit.body)).toBe(200);
    const done = await p.caseWhen(id, (c) => c.stage === 'closed');
    expect(done).toMatchObject({ outcome: 'agreement', judicialStatus: 'confirmed' });
    expect(done.state.followUp).toMatchObject({ result: 'fulfilled' });
    const row = await p.prisma.mediationCase.findUniqueOrThrow({ where: { id } });
    expect(row.followUpResult).toBe('fulfilled');
    // Repeating the follow-up is refused: the case is closed.
    expect((await p.act(who.communityMediator, id, 'recordFollowUp', { result: 'fulfilled', note: 'x' })).status).toBe(409);
  });

  it('refuses a 司法确认 application made after the 30 days', async () => {
    const id = await p.register();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    await mediateRound(p, id, who.communityMediator, 'agreement');
    const c0 = await p.caseWhen(id, (c) => c.stage === 'agreement');
    await untilAfter(c0.state.agreement.confirmationDeadline);
    const c1 = await p.caseWhen(id, (c) => c.judicialStatus === 'expired');
    const late = await p.act(who.communityMediator, id, 'applyJudicialConfirmation', { applicants: ['张建国', '李秀兰'], court: '咸阳市秦都区人民法院' });
    expect(late.status).toBe(422);
    expect(JSON.stringify(late.body)).toContain('CONFIRMATION_WINDOW_CLOSED');
    const c2 = await p.get(who.auditor, `/api/mediation-cases/${id}`);
    expect(c2.body.state.version).toBe(c1.state.version);
  });
});
