// 诉前调解 of a court-referred case (诉前委派), with the engine's virtual time:
// 30 calendar days from accepting the referral for the whole mediation, then
// back to the court; an extension only when both parties agree; a case that
// fails at every level goes back to the court too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, mediateRound, round, startMediationPlatform, who, type MediationPlatform } from './support';

let p: MediationPlatform;
beforeAll(async () => {
  p = await startMediationPlatform();
});
afterAll(() => p?.close());

const untilAfter = async (iso: string, extraMs = 60_000) => {
  const ms = Date.parse(iso) - p.now().getTime() + extraMs;
  if (ms > 0) await p.advanceTime(ms);
};

// Complex: the community round's own limit (20 working days) outlasts the
// first part of each test, so what ends the case is the pre-litigation term.
const courtCase = () =>
  p.register({ channel: 'court_referral', disputeType: 'civil_commercial_contract', complexity: 'complex', description: '人民法院诉前委派:装修工程款结算纠纷。' });

const agreed = { applicantAgreed: true, respondentAgreed: true, note: '双方在调解会上签字同意延长' };

/** Waits for exactly one "returned to court" notice per person for this case (none to anybody else). */
const expectReturnNotices = async (caseId: string, usernames: string[]) => {
  const link = `/api/mediation-cases/${caseId}`;
  const notices = () => p.prisma.notification.findMany({ where: { link, kind: 'mediation.returned_to_court' }, select: { recipient: { select: { username: true } } } });
  await p.waitFor(async () => (await notices()).length >= usernames.length);
  expect((await notices()).map((n) => n.recipient.username).sort()).toEqual([...usernames].sort());
};

