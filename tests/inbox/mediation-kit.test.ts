// The kit members mediation declares for the inbox, without a server: 转交 of
// a step bound to a mediator (reassign) and 撤回 (recall) build the states the
// runner saves, and leave the states they were given untouched.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access';
import { isRefusal } from '../../domain/kit/machine';
import { initialState, roundOpened, triaged, type CaseFacts, type MediationState } from '../../domain/mediation';
import { mediationMachine as m } from '../../domain/mediation/machine';

const unit = (id: string, path: string, name = id) => ({ id, path, name });
const U = { community: unit('c1', 'd/s1/c1/', '芙蓉社区'), street: unit('s1', 'd/s1/', '人民路街道'), district: unit('d', 'd/', '秦都区') };
const mediator = (personId: string, unitId: string, unitPath: string): Actor => ({ personId, displayName: `调解员${personId}`, grants: [{ role: 'mediator', unitId, unitPath }] });
const cm = mediator('cm', 'c1', 'd/s1/c1/');
const cm2 = mediator('cm2', 'c1', 'd/s1/c1/');
const sm = mediator('sm', 's1', 'd/s1/');
const t0 = new Date('2026-03-02T01:00:00Z');
const at = new Date('2026-03-03T02:00:00Z');

function openCase(): MediationState {
  const facts: CaseFacts = { title: '楼上漏水', channel: 'walk_in', disputeType: 'water_leak', risk: 'low', complexity: 'ordinary', amountFen: 320_000, partyCount: 2, place: U.community, units: U };
  const s = initialState({ caseId: 'x', caseNo: '秦都调〔2026〕1号', facts, registeredBy: { personId: 'cs', displayName: 'cs' }, targetConcludeBy: t0.toISOString(), confirmationCalendarDays: 30, preLitigation: null }, t0);
  triaged(s, { kind: 'mediate', startLevel: 'community', highRisk: false, reasons: [] }, t0);
  roundOpened(s, 'community', new Date('2026-03-11T15:59:59Z'), t0);
  return s;
}

describe('mediation reassign (转交 in the case)', () => {
  it('leaves an unnamed acceptance to the inbox, but only for a mediator of the round’s own unit', () => {
    const s = openCase();
    const key = m.pendingTasks(s)[0]!.key;
    expect(m.reassign!(s, key, cm2, at)).toBeNull();
    const above = m.reassign!(s, key, sm, at);
    expect(isRefusal(above) && above.code).toBe('TRANSFER_TARGET_INELIGIBLE');
    expect(isRefusal(m.reassign!(s, 'no-such-task', cm2, at))).toBe(true);
  });

  it('moves an accepted round to the new mediator, who may then act and the old one not', () => {
    const accepted = m.apply(openCase(), cm, 'acceptCase', {}, at).state;
    const before = JSON.stringify(accepted);
    const step = m.reassign!(accepted, m.pendingTasks(accepted)[0]!.key, cm2, at);
    if (!step || isRefusal(step)) throw new Error('expected a step');
    expect(JSON.stringify(accepted)).toBe(before);
    expect(step.state.version).toBe(accepted.version + 1);
    expect(step.state.rounds.at(-1)).toMatchObject({ mediatorId: 'cm2', mediatorName: '调解员cm2' });
    expect(m.pendingTasks(step.state)[0]).toMatchObject({ action: 'recordSession', assigneeId: 'cm2' });
    const session = { heldOn: '2026-03-03', participants: ['甲'], place: '调解室', summary: '陈述' };
    expect(m.refusal(step.state, cm2, 'recordSession', session, at)).toBeNull();
    expect(m.refusal(step.state, cm, 'recordSession', session, at)?.code).toMatch(/^FORBIDDEN_/);
  });
});

describe('mediation recall (撤回)', () => {
  it('declares naming, acceptance and sessions recallable, never an agreement or a failure', () => {
    expect(m.recallable).toEqual(['assignMediator', 'acceptCase', 'recordSession']);
  });

  it('gives back the state before the step with the counters carried forward and a timeline line', () => {
    const s = openCase();
    const accepted = m.apply(s, cm, 'acceptCase', {}, at).state;
    const step = m.recall!(s, accepted, 'acceptCase', cm, at, '误点受理');
    expect(step.state.rounds.at(-1)).toMatchObject({ acceptedAt: null, mediatorId: null });
    expect(step.state.version).toBe(accepted.version + 1);
    expect(step.state.eventSeq).toBe(accepted.eventSeq + 1);
    expect(step.effects.timeline).toEqual([expect.objectContaining({ seq: accepted.eventSeq + 1, action: 'recallStep', actorId: 'cm', summary: '撤回「受理案件」:误点受理' })]);
    expect(m.pendingTasks(step.state).map((t) => t.action)).toEqual(['acceptCase']);
  });
});

describe('mediation 退回 (sendBack)', () => {
  it('allows a round in progress back to its acceptance only, never from an acceptance, an agreement or the court steps', () => {
    expect(m.sendBackTargets).toEqual({ recordSession: ['acceptCase'] });
  });

  it('takes the mediator off the round, which its unit accepts again under a new task key; the sessions stay; a stranger or a closed round is refused', () => {
    const accepted = m.apply(openCase(), cm, 'acceptCase', {}, at).state;
    const session = { heldOn: '2026-03-03', participants: ['甲'], place: '调解室', summary: '陈述' };
    const held = m.apply(accepted, cm, 'recordSession', session, at).state;
    const before = JSON.stringify(held);
    const mediateKey = m.pendingTasks(held)[0]!.key;
    const other = mediator('cx', 'c9', 'd/s2/c9/');
    const stranger = m.sendBack!(held, other, 'recordSession', 'acceptCase', '回避', at);
    expect(isRefusal(stranger) && stranger.code).toBe('FORBIDDEN_SCOPE');
    const step = m.sendBack!(held, cm, 'recordSession', 'acceptCase', '当事人申请更换调解员', at);
    if (isRefusal(step)) throw new Error(step.message);
    expect(JSON.stringify(held)).toBe(before);
    expect(step.state.rounds.at(-1)).toMatchObject({ acceptedAt: null, mediatorId: null, assignedMediatorId: null, sendBacks: 1, sessions: [expect.objectContaining({ summary: '陈述' })] });
    expect(step.state.version).toBe(held.version + 1);
    expect(step.effects.timeline).toEqual([expect.objectContaining({ action: 'sendBack', actorId: 'cm', summary: expect.stringContaining('当事人申请更换调解员') })]);
    const [task] = m.pendingTasks(step.state);
    expect(task).toMatchObject({ action: 'acceptCase', assigneeId: null, key: 'community:accept:unit-b1' });
    // Another of the unit's mediators accepts; the round in progress is a new task too.
    const again = m.apply(step.state, cm2, 'acceptCase', {}, at).state;
    expect(m.pendingTasks(again)[0]).toMatchObject({ action: 'recordSession', assigneeId: 'cm2' });
    expect(m.pendingTasks(again)[0]!.key).not.toBe(mediateKey);
    // A supervising mediator above the round's unit may send it back too; nobody may once nothing is in progress.
    expect(isRefusal(m.sendBack!(again, sm, 'recordSession', 'acceptCase', '调整承办人', at))).toBe(false);
    const sendAgain = m.sendBack!(step.state, cm, 'recordSession', 'acceptCase', '再次', at);
    expect(isRefusal(sendAgain) && sendAgain.code).toBe('WRONG_STAGE');
  });
});
