// The mediation case's own clock as the kit's deadlines, without any server:
// what the case waits for by itself in each stage, what each passed
// deadline does (asking the host for a period in working days where the
// calendar decides), the 诉前调解 term winning a tie, and when the case is
// finished. The runner (workflows/kit/runner.ts) does nothing but follow
// these; the same steps through the real engine are tests/mediation/*.test.ts.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access';
import type { CaseFacts, MediationState } from '../../domain/mediation';
import { DEFAULT_MEDIATION_RULES } from '../../domain/mediation/rules';
import { mediationTimedMachine, type MediationStep } from '../../domain/mediation/timed';

const m = mediationTimedMachine(DEFAULT_MEDIATION_RULES);
const unit = (id: string, path: string, name = id) => ({ id, path, name });
const U = { community: unit('c1', 'd/s1/c1/', '芙蓉社区'), street: unit('s1', 'd/s1/', '人民路街道'), district: unit('d', 'd/', '秦都区') };
const mediator = (personId: string, unitId: string, unitPath: string): Actor => ({ personId, displayName: personId, grants: [{ role: 'mediator', unitId, unitPath }] });
const cm = mediator('cm', 'c1', 'd/s1/c1/');
const sm = mediator('sm', 's1', 'd/s1/');
const t0 = new Date('2026-03-02T01:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(t0.getTime() + days * DAY);

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  title: '楼上漏水',
  channel: 'walk_in',
  disputeType: 'water_leak',
  risk: 'low',
  complexity: 'ordinary',
  amountFen: 320_000,
  partyCount: 2,
  place: U.community,
  units: U,
  ...over,
});
const register = (over: Partial<CaseFacts> = {}, extra: { notSuitableReason?: string } = {}) =>
  m.register({ caseId: 'x', caseNo: '秦都调〔2026〕1号', facts: facts(over), registeredBy: { personId: 'cs', displayName: 'cs' }, alreadyInLitigation: false, notSuitableReason: extra.notSuitableReason ?? null }, t0);

/** The step a passed deadline takes, its period answered as the host would: `days` after its start. */
function pass(state: MediationState, action: string, now: Date, days = 5): MediationStep {
  const deadline = m.deadlines(state).find((d) => d.action === action);
  expect(deadline, `${action} in ${JSON.stringify(m.deadlines(state))}`).toBeDefined();
  const step = m.onDeadline(state, deadline!, now);
  const period = step.effects.period;
  return period ? m.settle(step, new Date(Date.parse(period.from) + days * DAY).toISOString(), now) : step;
}