describe('pre-litigation mediation (诉前调解)', () => {
  it('returns a court-referred case to the court when 30 calendar days pass without agreement', async () => {
    const registeredAt = p.now().getTime();
    const id = await courtCase();
    const c0 = await p.caseWhen(id, (c) => c.stage === 'in_round');
    const pl = c0.state.preLitigation;
    // End of the 30th calendar day, Beijing time: 30–31 days from registration.
    expect(Date.parse(pl.deadline) - registeredAt).toBeGreaterThan(30 * DAY - DAY);
    expect(Date.parse(pl.deadline) - registeredAt).toBeLessThanOrEqual(31 * DAY);
    expect(c0.targetConcludeBy).toBe(pl.deadline);
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(200);

    await untilAfter(pl.deadline);
    const done = await p.caseWhen(id, (c) => c.stage === 'closed');
    expect(done).toMatchObject({ outcome: 'not_mediated' });
    expect(done.closeReason).toContain('退回人民法院');
    expect(done.guidance).toContain('退回委派的人民法院');
    expect(done.state.preLitigation.expiredAt).not.toBeNull();
    // The round open when the term ran out ends as expired. The community
    // round (20 working days, then 2 of grace) escalates first only if its
    // escalation falls on an earlier day than the term's end; at the same
    // instant the term wins, whichever timer the engine fires first.
    const rounds = done.state.rounds as any[];
    expect(rounds.every((r) => r.endedAt !== null)).toBe(true);
    expect(rounds.at(-1).outcome).toBe('expired');
    for (const r of rounds.slice(0, -1)) {
      expect(r.outcome).toBe('overdue');
      expect(Date.parse(r.endedAt)).toBeLessThan(Date.parse(pl.deadline));
    }
    expect(done.timeline.map((e: any) => e.action)).toContain('returnToCourt');
    expect(done.pendingActions).toEqual([]);
    expect(await p.prisma.humanTask.count({ where: { subjectId: id, status: 'open' } })).toBe(0);
    // The side that accepted the court's referral, and the mediator, are told to hand it back.
    await expectReturnNotices(id, [who.gridWorker, who.communityMediator]);
    // Nothing more can be done on it.
    expect((await p.act(who.communityMediator, id, 'extendPreLitigation', agreed)).status).toBe(409);
  });

  it('moves the deadline when both parties agree to an extension', async () => {
    const id = await courtCase();
    const c0 = await p.caseWhen(id, (c) => c.stage === 'in_round');
    const first = c0.state.preLitigation.deadline;
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(200);

    await p.advanceTime(20 * DAY);
    const ext = await p.act(who.communityMediator, id, 'extendPreLitigation', agreed);
    expect(ext.status, JSON.stringify(ext.body)).toBe(200);
    const c1 = await p.caseWhen(id, (c) => c.state.preLitigation.extensions.length === 1);
    const moved = c1.state.preLitigation.deadline;
    expect(Date.parse(moved) - Date.parse(first)).toBe(30 * DAY);
    expect(c1.targetConcludeBy).toBe(moved);
    expect(c1.timeline.map((e: any) => e.action)).toContain('extendPreLitigation');
    // One extension by default.
    expect((await p.act(who.communityMediator, id, 'extendPreLitigation', agreed)).status).toBe(409);

    // Past the first deadline the case is still being mediated …
    await untilAfter(first);
    await p.advanceTime(DAY);
    const c2 = await p.caseWhen(id, (c) => c.state.version >= c1.state.version);
    expect(c2.stage).toBe('in_round');
    expect(c2.timeline.map((e: any) => e.action)).not.toContain('returnToCourt');
    // … and goes back to the court only after the extended one.
    await untilAfter(moved);
    const done = await p.caseWhen(id, (c) => c.stage === 'closed');
    expect(done.outcome).toBe('not_mediated');
    expect(done.closeReason).toContain('延长1次');
    expect(done.state.preLitigation.expiredAt).toBe(done.state.preLitigation.returnedAt);
  });

  it('returns a case that fails at the district level to the court, not to litigation of the parties\' own', async () => {
    const id = await courtCase();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    await mediateRound(p, id, who.communityMediator, 'failure');
    await p.caseWhen(id, (c) => round(c).level === 'street');
    await mediateRound(p, id, who.streetMediator, 'failure');
    await p.caseWhen(id, (c) => round(c).level === 'district');
    await mediateRound(p, id, who.districtMediator, 'failure');

    const done = await p.caseWhen(id, (c) => c.stage === 'closed');
    expect(done).toMatchObject({ outcome: 'not_mediated' });
    expect(done.closeReason).toContain('退回人民法院');
    expect(done.guidance).toContain('退回委派的人民法院');
    expect(done.guidance).not.toContain('仲裁');
    expect(done.state.preLitigation).toMatchObject({ expiredAt: null });
    expect(done.state.preLitigation.returnedAt).not.toBeNull();
    const actions = done.timeline.map((e: any) => e.action);
    expect(actions).toContain('returnToCourt');
    expect(actions).not.toContain('closeNotMediated');
    await expectReturnNotices(id, [who.gridWorker, who.communityMediator, who.streetMediator, who.districtMediator]);
    // The term's timer ended with the case: nothing fires at its old deadline.
    await untilAfter(done.state.preLitigation.deadline);
    const later = await p.get(who.auditor, `/api/mediation-cases/${id}`);
    expect(later.body.state.version).toBe(done.state.version);
  });

  it('refuses an extension without both parties\' consent and changes nothing', async () => {
    const id = await courtCase();
    await p.caseWhen(id, (c) => c.stage === 'in_round');
    expect((await p.act(who.communityMediator, id, 'acceptCase', {})).status).toBe(200);
    const c0 = await p.caseWhen(id, (c) => round(c).acceptedAt !== null);

    const one = await p.act(who.communityMediator, id, 'extendPreLitigation', { applicantAgreed: true, respondentAgreed: false });
    expect(one.status).toBe(422);
    expect(JSON.stringify(one.body)).toContain('BUSINESS_RULE');
    const none = await p.act(who.communityMediator, id, 'extendPreLitigation', { applicantAgreed: false, respondentAgreed: false });
    expect(none.status).toBe(422);
    // Another street's mediator cannot read the case, so for them it does not
    // exist (access before state), whatever the parties said.
    expect((await p.act(who.otherStreetMediator, id, 'extendPreLitigation', agreed)).status).toBe(404);

    const c1 = await p.get(who.auditor, `/api/mediation-cases/${id}`);
    expect(c1.body.state.version).toBe(c0.state.version);
    expect(c1.body.state.preLitigation).toEqual(c0.state.preLitigation);
    expect(c1.body.timeline.map((e: any) => e.action)).not.toContain('extendPreLitigation');

    // A case that did not come from a court has no such term.
    const plain = await p.register();
    await p.caseWhen(plain, (c) => c.stage === 'in_round');
    expect((await p.act(who.communityMediator, plain, 'extendPreLitigation', agreed)).status).toBe(409);
  });
});
