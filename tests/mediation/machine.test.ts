// The mediation machine in the kit's shape, without any server: apply is
// pure (the state it was given is untouched), refusals speak to access and
// scope before the stage, and the inbox and "what may I do" follow the state.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access';
import { mediationMachine as m } from '../../domain/mediation/machine';
import { initialState, roundOpened, triaged, type CaseFacts, type MediationState } from '../../domain/mediation';

const unit = (id: string, path: string, name = id) => ({ id, path, name });
const U = { community: unit('c1', 'd/s1/c1/', '芙蓉社区'), street: unit('s1', 'd/s1/', '人民路街道'), district: unit('d', 'd/', '秦都区') };
const actor = (personId: string, role: Actor['grants'][number]['role'], unitId: string, unitPath: string): Actor => ({ personId, displayName: personId, grants: [{ role, unitId, unitPath }] });
const cm = actor('cm', 'mediator', 'c1', 'd/s1/c1/');
const om = actor('om', 'mediator', 's2', 'd/s2/');
const staff = actor('cs', 'community', 'c1', 'd/s1/c1/');
const t0 = new Date('2026-03-02T01:00:00Z');
const at = new Date('2026-03-03T02:00:00Z');

function openCase(): MediationState {
  const facts: CaseFacts = { title: '楼上漏水', channel: 'walk_in', disputeType: 'water_leak', risk: 'low', complexity: 'ordinary', amountFen: 320_000, partyCount: 2, place: U.community, units: U };
  const s = initialState({ caseId: 'x', caseNo: '秦都调〔2026〕1号', facts, registeredBy: { personId: 'cs', displayName: 'cs' }, targetConcludeBy: t0.toISOString(), confirmationCalendarDays: 30, preLitigation: null }, t0);
  triaged(s, { kind: 'mediate', startLevel: 'community', highRisk: false, reasons: [] }, t0);
  roundOpened(s, 'community', new Date('2026-03-11T15:59:59Z'), t0);
  return s;
}

describe('mediation machine (process kit)', () => {
  it('names every action as a camelCase verb with a label', () => {
    for (const a of m.actions) {
      expect(a).toMatch(/^[a-z]+(?:[A-Z][a-z]+)+$/);
      expect(m.labels[a]).toBeTruthy();
    }
  });

  it('refuses by access and scope before the stage', () => {
    const s = openCase();
    // recordFollowUp is out of stage for everyone; who has no say hears about access, not the stage.
    expect(m.refusal(s, staff, 'recordFollowUp', { result: 'fulfilled', note: '—' }, at)?.code).toBe('FORBIDDEN_ROLE');
    expect(m.refusal(s, cm, 'acceptCase', {}, at)).toBeNull();
    expect(m.refusal(s, om, 'acceptCase', {}, at)?.code).toMatch(/^FORBIDDEN_/);
  });

  it('applies without touching the state it was given, and returns the timeline entry', () => {
    const s = openCase();
    const before = JSON.stringify(s);
    const step = m.apply(s, cm, 'acceptCase', {}, at);
    expect(JSON.stringify(s)).toBe(before);
    expect(step.state.version).toBe(s.version + 1);
    expect(step.state.rounds.at(-1)?.mediatorId).toBe('cm');
    expect(step.effects.timeline).toHaveLength(1);
    expect(step.effects.timeline[0]).toMatchObject({ action: 'acceptCase', actorId: 'cm' });
  });

  it('derives the inbox and the available actions from the state', () => {
    const s = openCase();
    expect(m.pendingTasks(s).map((t) => t.action)).toEqual(['acceptCase']);
    expect(m.availableActions(s, cm, at)).toContain('acceptCase');
    expect(m.availableActions(s, om, at)).toEqual([]);
    const accepted = m.apply(s, cm, 'acceptCase', {}, at).state;
    expect(m.pendingTasks(accepted).map((t) => t.action)).toEqual(['recordSession']);
    expect(m.availableActions(accepted, cm, at)).toEqual(expect.arrayContaining(['recordSession', 'recordFailure']));
  });
});