describe('mediation as a timed machine (process kit)', () => {
  it('registers and triages in one step; a case referred out is finished with its notice, a high-risk one tells the mediators and the street', () => {
    const out = register({}, { notSuitableReason: '已起诉' });
    expect(out.effects.timeline.map((e) => e.action)).toEqual(['registerCase', 'triage']);
    expect(out.effects.notifications.map((n) => n.kind)).toEqual(['mediation.referred_out']);
    expect(m.finished(out.state)).toBe(true);
    expect(m.deadlines(out.state)).toEqual([]);

    const risky = register({ risk: 'high' });
    const start = risky.state.triage?.kind === 'mediate' ? risky.state.triage.startLevel : null;
    expect(start).not.toBeNull();
    expect(risky.effects.notifications.map((n) => [n.kind, n.to])).toEqual([
      ['mediation.high_risk', { role: 'mediator', unitId: U[start!].id }],
      ['mediation.high_risk', { role: 'street_office', unitId: 's1' }],
    ]);
  });

  it('opens a round at once with its limit in working days, reminds it at the limit with the grace counted from there, then escalates it and opens the next level', () => {
    const { state } = register();
    expect(m.deadlines(state)).toEqual([{ key: 'round-1:open', at: t0.toISOString(), action: 'openRound' }]);
    // The round asks the host for its limit (ordinary: 7 working days from now) before it opens.
    const asking = m.onDeadline(state, m.deadlines(state)[0]!, t0);
    expect(asking.effects.period).toEqual({ purpose: 'openRound', from: t0.toISOString(), workingDays: 7, level: 'community' });
    expect(asking.state.version).toBe(state.version);
    const opened = pass(state, 'openRound', t0, 9).state;
    expect(opened.rounds).toHaveLength(1);
    expect(opened.rounds[0]).toMatchObject({ level: 'community', dueAt: at(9).toISOString() });
    expect(m.deadlines(opened)).toEqual([{ key: 'round-1:remind', at: at(9).toISOString(), action: 'remindRound' }]);

    const reminded = pass(opened, 'remindRound', at(9), 2);
    expect(reminded.effects.timeline.map((e) => e.action)).toEqual(['remindOverdue']);
    expect(reminded.state.rounds[0]!.escalateAt).toBe(at(11).toISOString());
    // The round's unit is told, and the level above supervises.
    expect(reminded.effects.notifications.map((n) => n.to)).toEqual([{ role: 'mediator', unitId: 'c1', reach: 'unit' }, { role: 'mediator', unitId: 's1' }]);

    const escalated = pass(reminded.state, 'escalateRound', at(11));
    expect(escalated.effects.timeline.map((e) => e.action)).toEqual(['escalateOverdue']);
    expect(m.deadlines(escalated.state).map((d) => [d.key, d.action])).toEqual([['round-2:open', 'openRound']]);
    const street = pass(escalated.state, 'openRound', at(11)).state;
    expect(street.rounds.map((r) => r.level)).toEqual(['community', 'street']);
    expect(m.finished(street)).toBe(false);
  });

  it('closes as not mediated once the district round fails', () => {
    let s = pass(register().state, 'openRound', t0).state;
    for (const [who, lv] of [[cm, 'community'], [sm, 'street']] as const) {
      s = m.apply(s, who, 'acceptCase', {}, at(1)).state;
      s = m.apply(s, who, 'recordFailure', { reason: `${lv}调解不成` }, at(1)).state;
      s = pass(s, 'openRound', at(1)).state;
    }
    const dm = mediator('dm', 'd', 'd/');
    s = m.apply(s, dm, 'acceptCase', {}, at(2)).state;
    s = m.apply(s, dm, 'recordFailure', { reason: '区级调解不成' }, at(2)).state;
    expect(m.deadlines(s).map((d) => d.action)).toEqual(['closeNotMediated']);
    const closed = pass(s, 'closeNotMediated', at(2));
    expect(closed.state).toMatchObject({ stage: 'closed', outcome: 'not_mediated' });
    expect(m.finished(closed.state)).toBe(true);
  });

  it('a court-referred case: the term is declared first (it wins a tie with a reminder), returns the case to the court when it runs out, and an extension moves it', () => {
    const { state } = register({ channel: 'court_referral' });
    const term = state.preLitigation!.deadline;
    expect(m.deadlines(state).map((d) => d.action)).toEqual(['expirePreLitigation', 'openRound']);
    const opened = pass(state, 'openRound', t0, 60).state;
    // The term and the round's reminder due at the same instant: the term comes first.
    const tied = { ...opened, rounds: [{ ...opened.rounds[0]!, dueAt: term }] };
    expect(m.deadlines(tied).map((d) => [d.action, d.at])).toEqual([['expirePreLitigation', term], ['remindRound', term]]);
    // A reminder due once the term is over changes nothing (the term's deadline returns the case).
    const late = m.onDeadline(tied, m.deadlines(tied)[1]!, new Date(term));
    expect(late.state.version).toBe(tied.version);
    expect(late.effects.period).toBeUndefined();

    const returned = pass(opened, 'expirePreLitigation', new Date(term));
    expect(returned.state).toMatchObject({ stage: 'closed', outcome: 'not_mediated' });
    expect(returned.effects.notifications.map((n) => n.kind)).toEqual(['mediation.returned_to_court']);

    const accepted = m.apply(opened, cm, 'acceptCase', {}, at(1)).state;
    const extended = m.apply(accepted, cm, 'extendPreLitigation', { applicantAgreed: true, respondentAgreed: true }, at(2)).state;
    const moved = m.deadlines(extended).find((d) => d.action === 'expirePreLitigation')!;
    expect(Date.parse(moved.at)).toBeGreaterThan(Date.parse(term));
    expect(moved.key).not.toBe(m.deadlines(accepted).find((d) => d.action === 'expirePreLitigation')!.key);
  });

  it('after an agreement: schedules the 回访 (its document made once saved), lets the 司法确认 window run out, opens the 回访, reminds it, and closes once visited', () => {
    let s = pass(register().state, 'openRound', t0).state;
    s = m.apply(s, cm, 'acceptCase', {}, at(1)).state;
    s = m.apply(s, cm, 'recordAgreement', { terms: '赔偿3200元', performance: '一次性支付', amountFen: 320_000, performBy: null }, at(2)).state;
    expect(m.deadlines(s).map((d) => d.action)).toEqual(['scheduleFollowUp', 'expireConfirmation']);
    const scheduled = pass(s, 'scheduleFollowUp', at(2), 14);
    expect(scheduled.effects.makeDocument).toBe(true);
    expect(scheduled.state.followUp?.opensAt).toBe(at(16).toISOString());
    s = scheduled.state;
    expect(m.deadlines(s).map((d) => d.action)).toEqual(['expireConfirmation', 'openFollowUp']);

    s = pass(s, 'openFollowUp', at(16), 7).state;
    expect(s.followUp).toMatchObject({ openedAt: at(16).toISOString(), dueAt: at(23).toISOString() });
    const reminded = pass(s, 'remindFollowUp', at(23));
    // A notice only: no timeline line, but a new version so the runner saves (and sends) it.
    expect(reminded.effects.timeline).toEqual([]);
    expect(reminded.effects.notifications.map((n) => n.kind)).toEqual(['mediation.follow_up_overdue']);
    expect(reminded.state.version).toBe(s.version + 1);

    s = pass(s, 'expireConfirmation', at(32)).state;
    expect(s.judicial?.status).toBe('expired');
    expect(m.finished(s)).toBe(false);
    s = m.apply(s, cm, 'recordFollowUp', { result: 'fulfilled', note: '已履行' }, at(33)).state;
    expect(m.deadlines(s).map((d) => d.action)).toEqual(['closeCase']);
    const closed = pass(s, 'closeCase', at(33));
    expect(closed.effects.timeline.map((e) => e.action)).toEqual(['closeCase']);
    expect(m.finished(closed.state)).toBe(true);
  });
});
